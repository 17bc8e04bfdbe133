using RnnGen.Kernels;

namespace RnnGen.Tests.Kernels;

/// <summary>
/// The three products against float64 references, at sizes that hit every register width, block,
/// partial last register and scalar path, with sentinels around every output to catch stray writes.
/// </summary>
public class MatrixKernelsTests
{
    private const float Sentinel = 98765f;

    /// <summary>Rows × columns: a grid of awkward sizes, every column count 1..300, every row count 1..300.</summary>
    public static IEnumerable<(int Rows, int Columns)> Shapes()
    {
        int[] sizes = [1, 2, 3, 4, 5, 7, 8, 9, 12, 15, 16, 17, 31, 32, 33, 48, 63, 64, 65, 100, 127, 128, 129, 255, 256, 257, 300];
        foreach (int rows in sizes)
        {
            foreach (int columns in sizes)
            {
                yield return (rows, columns);
            }
        }

        for (int n = 1; n <= 300; n++)
        {
            yield return (5, n);
            yield return (n, 37);
        }
    }

    [Fact]
    public void AddVectorTimesMatrix_adds_the_vector_times_the_matrix()
    {
        foreach ((int rows, int columns) in Shapes())
        {
            var random = new Random(rows * 1000 + columns);
            float[] vector = Values(random, rows);
            float[] matrix = Values(random, rows * columns);
            float[] accumulator = Values(random, columns);
            var expected = new double[columns];
            for (int c = 0; c < columns; c++)
            {
                expected[c] = accumulator[c];
                for (int r = 0; r < rows; r++)
                {
                    expected[c] += (double)vector[r] * matrix[r * columns + c];
                }
            }

            float[] buffer = Guarded(accumulator);
            MatrixKernels.AddVectorTimesMatrix(vector, matrix, buffer.AsSpan(1, columns));
            AssertClose(expected, buffer, rows, $"{rows}×{columns}");
        }
    }

    [Fact]
    public void MultiplyMatrixByVector_gives_each_row_dotted_with_the_vector()
    {
        foreach ((int rows, int columns) in Shapes())
        {
            var random = new Random(rows * 1000 + columns);
            float[] matrix = Values(random, rows * columns);
            float[] vector = Values(random, columns);
            var expected = new double[rows];
            for (int r = 0; r < rows; r++)
            {
                for (int c = 0; c < columns; c++)
                {
                    expected[r] += (double)matrix[r * columns + c] * vector[c];
                }
            }

            float[] buffer = Guarded(Values(random, rows));
            MatrixKernels.MultiplyMatrixByVector(matrix, vector, buffer.AsSpan(1, rows));
            AssertClose(expected, buffer, columns, $"{rows}×{columns}");
        }
    }

    [Fact]
    public void AddOuterProduct_adds_left_times_right_to_every_element()
    {
        foreach ((int rows, int columns) in Shapes())
        {
            var random = new Random(rows * 1000 + columns);
            float[] left = Values(random, rows);
            float[] right = Values(random, columns);
            float[] matrix = Values(random, rows * columns);
            var expected = new double[rows * columns];
            for (int r = 0; r < rows; r++)
            {
                for (int c = 0; c < columns; c++)
                {
                    expected[r * columns + c] = matrix[r * columns + c] + (double)left[r] * right[c];
                }
            }

            float[] buffer = Guarded(matrix);
            MatrixKernels.AddOuterProduct(left, right, buffer.AsSpan(1, rows * columns));
            AssertClose(expected, buffer, 1, $"{rows}×{columns}");
        }
    }

    [Fact]
    public void Products_refuse_a_matrix_shorter_than_the_shape()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MatrixKernels.AddVectorTimesMatrix(new float[3], new float[11], new float[4]));
        Assert.Throws<ArgumentOutOfRangeException>(() => MatrixKernels.MultiplyMatrixByVector(new float[11], new float[4], new float[3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => MatrixKernels.AddOuterProduct(new float[3], new float[4], new float[11]));
    }

    /// <summary>The values with a sentinel before and after.</summary>
    private static float[] Guarded(float[] values) => [Sentinel, .. values, Sentinel];

    /// <summary>Tolerance grows with the number of terms summed (values are in [-1, 1]).</summary>
    private static void AssertClose(double[] expected, float[] guarded, int terms, string shape)
    {
        Assert.True(guarded[0] == Sentinel && guarded[^1] == Sentinel, $"{shape}: wrote outside the output");
        double tolerance = 1e-6 * (terms + 1);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - guarded[i + 1]) <= tolerance, $"{shape} [{i}]: {expected[i]} vs {guarded[i + 1]}");
        }
    }

    private static float[] Values(Random random, int length)
    {
        var values = new float[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = (float)(random.NextDouble() * 2 - 1);
        }

        return values;
    }
}
