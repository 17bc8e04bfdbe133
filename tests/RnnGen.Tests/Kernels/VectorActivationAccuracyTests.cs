using RnnGen.Kernels;
using Xunit.Abstractions;

namespace RnnGen.Tests.Kernels;

/// <summary>
/// <see cref="VectorMath"/>'s tanh, sigmoid and relu at every register width against float64, on a
/// dense grid, on random floats of every magnitude and at the extremes.
/// </summary>
public class VectorActivationAccuracyTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-6;

    private static readonly float[] Inputs = ActivationInputs.DenseGridAndRandom();

    public static TheoryData<LaneWidth> Widths => LaneMath.Widths;

    [Theory]
    [MemberData(nameof(Widths))]
    public void Tanh_is_within_1e_6_of_float64_everywhere(LaneWidth width)
    {
        double error = MaxAbsoluteError(LaneMath.Tanh(width, Inputs), Math.Tanh);
        output.WriteLine($"{width} tanh: max |error| = {error:E3}");
        Assert.True(error <= Tolerance, $"max error {error:E3}");
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Sigmoid_is_within_1e_6_of_float64_everywhere(LaneWidth width)
    {
        double error = MaxAbsoluteError(LaneMath.Sigmoid(width, Inputs), x => 1 / (1 + Math.Exp(-x)));
        output.WriteLine($"{width} sigmoid: max |error| = {error:E3}");
        Assert.True(error <= Tolerance, $"max error {error:E3}");
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Tanh_keeps_its_relative_accuracy_near_zero(LaneWidth width)
    {
        // Log-spaced from the smallest normal float to 0.5, both signs: gradients need relative, not only absolute, accuracy here.
        var xs = new float[20_000];
        for (int i = 0; i < xs.Length / 2; i++)
        {
            float x = (float)Math.Exp(Math.Log(ActivationInputs.MinNormal) + (Math.Log(0.5) - Math.Log(ActivationInputs.MinNormal)) * i / (xs.Length / 2 - 1));
            xs[2 * i] = x;
            xs[2 * i + 1] = -x;
        }

        float[] ys = LaneMath.Tanh(width, xs);
        double worst = 0;
        for (int i = 0; i < xs.Length; i++)
        {
            double exact = Math.Tanh(xs[i]);
            worst = Math.Max(worst, Math.Abs(ys[i] - exact) / Math.Abs(exact));
        }

        output.WriteLine($"{width} tanh on [2^-126, 0.5]: max relative error = {worst:E3}");
        Assert.True(worst <= 1e-6, $"max relative error {worst:E3}");
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Tanh_at_the_extremes_keeps_signed_zero_saturates_exactly_and_propagates_NaN(LaneWidth width)
    {
        float[] xs = [.. ActivationInputs.Extremes, float.NaN, -float.NaN];
        float[] ys = LaneMath.Tanh(width, xs);
        for (int i = 0; i < xs.Length; i++)
        {
            float x = xs[i];
            float y = ys[i];
            if (float.IsNaN(x))
            {
                Assert.True(float.IsNaN(y), $"tanh(NaN) = {y}");
            }
            else if (Math.Abs(x) < ActivationInputs.MinNormal)
            {
                Assert.Equal(float.IsNegative(x) ? -0f : 0f, y);
                Assert.Equal(float.IsNegative(x), float.IsNegative(y));
            }
            else if (Math.Abs(x) > 9f)
            {
                Assert.Equal(MathF.Sign(x), y);
            }
            else
            {
                Assert.True(Math.Abs(y - Math.Tanh(x)) <= Tolerance, $"tanh({x:R}) = {y:R}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Sigmoid_at_the_extremes_is_one_half_at_zero_exact_beyond_saturation_and_propagates_NaN(LaneWidth width)
    {
        float[] xs = [.. ActivationInputs.Extremes, float.NaN];
        float[] ys = LaneMath.Sigmoid(width, xs);
        for (int i = 0; i < xs.Length; i++)
        {
            float x = xs[i];
            float y = ys[i];
            if (float.IsNaN(x))
            {
                Assert.True(float.IsNaN(y), $"sigmoid(NaN) = {y}");
            }
            else if (Math.Abs(x) < 1e-7f)
            {
                Assert.Equal(0.5f, y);
            }
            else if (Math.Abs(x) > 18f)
            {
                Assert.Equal(x > 0 ? 1f : 0f, y);
            }
            else
            {
                Assert.True(Math.Abs(y - 1 / (1 + Math.Exp(-x))) <= Tolerance, $"sigmoid({x:R}) = {y:R}");
            }

            Assert.False(float.IsSubnormal(y), $"sigmoid({x:R}) = {y:R} is subnormal");
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Relu_is_max_of_zero_and_x_with_NaN_kept(LaneWidth width)
    {
        float[] xs = [.. ActivationInputs.Extremes, float.NaN, 0.5f, -0.5f, 3f];
        float[] ys = LaneMath.Relu(width, xs);
        for (int i = 0; i < xs.Length; i++)
        {
            float x = xs[i];
            float expected = float.IsNaN(x) ? x : x >= ActivationInputs.MinNormal ? x : 0f;
            Assert.Equal(expected, ys[i]);
            Assert.False(float.IsNegative(ys[i]) && !float.IsNaN(ys[i]), $"relu({x:R}) = {ys[i]:R}");
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Results_below_the_smallest_normal_float_come_out_as_zero(LaneWidth width)
    {
        // Every subnormal magnitude bit pattern step, both signs, and the normal numbers just above.
        var xs = new List<float>();
        for (int bits = 1; bits < 0x00800000; bits += 997)
        {
            xs.Add(BitConverter.Int32BitsToSingle(bits));
            xs.Add(-BitConverter.Int32BitsToSingle(bits));
        }

        float[] inputs = [.. xs, ActivationInputs.MinNormal, 2 * ActivationInputs.MinNormal];
        float[] tanh = LaneMath.Tanh(width, inputs);
        float[] relu = LaneMath.Relu(width, inputs);
        for (int i = 0; i < inputs.Length; i++)
        {
            Assert.False(float.IsSubnormal(tanh[i]), $"tanh({inputs[i]:R}) = {tanh[i]:R}");
            Assert.False(float.IsSubnormal(relu[i]), $"relu({inputs[i]:R}) = {relu[i]:R}");
            Assert.Equal(float.IsSubnormal(inputs[i]) ? float.CopySign(0f, inputs[i]) : inputs[i], tanh[i]);
        }
    }

    [Fact]
    public void Every_width_gives_the_same_bits()
    {
        float[] xs = Inputs[..100_000];
        float[] tanh = LaneMath.Tanh(LaneWidth.Vector128, xs);
        float[] sigmoid = LaneMath.Sigmoid(LaneWidth.Vector128, xs);
        foreach (LaneWidth width in Enum.GetValues<LaneWidth>())
        {
            Assert.Equal(tanh, LaneMath.Tanh(width, xs));
            Assert.Equal(sigmoid, LaneMath.Sigmoid(width, xs));
        }
    }

    private static double MaxAbsoluteError(float[] actual, Func<double, double> exact)
    {
        double worst = 0;
        for (int i = 0; i < Inputs.Length; i++)
        {
            double error = Math.Abs(actual[i] - exact(Inputs[i]));
            Assert.False(double.IsNaN(error), $"f({Inputs[i]:R}) = {actual[i]:R}");
            worst = Math.Max(worst, error);
        }

        return worst;
    }
}
