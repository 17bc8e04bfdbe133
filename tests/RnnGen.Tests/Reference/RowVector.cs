namespace RnnGen.Tests.Reference;

/// <summary>
/// Keras' row-vector convention <c>acc += x·M</c> over a row-major matrix <c>M[rows, columns]</c>
/// (rows = x.Length, columns = acc.Length), the two gradients of that product, and the bias sum.
/// </summary>
internal static class RowVector
{
    /// <summary><c>acc[j] += Σ_i x[i] · matrix[i, j]</c>.</summary>
    public static void AddTimesMatrix(ReadOnlySpan<double> x, ReadOnlySpan<double> matrix, Span<double> acc)
    {
        CheckShape(x.Length, acc.Length, matrix.Length);
        for (int i = 0; i < x.Length; i++)
        {
            for (int j = 0; j < acc.Length; j++)
            {
                acc[j] += x[i] * matrix[i * acc.Length + j];
            }
        }
    }

    /// <summary><c>dx[i] += Σ_j matrix[i, j] · dAcc[j]</c>: the gradient of <see cref="AddTimesMatrix"/> with respect to x.</summary>
    public static void AddTimesTransposed(ReadOnlySpan<double> dAcc, ReadOnlySpan<double> matrix, Span<double> dx)
    {
        CheckShape(dx.Length, dAcc.Length, matrix.Length);
        for (int i = 0; i < dx.Length; i++)
        {
            for (int j = 0; j < dAcc.Length; j++)
            {
                dx[i] += matrix[i * dAcc.Length + j] * dAcc[j];
            }
        }
    }

    /// <summary><c>dMatrix[i, j] += x[i] · dAcc[j]</c>: the gradient of <see cref="AddTimesMatrix"/> with respect to the matrix.</summary>
    public static void AddOuterProduct(ReadOnlySpan<double> x, ReadOnlySpan<double> dAcc, Span<double> dMatrix)
    {
        CheckShape(x.Length, dAcc.Length, dMatrix.Length);
        for (int i = 0; i < x.Length; i++)
        {
            for (int j = 0; j < dAcc.Length; j++)
            {
                dMatrix[i * dAcc.Length + j] += x[i] * dAcc[j];
            }
        }
    }

    /// <summary><c>into[j] += values[j]</c> for every j of <paramref name="into"/> (a bias or its gradient; empty when absent).</summary>
    public static void Add(ReadOnlySpan<double> values, Span<double> into)
    {
        for (int j = 0; j < into.Length; j++)
        {
            into[j] += values[j];
        }
    }

    private static void CheckShape(int rows, int columns, int matrixLength)
    {
        if (matrixLength != rows * columns)
        {
            throw new ArgumentException($"A [{rows}, {columns}] matrix holds {rows * columns} values, not {matrixLength}.");
        }
    }
}
