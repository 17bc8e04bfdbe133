using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace RnnGen.Kernels;

/// <summary>
/// The three products of an RNN, on row-major matrices (the Keras layout). For generated code:
/// shapes come from the span lengths, and a matrix shorter than the shape is refused before
/// anything is read or written.
/// </summary>
/// <remarks>
/// Each product runs on the widest accelerated register that fits the columns: the entry points
/// are inlined, so with the constant lengths of generated code the JIT keeps only one branch.
/// Columns that do not fill a last register are done by one register that ends at the row's end,
/// whose lanes already done are masked off. Fewer than four columns are done in scalar code.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class MatrixKernels
{
    /// <summary>
    /// <c>accumulator[c] += Σ_r vector[r] · matrix[r, c]</c>: the forward product <c>h·RecurrentKernel</c>,
    /// in axpy form over contiguous rows. <c>matrix</c> is <c>[vector.Length, accumulator.Length]</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><c>matrix</c> is shorter than <c>vector.Length * accumulator.Length</c>, counted without overflow.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddVectorTimesMatrix(ReadOnlySpan<float> vector, ReadOnlySpan<float> matrix, Span<float> accumulator)
    {
        int rows = vector.Length;
        int columns = accumulator.Length;
        RequireMatrix(matrix.Length, rows, columns, "[vector.Length, accumulator.Length]", nameof(matrix));
        ref float v = ref MemoryMarshal.GetReference(vector);
        ref float m = ref MemoryMarshal.GetReference(matrix);
        ref float acc = ref MemoryMarshal.GetReference(accumulator);
        if (Vector512.IsHardwareAccelerated && columns >= Vector512<float>.Count)
        {
            VectorTimesMatrix.Add<Lanes512, Vector512<float>>(ref v, ref m, ref acc, (nuint)rows, (nuint)columns);
        }
        else if (Vector256.IsHardwareAccelerated && columns >= Vector256<float>.Count)
        {
            VectorTimesMatrix.Add<Lanes256, Vector256<float>>(ref v, ref m, ref acc, (nuint)rows, (nuint)columns);
        }
        else if (columns >= Vector128<float>.Count)
        {
            VectorTimesMatrix.Add<Lanes128, Vector128<float>>(ref v, ref m, ref acc, (nuint)rows, (nuint)columns);
        }
        else if (columns == 1)
        {
            // One column is contiguous: a dot product.
            acc += TensorPrimitives.Dot(vector, matrix[..rows]);
        }
        else
        {
            VectorTimesMatrix.AddNarrow(ref v, ref m, ref acc, (nuint)rows, (nuint)columns);
        }
    }

    /// <summary>
    /// Row length from which matrix × vector uses 512-bit registers: each row ends in a sum across the
    /// register's lanes, which costs more at 512 bits, so shorter rows run faster at 256 (measured: the
    /// medium shape's Backward, 64-float rows, was 13 % slower with AVX-512 than with AVX2).
    /// </summary>
    private const int WideRowsFor512 = 128;

    /// <summary>
    /// <c>result[r] = Σ_c matrix[r, c] · vector[c]</c>: the backward product <c>da·RecurrentKernelᵀ</c>.
    /// <c>matrix</c> is <c>[result.Length, vector.Length]</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><c>matrix</c> is shorter than <c>result.Length * vector.Length</c>, counted without overflow.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MultiplyMatrixByVector(ReadOnlySpan<float> matrix, ReadOnlySpan<float> vector, Span<float> result)
    {
        int rows = result.Length;
        int columns = vector.Length;
        RequireMatrix(matrix.Length, rows, columns, "[result.Length, vector.Length]", nameof(matrix));
        ref float m = ref MemoryMarshal.GetReference(matrix);
        ref float v = ref MemoryMarshal.GetReference(vector);
        ref float r = ref MemoryMarshal.GetReference(result);
        if (Vector512.IsHardwareAccelerated && columns >= WideRowsFor512)
        {
            MatrixTimesVector.Multiply<Lanes512, Vector512<float>>(ref m, ref v, ref r, (nuint)rows, (nuint)columns);
        }
        else if (Vector256.IsHardwareAccelerated && columns >= Vector256<float>.Count)
        {
            MatrixTimesVector.Multiply<Lanes256, Vector256<float>>(ref m, ref v, ref r, (nuint)rows, (nuint)columns);
        }
        else if (columns >= Vector128<float>.Count)
        {
            MatrixTimesVector.Multiply<Lanes128, Vector128<float>>(ref m, ref v, ref r, (nuint)rows, (nuint)columns);
        }
        else
        {
            MatrixTimesVector.MultiplyNarrow(ref m, ref v, ref r, (nuint)rows, (nuint)columns);
        }
    }

    /// <summary>
    /// <c>matrix[r, c] += left[r] · right[c]</c>: a weight gradient <c>h_{t-1}ᵀ·da</c>.
    /// <c>matrix</c> is <c>[left.Length, right.Length]</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><c>matrix</c> is shorter than <c>left.Length * right.Length</c>, counted without overflow.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddOuterProduct(ReadOnlySpan<float> left, ReadOnlySpan<float> right, Span<float> matrix)
    {
        int rows = left.Length;
        int columns = right.Length;
        RequireMatrix(matrix.Length, rows, columns, "[left.Length, right.Length]", nameof(matrix));
        ref float l = ref MemoryMarshal.GetReference(left);
        ref float x = ref MemoryMarshal.GetReference(right);
        ref float m = ref MemoryMarshal.GetReference(matrix);
        if (Vector512.IsHardwareAccelerated && columns >= Vector512<float>.Count)
        {
            OuterProduct.Add<Lanes512, Vector512<float>>(ref l, ref x, ref m, (nuint)rows, (nuint)columns);
        }
        else if (Vector256.IsHardwareAccelerated && columns >= Vector256<float>.Count)
        {
            OuterProduct.Add<Lanes256, Vector256<float>>(ref l, ref x, ref m, (nuint)rows, (nuint)columns);
        }
        else if (columns >= Vector128<float>.Count)
        {
            OuterProduct.Add<Lanes128, Vector128<float>>(ref l, ref x, ref m, (nuint)rows, (nuint)columns);
        }
        else
        {
            OuterProduct.AddNarrow(ref l, ref x, ref m, (nuint)rows, (nuint)columns);
        }
    }

    /// <summary>Throws unless <paramref name="length"/> holds a <c>[rows, columns]</c> matrix.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void RequireMatrix(int length, int rows, int columns, string shape, string paramName)
    {
        // In 64 bits: an int product can wrap (65536² is 0) and let an empty matrix through.
        if ((long)rows * columns > length)
        {
            ThrowMatrixTooShort(length, rows, columns, shape, paramName);
        }
    }

    [DoesNotReturn]
    private static void ThrowMatrixTooShort(int length, int rows, int columns, string shape, string paramName) =>
        throw new ArgumentOutOfRangeException(
            paramName,
            string.Create(
                CultureInfo.InvariantCulture,
                $"Expected at least {(long)rows * columns} floats, a {shape} = [{rows}, {columns}] matrix, but the span has {length}."));
}
