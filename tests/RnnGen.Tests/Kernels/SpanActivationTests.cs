using System.Runtime.Intrinsics;
using RnnGen.Kernels;

namespace RnnGen.Tests.Kernels;

/// <summary>
/// <see cref="Activations"/>' span forms: in place, every length (full registers, partial last
/// register, shorter than one register), nothing written outside the span, against float64.
/// </summary>
public class SpanActivationTests
{
    public static TheoryData<int> Lengths => new([.. Enumerable.Range(0, 70), 127, 128, 129, 255, 256, 257, 1000]);

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Span_activations_equal_the_register_ones_lane_for_lane_and_stay_inside_the_span(int length)
    {
        CheckInPlace(length, Activations.Tanh, VectorMath.Tanh);
        CheckInPlace(length, Activations.Sigmoid, VectorMath.Sigmoid);
        CheckInPlace(length, Activations.Relu, VectorMath.Relu);
    }

    [Fact]
    public void Span_tanh_and_sigmoid_are_within_1e_6_of_float64_on_the_dense_grid()
    {
        float[] xs = ActivationInputs.DenseGridAndRandom();
        float[] tanh = (float[])xs.Clone();
        float[] sigmoid = (float[])xs.Clone();
        Activations.Tanh(tanh);
        Activations.Sigmoid(sigmoid);
        for (int i = 0; i < xs.Length; i++)
        {
            Assert.True(Math.Abs(tanh[i] - Math.Tanh(xs[i])) <= 1e-6, $"tanh({xs[i]:R}) = {tanh[i]:R}");
            Assert.True(Math.Abs(sigmoid[i] - 1 / (1 + Math.Exp(-xs[i]))) <= 1e-6, $"sigmoid({xs[i]:R}) = {sigmoid[i]:R}");
        }
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Derivative_spans_chain_the_derivative_into_the_gradient(int length)
    {
        var random = new Random(length);
        float[] y = Values(random, length, 1f);
        float[] gradient = Values(random, length, 5f);
        if (length > 2)
        {
            y[1] = 0f;
            y[2] = float.NaN;
        }

        CheckDerivative(y, gradient, Activations.MultiplyByTanhDerivative, (y, g) => g * (1 - y * y));
        CheckDerivative(y, gradient, Activations.MultiplyBySigmoidDerivative, (y, g) => g * y * (1 - y));
        CheckDerivative(y, gradient, Activations.MultiplyByReluDerivative, (y, g) => y > 0 ? g : 0);
    }

    [Fact]
    public void Derivative_spans_refuse_outputs_shorter_than_the_gradient()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Activations.MultiplyByTanhDerivative(new float[3], new float[4]));
    }

    private static void CheckInPlace(int length, SpanAction apply, Func<Vector128<float>, Vector128<float>> lane)
    {
        var random = new Random(length);
        const float sentinel = 12345f;
        float[] buffer = [sentinel, .. Values(random, length, 12f), sentinel];
        float[] original = buffer[1..^1];
        apply(buffer.AsSpan(1, length));
        Assert.Equal(sentinel, buffer[0]);
        Assert.Equal(sentinel, buffer[^1]);
        for (int i = 0; i < length; i++)
        {
            Assert.Equal(lane(Vector128.CreateScalar(original[i])).ToScalar(), buffer[i + 1]);
        }
    }

    private static void CheckDerivative(float[] y, float[] gradient, GradientAction apply, Func<double, double, double> exact)
    {
        const float sentinel = -777f;
        float[] buffer = [sentinel, .. gradient, sentinel];
        apply(y, buffer.AsSpan(1, gradient.Length));
        Assert.Equal(sentinel, buffer[0]);
        Assert.Equal(sentinel, buffer[^1]);
        for (int i = 0; i < gradient.Length; i++)
        {
            double expected = exact(y[i], gradient[i]);
            if (double.IsNaN(expected))
            {
                Assert.True(float.IsNaN(buffer[i + 1]), $"[{i}] expected NaN, got {buffer[i + 1]}");
            }
            else
            {
                Assert.True(Math.Abs(buffer[i + 1] - expected) <= 1e-6 * Math.Max(1, Math.Abs(expected)), $"[{i}] {expected} vs {buffer[i + 1]}");
            }
        }
    }

    private static float[] Values(Random random, int length, float scale)
    {
        var values = new float[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = (float)(random.NextDouble() * 2 - 1) * scale;
        }

        return values;
    }

    private delegate void SpanAction(Span<float> values);

    private delegate void GradientAction(ReadOnlySpan<float> y, Span<float> gradient);
}
