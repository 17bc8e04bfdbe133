using RnnGen.Kernels;

namespace RnnGen.Tests.Kernels;

/// <summary>The weight-gradient kernels against float64 references, at sizes that hit every block and tail.</summary>
public class GradientKernelsTests
{
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(3, 4, 8)]
    [InlineData(12, 1, 3)]
    [InlineData(7, 5, 17)]
    [InlineData(64, 9, 33)]
    [InlineData(5, 13, 64)]
    [InlineData(2, 4, 100)]
    public void AddTransposedProduct_adds_left_transposed_times_right(int steps, int rows, int columns)
    {
        var random = new Random(steps * 1000 + rows * 10 + columns);
        float[] left = RandomValues(random, steps * rows);
        float[] right = RandomValues(random, steps * columns);
        float[] result = RandomValues(random, rows * columns);
        var expected = new double[result.Length];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                double sum = result[r * columns + c];
                for (int t = 0; t < steps; t++)
                {
                    sum += (double)left[t * rows + r] * right[t * columns + c];
                }

                expected[r * columns + c] = sum;
            }
        }

        GradientKernels.AddTransposedProduct(left, right, result, steps, rows, columns);

        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - result[i]) <= 1e-5 * Math.Max(1, Math.Abs(expected[i])), $"[{i}] {expected[i]} vs {result[i]}");
        }
    }

    [Fact]
    public void AddTransposedProduct_refuses_lengths_that_do_not_match_the_shape()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            GradientKernels.AddTransposedProduct(new float[6], new float[6], new float[5], steps: 2, rows: 3, columns: 3));
        Assert.Contains("Expected left [2, 3], right [2, 3] and result [3, 3]", error.Message);
    }

    [Fact]
    public void AddColumnSums_adds_the_sum_over_rows()
    {
        float[] sums = [1f, 2f];
        GradientKernels.AddColumnSums([1f, 10f, 2f, 20f, 3f, 30f], sums);
        Assert.Equal([7f, 62f], sums);
    }

    private static float[] RandomValues(Random random, int count)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = (float)(random.NextDouble() * 2 - 1);
        }

        return values;
    }
}
