using RnnGen.Tests.Reference;
using RnnGen.Tests.Stacks;
using Xunit.Abstractions;

namespace RnnGen.Tests.Gated;

/// <summary>
/// <see cref="ReferenceOf"/> maps LSTM, GRU and Bidirectional layouts to the float64 reference with
/// the weights where the layout puts them: Keras' keras-js fixtures and PyTorch's, read through a
/// <see cref="ModelLayout"/>, give their expected outputs. The generated models' tests compare with
/// the same mapping.
/// </summary>
public class GatedReferenceOfTests(ITestOutputHelper output)
{
    private const double KerasTolerance = 1e-5;

    /// <summary>keras-js case n's recurrent activation: Keras 2.1.2's default hard_sigmoid, except case 1 (sigmoid).</summary>
    private static Activation KerasJsRecurrentActivation(int n) => n == 1 ? Activation.Sigmoid : Activation.HardSigmoidKeras2;

    /// <summary>The layout of keras-js case <paramref name="n"/>, as a generated bare-layer model declares it.</summary>
    internal static ModelLayout KerasJsLayout(string layer, int n, KerasJsCase fixture, Activation recurrentActivation)
    {
        Activation activation = n == 1 ? Activation.Sigmoid : Activation.Tanh;
        bool returnSequences = n is 2 or 4 or 6 or 8, goBackwards = n is 3 or 4 or 7 or 8, stateful = n >= 5;
        bool useBias = !(layer == "GRU" && n == 8);
        LayerSettings settings = layer == "LSTM"
            ? LayerSettings.Lstm(fixture.Units, activation, recurrentActivation, useBias, returnSequences: returnSequences, goBackwards: goBackwards)
            : LayerSettings.Gru(fixture.Units, activation, recurrentActivation, useBias, resetAfter: false, returnSequences, goBackwards);
        return new ModelLayout(fixture.TimeSteps, fixture.Features, stateful, settings);
    }

    [Theory]
    [MemberData(nameof(KerasJsGatedFixtureTests.Cases), MemberType = typeof(KerasJsGatedFixtureTests))] // the 9 LSTM and 9 GRU cases
    public void A_keras_js_layout_maps_to_a_reference_reproducing_keras(string layer, int n)
    {
        KerasJsCase fixture = KerasJsFixtures.Load(layer, n);
        ModelLayout layout = KerasJsLayout(layer, n, fixture, KerasJsRecurrentActivation(n));
        ReferenceSequential model = ReferenceOf.Model(layout);
        Assert.Equal(layout.ParameterCount, model.ParameterCount);
        Assert.Equal(layout.StateLength, model.StateLength);
        Assert.Equal(layout.ParameterCount, fixture.Parameters.Length);

        // Stateful cases: Keras predicted twice on the same input; expected is the second call.
        ReferenceSequential.Result result = model.Forward(fixture.Parameters, fixture.Input.Data);
        if (layout.Stateful)
        {
            result = model.Forward(fixture.Parameters, fixture.Input.Data, result.FinalStates);
        }

        ReferenceChecks.AssertRelativelyClose(output, fixture.Expected.Data, result.Outputs, KerasTolerance, $"{layer}.{n}");
    }

    [Fact]
    public void Stacks_of_every_kind_map_to_references_of_the_layouts_sizes()
    {
        var layout = new ModelLayout(7, 3, stateful: false,
            LayerSettings.Lstm(8, returnSequences: true),
            LayerSettings.Gru(4, resetAfter: false, returnSequences: true),
            LayerSettings.Gru(5, Activation.Relu, Activation.Sigmoid, returnSequences: true),
            LayerSettings.SimpleRnn(3, returnSequences: true),
            LayerSettings.Lstm(2, useBias: false, goBackwards: true),
            LayerSettings.Dense(1));

        ReferenceSequential model = ReferenceOf.Model(layout);

        Assert.Equal(layout.ParameterCount, model.ParameterCount);
        Assert.Equal(layout.StateLength, model.StateLength);
        Assert.Equal(layout.OutputLength, model.Forward(new double[model.ParameterCount], new double[7 * 3]).Outputs.Length);
    }

    [Fact]
    public void A_bidirectional_layout_maps_to_a_bidirectional_reference()
    {
        var layout = new ModelLayout(5, 2, stateful: false, LayerSettings.Gru(3).InBothDirections(MergeMode.Sum), LayerSettings.Dense(1));

        ReferenceSequential model = ReferenceOf.Model(layout);

        Assert.Equal(layout.ParameterCount, model.ParameterCount);
        Assert.Equal(layout.StateLength, model.StateLength);
    }
}
