using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RnnGen.Kernels;

/// <summary>
/// Weight gradients summed over all time steps at once. BPTT's <c>dRecurrentKernel += h_{t-1}ᵀ·da_t</c>,
/// done step by step, reads and writes the whole gradient matrix every step; collecting the da_t of
/// every step first turns the sum into one matrix product, <c>Hᵀ·DA</c>, that keeps blocks of the
/// gradient in registers while it streams over the steps.
/// </summary>
public static class GradientKernels
{
    /// <summary>Rows of the result held in registers at once.</summary>
    private const int RowBlock = 4;

    /// <summary>
    /// <c>result[r, c] += Σ_t left[t, r] · right[t, c]</c>, i.e. <c>result += leftᵀ·right</c>, with
    /// <c>left</c> <c>[steps, rows]</c>, <c>right</c> <c>[steps, columns]</c> and <c>result</c> <c>[rows, columns]</c>,
    /// all row-major.
    /// </summary>
    /// <exception cref="ArgumentException">The lengths are not <c>steps * rows</c>, <c>steps * columns</c>, <c>rows * columns</c>.</exception>
    public static void AddTransposedProduct(ReadOnlySpan<float> left, ReadOnlySpan<float> right, Span<float> result, int steps, int rows, int columns)
    {
        if (left.Length != steps * rows || right.Length != steps * columns || result.Length != rows * columns)
        {
            throw new ArgumentException(
                $"Expected left [{steps}, {rows}], right [{steps}, {columns}] and result [{rows}, {columns}], but their lengths are {left.Length}, {right.Length} and {result.Length}.");
        }

        ref float l = ref MemoryMarshal.GetReference(left);
        ref float x = ref MemoryMarshal.GetReference(right);
        ref float g = ref MemoryMarshal.GetReference(result);
        int width = Vector<float>.Count;
        int r = 0;
        for (; r + RowBlock <= rows; r += RowBlock)
        {
            int c = 0;
            for (; c + width <= columns; c += width)
            {
                AddBlock(ref l, ref x, ref g, steps, rows, columns, r, c);
            }

            for (; c < columns; c++)
            {
                for (int k = 0; k < RowBlock; k++)
                {
                    AddScalar(ref l, ref x, ref g, steps, rows, columns, r + k, c);
                }
            }
        }

        for (; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                AddScalar(ref l, ref x, ref g, steps, rows, columns, r, c);
            }
        }
    }

    /// <summary>
    /// <c>sums[c] += Σ_t values[t, c]</c>: a bias gradient summed over the steps. <c>values</c> is
    /// <c>[values.Length / sums.Length, sums.Length]</c>.
    /// </summary>
    public static void AddColumnSums(ReadOnlySpan<float> values, Span<float> sums)
    {
        int columns = sums.Length;
        for (int start = 0; start < values.Length; start += columns)
        {
            System.Numerics.Tensors.TensorPrimitives.Add(sums, values.Slice(start, columns), sums);
        }
    }

    /// <summary>Four result rows × one vector of columns, accumulated in registers over every step.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddBlock(ref float left, ref float right, ref float result, int steps, int rows, int columns, int r, int c)
    {
        ref float row0 = ref Unsafe.Add(ref result, r * columns + c);
        ref float row1 = ref Unsafe.Add(ref row0, columns);
        ref float row2 = ref Unsafe.Add(ref row1, columns);
        ref float row3 = ref Unsafe.Add(ref row2, columns);
        Vector<float> acc0 = Vector.LoadUnsafe(ref row0);
        Vector<float> acc1 = Vector.LoadUnsafe(ref row1);
        Vector<float> acc2 = Vector.LoadUnsafe(ref row2);
        Vector<float> acc3 = Vector.LoadUnsafe(ref row3);
        for (int t = 0; t < steps; t++)
        {
            Vector<float> x = Vector.LoadUnsafe(ref Unsafe.Add(ref right, t * columns + c));
            ref float l = ref Unsafe.Add(ref left, t * rows + r);
            acc0 = Vector.FusedMultiplyAdd(new Vector<float>(l), x, acc0);
            acc1 = Vector.FusedMultiplyAdd(new Vector<float>(Unsafe.Add(ref l, 1)), x, acc1);
            acc2 = Vector.FusedMultiplyAdd(new Vector<float>(Unsafe.Add(ref l, 2)), x, acc2);
            acc3 = Vector.FusedMultiplyAdd(new Vector<float>(Unsafe.Add(ref l, 3)), x, acc3);
        }

        acc0.StoreUnsafe(ref row0);
        acc1.StoreUnsafe(ref row1);
        acc2.StoreUnsafe(ref row2);
        acc3.StoreUnsafe(ref row3);
    }

    private static void AddScalar(ref float left, ref float right, ref float result, int steps, int rows, int columns, int r, int c)
    {
        float sum = 0f;
        for (int t = 0; t < steps; t++)
        {
            sum += Unsafe.Add(ref left, t * rows + r) * Unsafe.Add(ref right, t * columns + c);
        }

        Unsafe.Add(ref result, r * columns + c) += sum;
    }
}
