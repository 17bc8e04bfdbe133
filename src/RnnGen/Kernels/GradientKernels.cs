using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RnnGen.Kernels;

/// <summary>
/// Weight gradients summed over all time steps at once. BPTT's <c>dRecurrentKernel += h_{t-1}ᵀ·da_t</c>,
/// done step by step, reads and writes the whole gradient matrix every step; collecting the da_t of
/// every step first turns the sum into one matrix product, <c>Hᵀ·DA</c>, that keeps blocks of the
/// gradient in registers while it streams over the steps. For generated code: shapes that do not
/// match the spans are refused before anything is read or written.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GradientKernels
{
    /// <summary>Rows of the result held in registers at once.</summary>
    private const int RowBlock = 4;

    /// <summary>
    /// <c>result[r, c] += Σ_t left[t, r] · right[t, c]</c>, i.e. <c>result += leftᵀ·right</c>, with
    /// <c>left</c> <c>[steps, rows]</c>, <c>right</c> <c>[steps, columns]</c> and <c>result</c> <c>[rows, columns]</c>,
    /// all row-major.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="steps"/>, <paramref name="rows"/> or <paramref name="columns"/> is negative.</exception>
    /// <exception cref="ArgumentException">The lengths are not <c>steps * rows</c>, <c>steps * columns</c>, <c>rows * columns</c>, counted without overflow.</exception>
    public static void AddTransposedProduct(ReadOnlySpan<float> left, ReadOnlySpan<float> right, Span<float> result, int steps, int rows, int columns)
    {
        // In 64 bits: an int product can wrap (65536² is 0) and match an empty span. Negative sizes
        // first, or (-1)·(-1) would match a length of 1. The throw helper says which check failed.
        if ((steps | rows | columns) < 0
            || (long)steps * rows != left.Length
            || (long)steps * columns != right.Length
            || (long)rows * columns != result.Length)
        {
            ThrowShape(left.Length, right.Length, result.Length, steps, rows, columns);
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
    /// <exception cref="ArgumentException"><paramref name="sums"/> is empty, or <c>values.Length</c> is not a whole multiple of <c>sums.Length</c>.</exception>
    public static void AddColumnSums(ReadOnlySpan<float> values, Span<float> sums)
    {
        int columns = sums.Length;

        // No columns would step through the values by 0 forever.
        if (columns == 0)
        {
            throw new ArgumentException("Expected at least one column to sum into, but the span is empty.", nameof(sums));
        }

        int steps = values.Length / columns;
        if (steps * columns != values.Length)
        {
            ThrowNotWholeRows(values.Length, columns);
        }

        for (int t = 0; t < steps; t++)
        {
            TensorPrimitives.Add(sums, values.Slice(t * columns, columns), sums);
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
            acc0 = Vector.MultiplyAddEstimate(new Vector<float>(l), x, acc0);
            acc1 = Vector.MultiplyAddEstimate(new Vector<float>(Unsafe.Add(ref l, 1)), x, acc1);
            acc2 = Vector.MultiplyAddEstimate(new Vector<float>(Unsafe.Add(ref l, 2)), x, acc2);
            acc3 = Vector.MultiplyAddEstimate(new Vector<float>(Unsafe.Add(ref l, 3)), x, acc3);
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

    [DoesNotReturn]
    private static void ThrowShape(int leftLength, int rightLength, int resultLength, int steps, int rows, int columns)
    {
        ThrowIfNegative(steps, nameof(steps));
        ThrowIfNegative(rows, nameof(rows));
        ThrowIfNegative(columns, nameof(columns));
        throw new ArgumentException(string.Create(
            CultureInfo.InvariantCulture,
            $"Expected left [{steps}, {rows}], right [{steps}, {columns}] and result [{rows}, {columns}], that is {(long)steps * rows}, {(long)steps * columns} and {(long)rows * columns} floats, but their lengths are {leftLength}, {rightLength} and {resultLength}."));
    }

    // Not ArgumentOutOfRangeException.ThrowIfNegative: its message formats the value in the current culture.
    private static void ThrowIfNegative(int size, string paramName)
    {
        if (size < 0)
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                string.Create(CultureInfo.InvariantCulture, $"Expected a size of 0 or more, but {paramName} is {size}."));
        }
    }

    [DoesNotReturn]
    private static void ThrowNotWholeRows(int length, int columns) =>
        throw new ArgumentException(
            string.Create(CultureInfo.InvariantCulture, $"Expected a multiple of {columns} floats (sums.Length), but the span has {length}."),
            "values");
}
