using Xunit.Abstractions;

namespace RnnGen.Tests.Reference;

/// <summary>
/// The reference's LSTM and GRU against Keras 2.1.2 itself: the 9 LSTM and 9 GRU cases of the
/// keras-js fixtures (<c>shared/data/keras-js/</c>; options per case from the README there). Keras
/// 2.1.2's defaults: recurrent activation Keras 2's hard_sigmoid, GRU reset_after=False.
/// </summary>
public class KerasJsGatedFixtureTests(ITestOutputHelper output)
{
    /// <summary>The fixtures' inputs and weights were rounded to 6 decimals while Keras ran on the full values.</summary>
    private const double KerasTolerance = 1e-5;

    /// <summary>n, activation, recurrent activation, return_sequences, go_backwards, stateful, use_bias.</summary>
    public static TheoryData<int, KerasActivation, KerasActivation, bool, bool, bool, bool> LstmCases => new()
    {
        { 0, KerasActivation.Tanh, KerasActivation.HardSigmoidKeras2, false, false, false, true },
        { 1, KerasActivation.Sigmoid, KerasActivation.Sigmoid, false, false, false, true },
        { 2, KerasActivation.Tanh, KerasActivation.HardSigmoidKeras2, true, false, false, true },
        { 3, KerasActivation.Tanh, KerasActivation.HardSigmoidKeras2, false, true, false, true },
        { 4, KerasActivation.Tanh, KerasActivation.HardSigmoidKeras2, true, true, false, true },
        { 5, KerasActivation.Tanh, KerasActivation.HardSigmoidKeras2, false, false, true, true },
        { 6, KerasActivation.Tanh, KerasActivation.HardSigmoidKeras2, true, false, true, true },
        { 7, KerasActivation.Tanh, KerasActivation.HardSigmoidKeras2, false, true, true, true },
        { 8, KerasActivation.Tanh, KerasActivation.HardSigmoidKeras2, true, true, true, true },
    };

    /// <summary>As <see cref="LstmCases"/>, but case 8 has no bias.</summary>
    public static TheoryData<int, KerasActivation, KerasActivation, bool, bool, bool, bool> GruCases => new()
    {
        { 0, KerasActivation.Tanh, KerasActivation.HardSigmoidKeras2, false, false, false, true },
        { 1, KerasActivation.Sigmoid, KerasActivation.Sigmoid, false, false, false, true },
        { 2, KerasActivation.Tanh, KerasActivation.HardSigmoidKeras2, true, false, false, true },
        { 3, KerasActivation.Tanh, KerasActivation.HardSigmoidKeras2, false, true, false, true },
        { 4, KerasActivation.Tanh, KerasActivation.HardSigmoidKeras2, true, true, false, true },
        { 5, KerasActivation.Tanh, KerasActivation.HardSigmoidKeras2, false, false, true, true },
        { 6, KerasActivation.Tanh, KerasActivation.HardSigmoidKeras2, true, false, true, true },
        { 7, KerasActivation.Tanh, KerasActivation.HardSigmoidKeras2, false, true, true, true },
        { 8, KerasActivation.Tanh, KerasActivation.HardSigmoidKeras2, true, true, true, false },
    };

    [Theory]
    [MemberData(nameof(LstmCases))]
    public void Reference_reproduces_keras_lstm_case(
        int n, KerasActivation activation, KerasActivation recurrentActivation, bool returnSequences, bool goBackwards, bool stateful, bool useBias)
    {
        KerasJsCase fixture = KerasJsFixtures.Load("LSTM", n);
        var layer = new LstmLayer(fixture.Units, activation, recurrentActivation, useBias, returnSequences, goBackwards);
        AssertReproduces(fixture, layer, stateful, $"LSTM.{n}");
    }

    [Theory]
    [MemberData(nameof(GruCases))]
    public void Reference_reproduces_keras_gru_case(
        int n, KerasActivation activation, KerasActivation recurrentActivation, bool returnSequences, bool goBackwards, bool stateful, bool useBias)
    {
        KerasJsCase fixture = KerasJsFixtures.Load("GRU", n);
        var layer = new GruLayer(fixture.Units, activation, recurrentActivation, useBias, returnSequences, goBackwards, ResetAfter: false);
        AssertReproduces(fixture, layer, stateful, $"GRU.{n}");
    }

    [Fact]
    public void Keras_hard_sigmoid_of_keras_2_is_not_keras_3s()
    {
        // The LSTM cases tell the two apart: with Keras 3's hard_sigmoid case 0 is far off.
        KerasJsCase fixture = KerasJsFixtures.Load("LSTM", 0);
        var model = new ReferenceSequential(fixture.TimeSteps, fixture.Features, false,
            [new LstmLayer(fixture.Units, KerasActivation.Tanh, KerasActivation.HardSigmoid)]);

        double[] outputs = model.Forward(fixture.Parameters, fixture.Input.Data).Outputs;

        Assert.True(outputs.Zip(fixture.Expected.Data, (a, e) => Math.Abs(a - e)).Max() > 1e-3);
    }

    /// <summary>Runs the one-layer model (twice for a stateful case, carrying the state: Keras' expected is the second call).</summary>
    private void AssertReproduces(KerasJsCase fixture, RecurrentLayer layer, bool stateful, string what)
    {
        var model = new ReferenceSequential(fixture.TimeSteps, fixture.Features, stateful, [layer]);
        double[] parameters = fixture.Parameters;
        Assert.Equal(model.ParameterCount, parameters.Length);

        ReferenceSequential.Result result = model.Forward(parameters, fixture.Input.Data);
        if (stateful)
        {
            result = model.Forward(parameters, fixture.Input.Data, result.FinalStates);
        }

        ReferenceChecks.AssertRelativelyClose(output, fixture.Expected.Data, result.Outputs, KerasTolerance, what);
    }
}
