using System.Globalization;
using RnnGen.Kernels;

namespace RnnGen.Tests.Kernels;

/// <summary>
/// The messages of <see cref="Guard"/> and the kernels (which generated code throws to the user)
/// format their numbers invariantly, under a culture whose integers look different: the project
/// runs with invariant globalization, so the culture is the invariant one with a minus sign of
/// U+2212 and '.' to group digits.
/// </summary>
public class KernelMessageCultureTests
{
    [Fact]
    public void Guard_Length_formats_its_numbers_invariantly()
    {
        // A negative expected length is what an overflowing `count * OutputLength` passes.
        var error = UnderDifferentCulture(() => Assert.Throws<ArgumentException>(() =>
            Guard.Length(1234567, -8, "OutputLength = DenseUnits = 1 per input sequence", "outputs")));
        Assert.Equal(
            "Expected -8 floats (OutputLength = DenseUnits = 1 per input sequence), but the span has 1234567. (Parameter 'outputs')",
            error.Message);
    }

    [Fact]
    public void Guard_WholeMultiple_formats_its_numbers_invariantly()
    {
        var error = UnderDifferentCulture(() => Assert.Throws<ArgumentException>(() =>
            Guard.WholeMultiple(1234567, 12, "InputLength = TimeSteps * Features = 12 * 1 per sequence", "inputs")));
        Assert.Equal(
            "Expected a multiple of 12 floats (InputLength = TimeSteps * Features = 12 * 1 per sequence), but the span has 1234567. (Parameter 'inputs')",
            error.Message);

        var unit = UnderDifferentCulture(() => Assert.Throws<ArgumentOutOfRangeException>(() => Guard.WholeMultiple(12, -3, "InputLength", "inputs")));
        Assert.StartsWith("Expected a unit of 1 or more, but it is -3.", unit.Message);
    }

    [Fact]
    public void Kernel_messages_format_their_numbers_invariantly()
    {
        var negative = UnderDifferentCulture(() => Assert.Throws<ArgumentOutOfRangeException>(() =>
            GradientKernels.AddTransposedProduct([], [], [], steps: 0, rows: -2, columns: 0)));
        Assert.Equal("Expected a size of 0 or more, but rows is -2. (Parameter 'rows')", negative.Message);

        var shape = UnderDifferentCulture(() => Assert.Throws<ArgumentException>(() =>
            GradientKernels.AddTransposedProduct([], [], [], steps: 65536, rows: 65536, columns: 0)));
        Assert.Equal(
            "Expected left [65536, 65536], right [65536, 0] and result [65536, 0], that is 4294967296, 0 and 0 floats, but their lengths are 0, 0 and 0.",
            shape.Message);

        var derivative = UnderDifferentCulture(() => Assert.Throws<ArgumentOutOfRangeException>(() =>
            Activations.MultiplyByReluDerivative(new float[1000], new float[1001])));
        Assert.Equal("Expected at least 1001 floats (gradient.Length), but the span has 1000. (Parameter 'y')", derivative.Message);

        var matrix = UnderDifferentCulture(() => Assert.Throws<ArgumentOutOfRangeException>(() =>
            MatrixKernels.AddOuterProduct(new float[65536], new float[65536], new float[1])));
        Assert.Equal(
            "Expected at least 4294967296 floats, a [left.Length, right.Length] = [65536, 65536] matrix, but the span has 1. (Parameter 'matrix')",
            matrix.Message);
    }

    [Fact]
    public void The_culture_under_test_formats_integers_differently()
    {
        Assert.Equal("−8", (-8).ToString(CommaCulture.Create()));
        Assert.Equal("1.234.567", 1234567.ToString("N0", CommaCulture.Create()));
    }

    private static T UnderDifferentCulture<T>(Func<T> action)
    {
        using var culture = CommaCulture.Use();
        return action();
    }
}
