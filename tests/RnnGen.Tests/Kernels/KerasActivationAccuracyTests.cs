using System.Runtime.Intrinsics;
using RnnGen.Kernels;
using Xunit.Abstractions;

namespace RnnGen.Tests.Kernels;

/// <summary>
/// The activations beyond tanh, sigmoid and relu (Keras 3's hard_sigmoid, Keras 2's, elu, selu,
/// softplus, softsign, swish) and their derivatives, at every register width and through the span
/// and scalar forms, against float64 with Keras' definitions: on a dense grid, on random floats of
/// every magnitude, at the extremes and on subnormal inputs. The bound is <c>1e-6 · max(1, |exact|)</c>
/// (absolute near zero, relative for the large outputs of the unbounded ones); no result is subnormal.
/// </summary>
public class KerasActivationAccuracyTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-6;
    private const double SeluAlpha = 1.6732632423543772848170429916717;
    private const double SeluScale = 1.0507009873554804934193349852946;

    private static readonly float[] Inputs =
    [
        .. ActivationInputs.DenseGridAndRandom(), .. ActivationInputs.Extremes,
        .. Enumerable.Range(0, 64).Select(static i => BitConverter.Int32BitsToSingle((i * 0x1FFFF) | (i % 2 << 31))), // subnormals
        -3f, 3f, -2.5f, 2.5f, -87.33f, -87.34f, -88f, 88f, -80f, 80f, float.NaN,
    ];

    /// <summary>Each activation: the product's three vector widths, its span and scalar forms and derivative, and the float64 truth.</summary>
    public sealed record Case(
        string Name,
        Func<Vector128<float>, Vector128<float>> V128,
        Func<Vector256<float>, Vector256<float>> V256,
        Func<Vector512<float>, Vector512<float>> V512,
        Action<Span<float>> InPlace,
        Func<float, float> Scalar,
        SpanDerivative Derivative,
        Func<float, float> ScalarDerivative,
        bool DerivativeFromInput,
        Func<double, double> Exact,
        Func<double, double> ExactDerivative,
        double[] Kinks)
    {
        public override string ToString() => Name;
    }

    public delegate void SpanDerivative(ReadOnlySpan<float> values, Span<float> gradient);

    public static TheoryData<Case> Cases => new(
        new Case("hard_sigmoid", VectorMath.HardSigmoid, VectorMath.HardSigmoid, VectorMath.HardSigmoid, Activations.HardSigmoid, Activations.HardSigmoid,
            Activations.MultiplyByHardSigmoidDerivative, Activations.HardSigmoidDerivative, false,
            x => Math.Min(Math.Max(x + 3, 0), 6) / 6, x => x > -3 && x < 3 ? 1.0 / 6 : 0, [-3, 3]),
        new Case("hard_sigmoid (Keras 2)", VectorMath.HardSigmoidKeras2, VectorMath.HardSigmoidKeras2, VectorMath.HardSigmoidKeras2, Activations.HardSigmoidKeras2, Activations.HardSigmoidKeras2,
            Activations.MultiplyByHardSigmoidKeras2Derivative, Activations.HardSigmoidKeras2Derivative, false,
            x => Math.Min(Math.Max(0.2 * x + 0.5, 0), 1), x => x > -2.5 && x < 2.5 ? 0.2 : 0, [-2.5, 2.5]),
        new Case("elu", VectorMath.Elu, VectorMath.Elu, VectorMath.Elu, Activations.Elu, Activations.Elu,
            Activations.MultiplyByEluDerivative, Activations.EluDerivative, false,
            x => x > 0 ? x : ExpM1(x), x => x > 0 ? 1 : Math.Exp(x), [0]),
        new Case("selu", VectorMath.Selu, VectorMath.Selu, VectorMath.Selu, Activations.Selu, Activations.Selu,
            Activations.MultiplyBySeluDerivative, Activations.SeluDerivative, false,
            x => SeluScale * (x > 0 ? x : SeluAlpha * ExpM1(x)), x => SeluScale * (x > 0 ? 1 : SeluAlpha * Math.Exp(x)), [0]),
        new Case("softplus", VectorMath.Softplus, VectorMath.Softplus, VectorMath.Softplus, Activations.Softplus, Activations.Softplus,
            Activations.MultiplyBySoftplusDerivative, Activations.SoftplusDerivative, false,
            x => Math.Max(x, 0) + Log1P(Math.Exp(-Math.Abs(x))), x => 1 / (1 + Math.Exp(-x)), []),
        new Case("softsign", VectorMath.Softsign, VectorMath.Softsign, VectorMath.Softsign, Activations.Softsign, Activations.Softsign,
            Activations.MultiplyBySoftsignDerivative, Activations.SoftsignDerivative, false,
            x => x / (1 + Math.Abs(x)), x => 1 / ((1 + Math.Abs(x)) * (1 + Math.Abs(x))), []),
        new Case("swish", VectorMath.Swish, VectorMath.Swish, VectorMath.Swish, Activations.Swish, Activations.Swish,
            Activations.MultiplyBySwishDerivative, Activations.SwishDerivative, true,
            x => x / (1 + Math.Exp(-x)), x => Sigmoid(x) * (1 + x * (1 - Sigmoid(x))), []));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_width_is_within_1e_6_of_float64_and_never_subnormal(Case c)
    {
        Check(c, "Vector128", Apply(c.V128));
        Check(c, "Vector256", Apply(c.V256));
        Check(c, "Vector512", Apply(c.V512));
        float[] inPlace = [.. Inputs];
        c.InPlace(inPlace);
        Check(c, "span", inPlace);
        Check(c, "scalar", [.. Inputs.Select(c.Scalar)]);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_derivative_is_within_1e_6_of_float64_away_from_kinks(Case c)
    {
        // The gradient chained through the activation is 1, so the result is a'(x) itself.
        float[] xs = [.. Inputs.Where(x => float.IsFinite(x) && c.Kinks.All(k => Math.Abs(x - k) > 1e-5))];
        float[] ys = [.. xs];
        c.InPlace(ys);
        float[] slopes = [.. Enumerable.Repeat(1f, xs.Length)];
        c.Derivative(c.DerivativeFromInput ? xs : ys, slopes);
        for (int i = 0; i < xs.Length; i++)
        {
            Assert.Equal(slopes[i], c.ScalarDerivative(c.DerivativeFromInput ? xs[i] : ys[i]));
        }

        double worst = 0;
        for (int i = 0; i < xs.Length; i++)
        {
            double exact = c.ExactDerivative(xs[i]);
            double error = Math.Abs(slopes[i] - exact) / Math.Max(1, Math.Abs(exact));
            Assert.True(error <= Tolerance, $"{c.Name}'({xs[i]:R}) = {slopes[i]:R}, exact {exact:R}");
            worst = Math.Max(worst, error);
        }

        output.WriteLine($"{c.Name}': max scaled error {worst:E3} over {xs.Length} inputs");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Near_zero_the_functions_that_vanish_there_keep_their_relative_accuracy(Case c)
    {
        if (c.Exact(0) != 0)
        {
            return; // hard sigmoids and softplus are far from 0 at 0
        }

        // Log-spaced from the smallest normal float to 0.5, both signs, as tanh is tested.
        var xs = new List<float>();
        for (int i = 0; i < 10_000; i++)
        {
            float x = (float)Math.Exp(Math.Log(ActivationInputs.MinNormal * 4.0) + (Math.Log(0.5) - Math.Log(ActivationInputs.MinNormal * 4.0)) * i / 9_999);
            xs.Add(x);
            xs.Add(-x);
        }

        float[] ys = [.. xs];
        c.InPlace(ys);
        double worst = 0;
        for (int i = 0; i < ys.Length; i++)
        {
            double exact = c.Exact(xs[i]);
            worst = Math.Max(worst, Math.Abs(ys[i] - exact) / Math.Abs(exact));
        }

        output.WriteLine($"{c.Name} on ±[2^-124, 0.5]: max relative error {worst:E3}");
        Assert.True(worst <= Tolerance, $"max relative error {worst:E3}");
    }

    [Fact]
    public void At_zero_elu_and_selu_have_the_slope_of_their_linear_side_as_in_TensorFlow()
    {
        float[] slopes = [1f, 1f];
        Activations.MultiplyByEluDerivative([0f], slopes.AsSpan(0, 1));
        Activations.MultiplyBySeluDerivative([0f], slopes.AsSpan(1, 1));
        Assert.Equal([1f, (float)SeluScale], slopes);
    }

    [Fact]
    public void Softplus_keeps_its_relative_accuracy_far_below_zero()
    {
        float[] xs = [.. Enumerable.Range(0, 6_000).Select(static i => -87f + i * 0.0113f)];
        float[] ys = [.. xs];
        Activations.Softplus(ys);
        double worst = xs.Select((x, i) => Math.Abs(ys[i] - Log1P(Math.Exp(x))) / Log1P(Math.Exp(x))).Max();
        output.WriteLine($"softplus on [-87, -19]: max relative error {worst:E3}");
        Assert.True(worst <= Tolerance, $"max relative error {worst:E3}");
    }

    [Fact]
    public void A_short_derivative_input_names_its_own_parameter()
    {
        var swish = Assert.Throws<ArgumentOutOfRangeException>(() => Activations.MultiplyBySwishDerivative(new float[2], new float[3]));
        var elu = Assert.Throws<ArgumentOutOfRangeException>(() => Activations.MultiplyByEluDerivative(new float[2], new float[3]));
        Assert.Equal("x", swish.ParamName);
        Assert.Equal("y", elu.ParamName);
    }

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    // .NET has no accurate expm1 or log1p (double.ExpM1 is exp(x) - 1): a Taylor series where that cancels.
    private static double ExpM1(double x) => Math.Abs(x) < 1e-5 ? x + x * x / 2 + x * x * x / 6 : Math.Exp(x) - 1;

    private static double Log1P(double u) => u < 1e-5 ? u - u * u / 2 + u * u * u / 3 : Math.Log(1 + u);

    private void Check(Case c, string form, float[] ys)
    {
        double worst = 0;
        for (int i = 0; i < Inputs.Length; i++)
        {
            float x = Inputs[i];
            float y = ys[i];
            double exact = c.Exact(x);
            Assert.False(float.IsSubnormal(y), $"{form} {c.Name}({x:R}) = {y:R} is subnormal");
            if (double.IsNaN(exact))
            {
                Assert.True(float.IsNaN(y), $"{form} {c.Name}({x:R}) = {y:R}, expected NaN as Keras gives");
                continue;
            }

            if (Math.Abs(exact) > float.MaxValue)
            {
                Assert.Equal(exact > 0 ? float.PositiveInfinity : float.NegativeInfinity, y);
                continue;
            }

            double error = Math.Abs(y - exact) / Math.Max(1, Math.Abs(exact));
            Assert.True(error <= Tolerance, $"{form} {c.Name}({x:R}) = {y:R}, exact {exact:R}");
            worst = Math.Max(worst, error);
        }

        output.WriteLine($"{form} {c.Name}: max scaled error {worst:E3}");
    }

    private static float[] Apply<TVector>(Func<TVector, TVector> f)
        where TVector : struct
    {
        int lanes = typeof(TVector) == typeof(Vector128<float>) ? 4 : typeof(TVector) == typeof(Vector256<float>) ? 8 : 16;
        var padded = new float[(Inputs.Length + lanes - 1) / lanes * lanes];
        Inputs.CopyTo(padded, 0);
        var ys = new float[padded.Length];
        for (int i = 0; i < padded.Length; i += lanes)
        {
            switch (f)
            {
                case Func<Vector128<float>, Vector128<float>> f128:
                    f128(Vector128.Create(padded, i)).CopyTo(ys, i);
                    break;
                case Func<Vector256<float>, Vector256<float>> f256:
                    f256(Vector256.Create(padded, i)).CopyTo(ys, i);
                    break;
                case Func<Vector512<float>, Vector512<float>> f512:
                    f512(Vector512.Create(padded, i)).CopyTo(ys, i);
                    break;
            }
        }

        return ys[..Inputs.Length];
    }
}
