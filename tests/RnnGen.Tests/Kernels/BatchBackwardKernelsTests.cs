using RnnGen.Kernels;

namespace RnnGen.Tests.Kernels;

/// <summary>
/// BackwardBatch's kernels against float64 loops: the weight gradient product leftᵀ·right at sizes that
/// hit every block and tail (1 to 67 rows, left columns and columns, strides wider than the rows), the
/// transpose, and their refusals of shapes the spans cannot hold.
/// </summary>
public class BatchBackwardKernelsTests
{
    [Theory]
    [InlineData(1, 1, 1, 0, 0, 0)]
    [InlineData(1, 67, 1, 3, 2, 0)]
    [InlineData(2, 3, 4, 0, 0, 5)]
    [InlineData(3, 1, 3, 1, 0, 1)]
    [InlineData(5, 7, 17, 2, 1, 3)]
    [InlineData(7, 9, 15, 124, 0, 1)] // the model's inputs: one step of each sequence, a sequence's 128 floats apart
    [InlineData(15, 4, 64, 124, 0, 0)]
    [InlineData(16, 64, 64, 0, 0, 0)]
    [InlineData(16, 64, 3, 0, 0, 0)]
    [InlineData(16, 256, 256, 0, 0, 0)]
    [InlineData(16, 1, 256, 63, 0, 0)]
    [InlineData(17, 31, 65, 1, 0, 64)]
    [InlineData(33, 67, 8, 9, 16, 2)]
    [InlineData(67, 67, 67, 1, 0, 1)]
    public void AddTransposedProduct_adds_left_transposed_times_right(int rows, int leftColumns, int columns, int leftPadding, int rightPadding, int resultPadding)
    {
        var random = new Random(rows * 10000 + leftColumns * 100 + columns);
        int leftStride = leftColumns + leftPadding, rightStride = columns + rightPadding, resultStride = columns + resultPadding;
        float[] left = RandomValues(random, rows * leftStride);
        float[] right = RandomValues(random, rows * rightStride);
        float[] result = RandomValues(random, leftColumns * resultStride);
        double[] expected = result.Select(static v => (double)v).ToArray();
        for (int i = 0; i < leftColumns; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                for (int r = 0; r < rows; r++)
                {
                    expected[i * resultStride + j] += (double)left[r * leftStride + i] * right[r * rightStride + j];
                }
            }
        }

        BatchKernels.AddTransposedProduct(left, leftStride, right, rightStride, result, resultStride, rows, leftColumns, columns);

        for (int k = 0; k < expected.Length; k++)
        {
            // Padding between the rows is never written: it keeps its value exactly.
            Assert.True(Math.Abs(expected[k] - result[k]) <= 1e-5 * Math.Max(1, Math.Abs(expected[k])), $"[{k / resultStride}, {k % resultStride}] {expected[k]} vs {result[k]}");
        }
    }

    [Fact]
    public void AddTransposedProduct_reads_only_the_rows_it_is_given()
    {
        // Two rows of 2 left columns, 10 apart: the left span ends at the last row's end.
        float[] left = [1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 3, 4];
        float[] right = [1, 10, 100, 1000];
        float[] result = [1, 2, 99, 3, 4];
        BatchKernels.AddTransposedProduct(left, 10, right, 2, result, 3, rows: 2, leftColumns: 2, columns: 2);
        // result[i, j] += left[0, i]·right[0, j] + left[1, i]·right[1, j]
        Assert.Equal([1f + 1 + 300, 2f + 10 + 3000, 99f, 3f + 2 + 400, 4f + 20 + 4000], result);
    }

    [Fact]
    public void AddTransposedProduct_of_no_rows_or_columns_writes_nothing()
    {
        float[] result = [1f];
        BatchKernels.AddTransposedProduct([], 1, [], 1, result, 1, rows: 0, leftColumns: 1, columns: 1);
        BatchKernels.AddTransposedProduct([1f], 1, [], 0, result, 0, rows: 1, leftColumns: 1, columns: 0);
        Assert.Equal([1f], result);
    }

    [Theory]
    [InlineData(2, 3, 2, 3, 2, 2, 5, 4, 6, "left")] // 2 rows of 3, 3 apart need 6 floats
    [InlineData(2, 3, 2, 3, 2, 2, 6, 3, 6, "right")] // 2 rows of 2 need 4
    [InlineData(2, 3, 2, 3, 4, 2, 6, 5, 6, "right")] // 2 rows of 2, 4 apart need 6
    [InlineData(2, 3, 2, 3, 2, 3, 6, 4, 7, "result")] // 3 rows of 2, 3 apart need 8
    public void AddTransposedProduct_refuses_spans_shorter_than_their_matrices(int rows, int leftColumns, int columns, int leftStride, int rightStride, int resultStride, int leftLength, int rightLength, int resultLength, string paramName)
    {
        var exception = Assert.Throws<ArgumentException>(() =>
            BatchKernels.AddTransposedProduct(new float[leftLength], leftStride, new float[rightLength], rightStride, new float[resultLength], resultStride, rows, leftColumns, columns));
        Assert.Equal(paramName, exception.ParamName);
        Assert.StartsWith("Expected at least", exception.Message);
    }

    [Fact]
    public void AddTransposedProduct_refuses_negative_sizes_and_strides_narrower_than_a_row()
    {
        float[] span = new float[16];
        Assert.Equal("rows", Assert.Throws<ArgumentOutOfRangeException>(() => BatchKernels.AddTransposedProduct(span, 1, span, 1, span, 1, -1, 1, 1)).ParamName);
        Assert.Equal("leftColumns", Assert.Throws<ArgumentOutOfRangeException>(() => BatchKernels.AddTransposedProduct(span, 1, span, 1, span, 1, 1, -1, 1)).ParamName);
        Assert.Equal("leftStride", Assert.Throws<ArgumentOutOfRangeException>(() => BatchKernels.AddTransposedProduct(span, 1, span, 2, span, 2, 2, 2, 2)).ParamName);
        Assert.Equal("resultStride", Assert.Throws<ArgumentOutOfRangeException>(() => BatchKernels.AddTransposedProduct(span, 2, span, 2, span, 1, 2, 2, 2)).ParamName);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, 5)]
    [InlineData(3, 7)]
    [InlineData(64, 3)]
    [InlineData(17, 33)]
    public void Transpose_swaps_rows_and_columns(int rows, int columns)
    {
        float[] matrix = RandomValues(new Random(rows * 100 + columns), rows * columns);
        float[] result = new float[rows * columns];
        BatchKernels.Transpose(matrix, rows, columns, result);
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                Assert.Equal(matrix[i * columns + j], result[j * rows + i]);
            }
        }
    }

    [Fact]
    public void Transpose_refuses_spans_of_another_length()
    {
        Assert.Equal("matrix", Assert.Throws<ArgumentException>(() => BatchKernels.Transpose(new float[5], 2, 3, new float[6])).ParamName);
        Assert.Equal("result", Assert.Throws<ArgumentException>(() => BatchKernels.Transpose(new float[6], 2, 3, new float[7])).ParamName);
        Assert.Equal("rows", Assert.Throws<ArgumentOutOfRangeException>(() => BatchKernels.Transpose([], -1, 3, [])).ParamName);
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
