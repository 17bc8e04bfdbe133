using RnnGen.Kernels;

namespace RnnGen.Tests.Kernels;

/// <summary>
/// The public kernels refuse sizes they cannot serve (products that overflow <c>int</c>, negative
/// sizes, spans too short, an empty span that would be stepped through by 0) with an
/// <see cref="ArgumentException"/> naming the expected length, before reading or writing anything.
/// Calls that used to crash or hang run with a time limit, so a regression fails instead of hanging.
/// </summary>
public class KernelGuardTests
{
    /// <summary>65536² is 2^32, which wraps to 0 in <c>int</c>.</summary>
    private const int Wrapping = 65536;

    [Fact]
    public async Task AddVectorTimesMatrix_refuses_sizes_whose_product_overflows_int()
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            Quickly(() => MatrixKernels.AddVectorTimesMatrix(new float[Wrapping], new float[1], new float[Wrapping])));
        Assert.Equal("matrix", error.ParamName);
        Assert.StartsWith("Expected at least 4294967296 floats, a [vector.Length, accumulator.Length] = [65536, 65536] matrix, but the span has 1.", error.Message);
    }

    [Fact]
    public async Task MultiplyMatrixByVector_refuses_sizes_whose_product_overflows_int()
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            Quickly(() => MatrixKernels.MultiplyMatrixByVector(new float[1], new float[Wrapping], new float[Wrapping])));
        Assert.StartsWith("Expected at least 4294967296 floats, a [result.Length, vector.Length] = [65536, 65536] matrix", error.Message);
    }

    [Fact]
    public async Task AddOuterProduct_refuses_sizes_whose_product_overflows_int()
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            Quickly(() => MatrixKernels.AddOuterProduct(new float[Wrapping], new float[Wrapping], new float[1])));
        Assert.StartsWith("Expected at least 4294967296 floats, a [left.Length, right.Length] = [65536, 65536] matrix", error.Message);
    }

    [Fact]
    public void Products_name_the_expected_length_of_a_short_matrix_and_leave_the_outputs_untouched()
    {
        float[] accumulator = [1f, 2f, 3f, 4f];
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            MatrixKernels.AddVectorTimesMatrix(new float[3], new float[11], accumulator));
        Assert.StartsWith("Expected at least 12 floats, a [vector.Length, accumulator.Length] = [3, 4] matrix, but the span has 11.", error.Message);
        Assert.Equal([1f, 2f, 3f, 4f], accumulator);
    }

    [Fact]
    public void Products_accept_a_matrix_longer_than_the_shape_and_ignore_the_rest()
    {
        float[] accumulator = [0f];
        MatrixKernels.AddVectorTimesMatrix([1f, 2f], [3f, 4f, 1000f], accumulator);
        Assert.Equal([11f], accumulator);
    }

    [Fact]
    public void Products_of_empty_shapes_do_nothing()
    {
        float[] accumulator = [1f, 2f, 3f, 4f, 5f];
        MatrixKernels.AddVectorTimesMatrix([], [], accumulator);
        MatrixKernels.AddOuterProduct([], [1f, 1f, 1f, 1f, 1f], []);
        MatrixKernels.AddVectorTimesMatrix([1f], [], []);
        Assert.Equal([1f, 2f, 3f, 4f, 5f], accumulator);

        float[] result = [7f, 7f];
        MatrixKernels.MultiplyMatrixByVector([], [], result);
        Assert.Equal([0f, 0f], result);
    }

    [Fact]
    public async Task AddTransposedProduct_refuses_sizes_whose_product_overflows_int()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            Quickly(() => GradientKernels.AddTransposedProduct([], new float[Wrapping], new float[Wrapping], steps: Wrapping, rows: Wrapping, columns: 1)));
        Assert.StartsWith(
            "Expected left [65536, 65536], right [65536, 1] and result [65536, 1], that is 4294967296, 65536 and 65536 floats, but their lengths are 0, 65536 and 65536.",
            error.Message);
    }

    [Fact]
    public void AddTransposedProduct_refuses_negative_sizes_even_when_their_products_match()
    {
        // (-1)·(-1) = 1 matches every length.
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            GradientKernels.AddTransposedProduct(new float[1], new float[1], new float[1], steps: -1, rows: -1, columns: -1));
        Assert.Equal("steps", error.ParamName);
        Assert.StartsWith("Expected a size of 0 or more, but steps is -1.", error.Message);
    }

    [Fact]
    public void AddTransposedProduct_over_zero_steps_leaves_the_result_unchanged()
    {
        float[] result = [1f, 2f, 3f, 4f, 5f, 6f];
        GradientKernels.AddTransposedProduct([], [], result, steps: 0, rows: 2, columns: 3);
        Assert.Equal([1f, 2f, 3f, 4f, 5f, 6f], result);
    }

    [Fact]
    public async Task AddColumnSums_refuses_empty_sums_instead_of_looping_forever()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            Quickly(() => GradientKernels.AddColumnSums(new float[4], Span<float>.Empty)));
        Assert.Equal("sums", error.ParamName);
    }

    [Fact]
    public void AddColumnSums_refuses_values_that_are_not_whole_rows_before_adding_any()
    {
        float[] sums = [1f, 2f];
        var error = Assert.Throws<ArgumentException>(() => GradientKernels.AddColumnSums([1f, 10f, 2f, 20f, 3f], sums));
        Assert.Equal("values", error.ParamName);
        Assert.StartsWith("Expected a multiple of 2 floats (sums.Length), but the span has 5.", error.Message);
        Assert.Equal([1f, 2f], sums);
    }

    [Fact]
    public void AddColumnSums_over_no_steps_leaves_the_sums_unchanged()
    {
        float[] sums = [1f, 2f];
        GradientKernels.AddColumnSums([], sums);
        Assert.Equal([1f, 2f], sums);
    }

    [Fact]
    public void Derivative_spans_name_the_expected_length_of_short_outputs()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Activations.MultiplyBySigmoidDerivative(new float[3], new float[4]));
        Assert.Equal("y", error.ParamName);
        Assert.StartsWith("Expected at least 4 floats (gradient.Length), but the span has 3.", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Guard_WholeMultiple_refuses_a_unit_below_one(int unit)
    {
        // 0 used to divide by zero; every length is a multiple of -3.
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.WholeMultiple(6, unit, "InputLength", "inputs"));
        Assert.Equal("unit", error.ParamName);
    }

    /// <summary>Runs a kernel call on the thread pool and fails with a <see cref="TimeoutException"/> if it does not return in time.</summary>
    private static Task Quickly(Action kernelCall) => Task.Run(kernelCall).WaitAsync(TimeSpan.FromSeconds(10));
}
