using RnnGen.Kernels;

namespace RnnGen.Tests.Kernels;

/// <summary>
/// PredictBatch's product against a float64 loop, at sizes that hit every block and tail (1 to 67
/// rows, inner and columns, row strides wider than the rows), and its refusals of shapes the spans cannot hold.
/// </summary>
public class BatchKernelsTests
{
    [Theory]
    [InlineData(1, 1, 1, 0, 0, 0)]
    [InlineData(1, 67, 1, 3, 2, 0)]
    [InlineData(2, 3, 4, 0, 0, 5)]
    [InlineData(3, 1, 3, 1, 0, 1)]
    [InlineData(4, 64, 64, 0, 0, 0)]
    [InlineData(5, 7, 17, 2, 1, 3)]
    [InlineData(7, 9, 15, 0, 0, 1)]
    [InlineData(8, 16, 33, 4, 33, 0)]
    [InlineData(13, 5, 67, 7, 0, 11)]
    [InlineData(16, 64, 256, 0, 0, 0)]
    [InlineData(16, 64, 64, 0, 128, 192)] // one gate block's columns of a [64, 4·64] kernel, into a block of [4·64]-wide rows
    [InlineData(17, 31, 65, 1, 0, 64)]
    [InlineData(33, 67, 8, 9, 16, 2)]
    [InlineData(64, 2, 129, 0, 3, 3)]
    [InlineData(67, 67, 67, 1, 0, 1)]
    public void AddMatrixProduct_adds_left_times_right_row_by_row(int rows, int inner, int columns, int leftPadding, int rightPadding, int resultPadding)
    {
        var random = new Random(rows * 10000 + inner * 100 + columns);
        int leftStride = inner + leftPadding, rightStride = columns + rightPadding, resultStride = columns + resultPadding;
        float[] left = RandomValues(random, rows * leftStride);
        float[] right = RandomValues(random, inner * rightStride);
        float[] result = RandomValues(random, rows * resultStride);
        double[] expected = result.Select(static v => (double)v).ToArray();
        for (int r = 0; r < rows; r++)
        {
            for (int j = 0; j < columns; j++)
            {
                for (int k = 0; k < inner; k++)
                {
                    expected[r * resultStride + j] += (double)left[r * leftStride + k] * right[k * rightStride + j];
                }
            }
        }

        BatchKernels.AddMatrixProduct(left, leftStride, right, rightStride, result, resultStride, rows, inner, columns);

        for (int i = 0; i < expected.Length; i++)
        {
            // Padding between the rows is never written: it keeps its value exactly.
            Assert.True(Math.Abs(expected[i] - result[i]) <= 1e-5 * Math.Max(1, Math.Abs(expected[i])), $"[{i / resultStride}, {i % resultStride}] {expected[i]} vs {result[i]}");
        }
    }

    [Fact]
    public void AddMatrixProduct_reads_only_the_rows_it_is_given()
    {
        // Two rows of 3, 10 apart: the left span ends at the last row's end, the result too.
        float[] left = [1, 2, 3, 0, 0, 0, 0, 0, 0, 0, 4, 5, 6];
        float[] right = [1, 0, 0, 1, 1, 1];
        float[] result = [10, 20, 99, 30, 40];
        BatchKernels.AddMatrixProduct(left, 10, right, 2, result, 3, rows: 2, inner: 3, columns: 2);
        Assert.Equal([14f, 25f, 99f, 40f, 51f], result);
    }

    [Fact]
    public void AddMatrixProduct_of_no_rows_or_columns_writes_nothing()
    {
        float[] result = [1f];
        BatchKernels.AddMatrixProduct([], 3, [1f, 2f, 3f], 1, result, 1, rows: 0, inner: 3, columns: 1);
        BatchKernels.AddMatrixProduct([1f], 1, [], 0, result, 0, rows: 1, inner: 1, columns: 0);
        Assert.Equal([1f], result);
    }

    [Theory]
    [InlineData(2, 3, 2, 3, 2, 2, 5, 6, 5, "left")] // 2 rows of 3, 3 apart need 6 floats
    [InlineData(2, 3, 2, 3, 2, 2, 6, 5, 5, "right")] // [3, 2] needs 6
    [InlineData(2, 3, 2, 3, 4, 2, 6, 9, 5, "right")] // 3 rows of 2, 4 apart need 10
    [InlineData(2, 3, 2, 3, 2, 3, 6, 6, 4, "result")] // 2 rows of 2, 3 apart need 5
    public void AddMatrixProduct_refuses_spans_shorter_than_their_matrices(int rows, int inner, int columns, int leftStride, int rightStride, int resultStride, int leftLength, int rightLength, int resultLength, string paramName)
    {
        var error = Assert.Throws<ArgumentException>(() =>
            BatchKernels.AddMatrixProduct(new float[leftLength], leftStride, new float[rightLength], rightStride, new float[resultLength], resultStride, rows, inner, columns));
        Assert.Equal(paramName, error.ParamName);
        Assert.StartsWith("Expected at least", error.Message);
    }

    [Fact]
    public void AddMatrixProduct_refuses_negative_sizes_and_strides_narrower_than_a_row()
    {
        Assert.Equal("rows", Assert.Throws<ArgumentOutOfRangeException>(() => BatchKernels.AddMatrixProduct([], 1, [], 1, [], 1, -1, 1, 1)).ParamName);
        Assert.Equal("leftStride", Assert.Throws<ArgumentOutOfRangeException>(() => BatchKernels.AddMatrixProduct(new float[8], 2, new float[3], 1, new float[8], 1, 2, 3, 1)).ParamName);
        Assert.Equal("rightStride", Assert.Throws<ArgumentOutOfRangeException>(() => BatchKernels.AddMatrixProduct(new float[8], 3, new float[6], 1, new float[8], 2, 2, 3, 2)).ParamName);
        Assert.Equal("resultStride", Assert.Throws<ArgumentOutOfRangeException>(() => BatchKernels.AddMatrixProduct(new float[8], 3, new float[6], 2, new float[8], 1, 2, 3, 2)).ParamName);

        // (-1)·(-1) = 1 must not pass for a one-float span.
        Assert.Throws<ArgumentOutOfRangeException>(() => BatchKernels.AddMatrixProduct([1f], 1, [1f], 1, [1f], 1, 1, -1, -1));
    }

    [Fact]
    public void CopyToRows_starts_every_row_with_the_vector()
    {
        float[] matrix = [0, 0, 9, 0, 0];
        BatchKernels.CopyToRows([1f, 2f], matrix, stride: 3, rows: 2);
        Assert.Equal([1f, 2f, 9f, 1f, 2f], matrix);
    }

    [Fact]
    public void CopyToRows_refuses_a_matrix_shorter_than_its_rows()
    {
        Assert.Equal("matrix", Assert.Throws<ArgumentException>(() => BatchKernels.CopyToRows([1f, 2f], new float[4], stride: 3, rows: 2)).ParamName);
        Assert.Equal("stride", Assert.Throws<ArgumentOutOfRangeException>(() => BatchKernels.CopyToRows([1f, 2f], new float[4], stride: 1, rows: 2)).ParamName);
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
