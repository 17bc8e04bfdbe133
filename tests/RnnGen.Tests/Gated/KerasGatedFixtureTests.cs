using RnnGen.Tests.Reference;
using RnnGen.Tests.Stacks;

namespace RnnGen.Tests.Gated;

// keras-js's LSTM cases as generated bare layers (Keras 2.1.2: hard_sigmoid gates but for case 1).
[Rnn(TimeSteps = 3, Features = 6)] [Lstm(4, RecurrentActivation = Activation.HardSigmoidKeras2)] public partial class KerasLstm0;
[Rnn(TimeSteps = 8, Features = 5)] [Lstm(5, Activation = Activation.Sigmoid)] public partial class KerasLstm1;
[Rnn(TimeSteps = 3, Features = 6)] [Lstm(4, RecurrentActivation = Activation.HardSigmoidKeras2, ReturnSequences = true)] public partial class KerasLstm2;
[Rnn(TimeSteps = 3, Features = 6)] [Lstm(4, RecurrentActivation = Activation.HardSigmoidKeras2, GoBackwards = true)] public partial class KerasLstm3;
[Rnn(TimeSteps = 3, Features = 6)] [Lstm(4, RecurrentActivation = Activation.HardSigmoidKeras2, ReturnSequences = true, GoBackwards = true)] public partial class KerasLstm4;
[Rnn(TimeSteps = 3, Features = 6, Stateful = true)] [Lstm(4, RecurrentActivation = Activation.HardSigmoidKeras2)] public partial class KerasLstm5;
[Rnn(TimeSteps = 3, Features = 6, Stateful = true)] [Lstm(4, RecurrentActivation = Activation.HardSigmoidKeras2, ReturnSequences = true)] public partial class KerasLstm6;
[Rnn(TimeSteps = 3, Features = 6, Stateful = true)] [Lstm(4, RecurrentActivation = Activation.HardSigmoidKeras2, GoBackwards = true)] public partial class KerasLstm7;
[Rnn(TimeSteps = 3, Features = 6, Stateful = true)] [Lstm(4, RecurrentActivation = Activation.HardSigmoidKeras2, ReturnSequences = true, GoBackwards = true)] public partial class KerasLstm8;

// keras-js's GRU cases: Keras 2.1.2's GRU is reset_after=False with one [3U] bias; case 8 has no bias.
[Rnn(TimeSteps = 3, Features = 6)] [Gru(4, RecurrentActivation = Activation.HardSigmoidKeras2, ResetAfter = false)] public partial class KerasGru0;
[Rnn(TimeSteps = 8, Features = 5)] [Gru(5, Activation = Activation.Sigmoid, ResetAfter = false)] public partial class KerasGru1;
[Rnn(TimeSteps = 3, Features = 6)] [Gru(4, RecurrentActivation = Activation.HardSigmoidKeras2, ResetAfter = false, ReturnSequences = true)] public partial class KerasGru2;
[Rnn(TimeSteps = 3, Features = 6)] [Gru(4, RecurrentActivation = Activation.HardSigmoidKeras2, ResetAfter = false, GoBackwards = true)] public partial class KerasGru3;
[Rnn(TimeSteps = 3, Features = 6)] [Gru(4, RecurrentActivation = Activation.HardSigmoidKeras2, ResetAfter = false, ReturnSequences = true, GoBackwards = true)] public partial class KerasGru4;
[Rnn(TimeSteps = 3, Features = 6, Stateful = true)] [Gru(4, RecurrentActivation = Activation.HardSigmoidKeras2, ResetAfter = false)] public partial class KerasGru5;
[Rnn(TimeSteps = 3, Features = 6, Stateful = true)] [Gru(4, RecurrentActivation = Activation.HardSigmoidKeras2, ResetAfter = false, ReturnSequences = true)] public partial class KerasGru6;
[Rnn(TimeSteps = 3, Features = 6, Stateful = true)] [Gru(4, RecurrentActivation = Activation.HardSigmoidKeras2, ResetAfter = false, GoBackwards = true)] public partial class KerasGru7;
[Rnn(TimeSteps = 3, Features = 6, Stateful = true)] [Gru(4, RecurrentActivation = Activation.HardSigmoidKeras2, ResetAfter = false, ReturnSequences = true, GoBackwards = true, UseBias = false)] public partial class KerasGru8;

/// <summary>
/// Generated bare LSTM and GRU layers reproduce Keras 2.1.2's own outputs (../shared/data/keras-js), within
/// 1e-5 relative to the largest expected value; each model is declared as GatedReferenceOfTests'
/// layout of its case, which the test checks.
/// </summary>
public class KerasGatedFixtureTests
{
    public static TheoryData<int> Cases => new() { 0, 1, 2, 3, 4, 5, 6, 7, 8 };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_layer_reproduces_keras_lstm_case(int n)
    {
        IRnnModel model = n switch
        {
            0 => new KerasLstm0(seed: 1),
            1 => new KerasLstm1(seed: 1),
            2 => new KerasLstm2(seed: 1),
            3 => new KerasLstm3(seed: 1),
            4 => new KerasLstm4(seed: 1),
            5 => new KerasLstm5(seed: 1),
            6 => new KerasLstm6(seed: 1),
            7 => new KerasLstm7(seed: 1),
            _ => new KerasLstm8(seed: 1),
        };
        AssertReproduces("LSTM", n, model);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_layer_reproduces_keras_gru_case(int n)
    {
        IRnnModel model = n switch
        {
            0 => new KerasGru0(seed: 1),
            1 => new KerasGru1(seed: 1),
            2 => new KerasGru2(seed: 1),
            3 => new KerasGru3(seed: 1),
            4 => new KerasGru4(seed: 1),
            5 => new KerasGru5(seed: 1),
            6 => new KerasGru6(seed: 1),
            7 => new KerasGru7(seed: 1),
            _ => new KerasGru8(seed: 1),
        };
        AssertReproduces("GRU", n, model);
    }

    private static void AssertReproduces(string layer, int n, IRnnModel model)
    {
        KerasJsCase fixture = KerasJsFixtures.Load(layer, n);
        ModelLayout expected = GatedReferenceOfTests.KerasJsLayout(layer, n, fixture, n == 1 ? Activation.Sigmoid : Activation.HardSigmoidKeras2);
        Assert.Equal(expected.Stateful, model.Layout.Stateful);
        Assert.Equal(expected.Layers.Select(static l => l.Settings), model.Layout.Layers.Select(static l => l.Settings));
        Assert.InRange(ReferenceOf.RelativeError(KerasSimpleRnnFixtureTests.PredictWithWeightsOf(model, fixture), fixture.Expected.Data), 0, 1e-5);
    }
}
