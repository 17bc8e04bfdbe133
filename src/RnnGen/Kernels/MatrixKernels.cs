using System.Numerics.Tensors;

namespace RnnGen.Kernels;

/// <summary>
/// The three products of an RNN, on row-major matrices (the Keras layout), for generated code.
/// Shapes come from the span lengths; callers pass spans of exactly the right lengths.
/// </summary>
public static class MatrixKernels
{
    /// <summary>
    /// <c>accumulator[c] += Σ_r vector[r] · matrix[r, c]</c>: the forward product <c>h·RecurrentKernel</c>,
    /// in axpy form over contiguous rows. <c>matrix</c> is <c>[vector.Length, accumulator.Length]</c>.
    /// </summary>
    public static void AddVectorTimesMatrix(ReadOnlySpan<float> vector, ReadOnlySpan<float> matrix, Span<float> accumulator)
    {
        int columns = accumulator.Length;
        for (int r = 0; r < vector.Length; r++)
        {
            TensorPrimitives.MultiplyAdd(matrix.Slice(r * columns, columns), vector[r], accumulator, accumulator);
        }
    }

    /// <summary>
    /// <c>result[r] = Σ_c matrix[r, c] · vector[c]</c>: the backward product <c>da·RecurrentKernelᵀ</c>.
    /// <c>matrix</c> is <c>[result.Length, vector.Length]</c>.
    /// </summary>
    public static void MultiplyMatrixByVector(ReadOnlySpan<float> matrix, ReadOnlySpan<float> vector, Span<float> result)
    {
        int columns = vector.Length;
        for (int r = 0; r < result.Length; r++)
        {
            result[r] = TensorPrimitives.Dot(matrix.Slice(r * columns, columns), vector);
        }
    }

    /// <summary>
    /// <c>matrix[r, c] += left[r] · right[c]</c>: a weight gradient <c>h_{t-1}ᵀ·da</c>.
    /// <c>matrix</c> is <c>[left.Length, right.Length]</c>.
    /// </summary>
    public static void AddOuterProduct(ReadOnlySpan<float> left, ReadOnlySpan<float> right, Span<float> matrix)
    {
        int columns = right.Length;
        for (int r = 0; r < left.Length; r++)
        {
            Span<float> row = matrix.Slice(r * columns, columns);
            TensorPrimitives.MultiplyAdd(right, left[r], row, row);
        }
    }
}
