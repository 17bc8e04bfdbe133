using Xunit.Abstractions;

namespace RnnGen.Tests.Reference;

/// <summary>
/// Pins the reference's activations: Keras' definitions at known points, derivatives against central
/// differences away from the kinks, and the mapping from the product's <see cref="Activation"/>.
/// </summary>
public class ReferenceActivationTests(ITestOutputHelper output)
{
    public static TheoryData<KerasActivation> Kinds => new(Enum.GetValues<KerasActivation>());

    [Theory]
    [InlineData(KerasActivation.HardSigmoid, 1, 4.0 / 6)]
    [InlineData(KerasActivation.HardSigmoid, -3, 0)]
    [InlineData(KerasActivation.HardSigmoid, 2.9, 5.9 / 6)]
    [InlineData(KerasActivation.HardSigmoid, 3.5, 1)]
    [InlineData(KerasActivation.HardSigmoidKeras2, 1, 0.7)]
    [InlineData(KerasActivation.HardSigmoidKeras2, -2.5, 0)]
    [InlineData(KerasActivation.HardSigmoidKeras2, 2.6, 1)]
    [InlineData(KerasActivation.Elu, -1, -0.63212055882855767)]
    [InlineData(KerasActivation.Elu, 2, 2)]
    [InlineData(KerasActivation.Selu, 1, 1.0507009873554805)]
    [InlineData(KerasActivation.Selu, -1000, -1.7580993408473766)]
    [InlineData(KerasActivation.Softplus, 0, 0.69314718055994531)]
    [InlineData(KerasActivation.Softplus, 800, 800)]
    [InlineData(KerasActivation.Softplus, -800, 0)]
    [InlineData(KerasActivation.Softsign, 1, 0.5)]
    [InlineData(KerasActivation.Softsign, -3, -0.75)]
    [InlineData(KerasActivation.Swish, 1, 0.7310585786300049)]
    [InlineData(KerasActivation.Swish, -2, -0.23840584404423515)]
    [InlineData(KerasActivation.Sigmoid, 0, 0.5)]
    public void Activation_takes_keras_values(KerasActivation kind, double x, double expected) =>
        Assert.Equal(expected, new ReferenceActivation(kind).Apply(x), 1e-15);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Derivative_matches_central_differences_away_from_kinks(KerasActivation kind)
    {
        // x = -6.05, -5.95, ..., 5.95: never a kink (0, ±2.5, ±3) nor within a step of one.
        var activation = new ReferenceActivation(kind);
        double[] points = [.. Enumerable.Range(0, 121).Select(k => -6.05 + 0.1 * k)];

        double[] analytic = [.. points.Select(activation.Derivative)];
        double[] numeric = [.. points.Select(x => CentralDifferences.Gradient(p => activation.Apply(p[0]), [x])[0])];

        ReferenceChecks.AssertRelativelyClose(output, numeric, analytic, 1e-8, $"{kind}'");
    }

    [Theory]
    [InlineData(KerasActivation.Relu, 0, 0)]
    [InlineData(KerasActivation.HardSigmoid, 3, 0)]
    [InlineData(KerasActivation.HardSigmoid, -3, 0)]
    [InlineData(KerasActivation.HardSigmoidKeras2, 2.5, 0.2)]
    [InlineData(KerasActivation.HardSigmoidKeras2, -2.5, 0.2)]
    [InlineData(KerasActivation.HardSigmoidKeras2, 2.5000001, 0)]
    [InlineData(KerasActivation.Elu, 0, 1)]
    [InlineData(KerasActivation.Selu, 0, 1.0507009873554805)]
    [InlineData(KerasActivation.Selu, -1e-300, 1.0507009873554805 * 1.6732632423543772)]
    public void Derivative_at_a_kink_is_tensorflows(KerasActivation kind, double x, double expected) =>
        Assert.Equal(expected, new ReferenceActivation(kind).Derivative(x), 1e-15);

    [Fact]
    public void Product_activations_map_by_name_onto_the_reference_ones_with_the_same_numbers()
    {
        foreach (Activation activation in Enum.GetValues<Activation>())
        {
            ReferenceActivation mapped = activation;
            Assert.Equal((activation.ToString(), (int)activation), (mapped.Kind.ToString(), (int)mapped.Kind));
        }

        // DESIGN.md's order for the values the product adds next: 4..10.
        Assert.Equal(
            ["Linear", "Tanh", "Relu", "Sigmoid", "HardSigmoid", "HardSigmoidKeras2", "Elu", "Selu", "Softplus", "Softsign", "Swish"],
            ReferenceActivation.All.Select(a => a.ToString()));
        Assert.Throws<ArgumentOutOfRangeException>(() => (ReferenceActivation)(Activation)99);
    }
}
