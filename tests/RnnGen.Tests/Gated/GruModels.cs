namespace RnnGen.Tests.Gated;

// GRU models on every backend (register: up to 4 units, 8 inputs and 96 weights; unrolled: up to 8
// units and 96 weights; loops beyond), both reset_after forms, joined to every StackNumericsTests theory
// through StackModels: forward and gradients against the float64 reference, Step streaming,
// PredictBatch (in lanes where every layer is written out) and zero allocation.

/// <summary>Keras 3's default GRU (reset_after), small enough for registers: PredictBatch in lanes.</summary>
[Rnn(TimeSteps = 12, Features = 1)]
[Gru(3)]
[Dense(1)]
public partial class GruRegisterStack;

/// <summary>Keras 2's GRU (reset_after=False), register, returning its sequence.</summary>
[Rnn(TimeSteps = 6, Features = 2)]
[Gru(3, ResetAfter = false, ReturnSequences = true)]
[Dense(1)]
public partial class GruKeras2RegisterStack;

/// <summary>A loops GRU returning its sequence.</summary>
[Rnn(TimeSteps = 6, Features = 3)]
[Gru(8, ReturnSequences = true)]
[Dense(1)]
public partial class GruSequenceLoopsStack;

/// <summary>A wide loops GRU.</summary>
[Rnn(TimeSteps = 16, Features = 4)]
[Gru(64)]
[Dense(1)]
public partial class Gru64Stack;

/// <summary>A loops reset_after=False GRU, the steps last to first.</summary>
[Rnn(TimeSteps = 7, Features = 3)]
[Gru(12, ResetAfter = false, GoBackwards = true)]
[Dense(2)]
public partial class GruKeras2LoopsBackwardsStack;

/// <summary>Relu candidate, tanh gates, the steps last to first, no bias, a sequence out: register, in lanes.</summary>
[Rnn(TimeSteps = 5, Features = 2)]
[Gru(4, Activation = Activation.Relu, RecurrentActivation = Activation.Tanh, ReturnSequences = true, GoBackwards = true, UseBias = false)]
public partial class GruBareBackwardsLayer;

/// <summary>No bias on loops, both forms.</summary>
[Rnn(TimeSteps = 5, Features = 3)]
[Gru(9, UseBias = false, ReturnSequences = true)]
[Gru(10, UseBias = false, ResetAfter = false)]
public partial class GruBareLoopsStack;

/// <summary>Stateful GRUs: h carried between calls, in Step and Forward.</summary>
[Rnn(TimeSteps = 4, Features = 2, Stateful = true)]
[Gru(5, ReturnSequences = true)]
[Gru(3, ResetAfter = false)]
public partial class GruStatefulStack;

/// <summary>SimpleRNN, LSTM and GRU in one stack: each layer's input gradient goes down into the one below.</summary>
[Rnn(TimeSteps = 5, Features = 3)]
[SimpleRnn(4, ReturnSequences = true)]
[Lstm(6, ReturnSequences = true)]
[Gru(5, ReturnSequences = true)]
[Gru(9)]
[Dense(2)]
public partial class SimpleRnnLstmGruStack;

/// <summary>Keras 2's hard sigmoid gates, register, after a Dense layer whose gradient it sends down.</summary>
[Rnn(TimeSteps = 6, Features = 2)]
[Dense(2, Activation = Activation.Tanh)]
[Gru(2, ResetAfter = false, RecurrentActivation = Activation.HardSigmoidKeras2)]
[Dense(1)]
public partial class GruHardSigmoidKeras2RegisterStack;

/// <summary>Swish candidate and gates, register: the layer keeps its pre-activations for BPTT.</summary>
[Rnn(TimeSteps = 5, Features = 2)]
[Gru(2, Activation = Activation.Swish, RecurrentActivation = Activation.Swish, ReturnSequences = true)]
[Dense(1)]
public partial class GruSwishRegisterStack;

/// <summary>Swish on loops, both forms, after a Dense layer.</summary>
[Rnn(TimeSteps = 5, Features = 2)]
[Dense(3)]
[Gru(9, Activation = Activation.Swish, RecurrentActivation = Activation.Swish, ReturnSequences = true)]
[Gru(11, Activation = Activation.Swish, RecurrentActivation = Activation.Swish, ResetAfter = false)]
[Dense(1)]
public partial class GruSwishLoopsStack;

/// <summary>More than 8 inputs per step, so unrolled rather than register: 6·(10 + 2 + 2) = 84 weights; then a register Keras 2 GRU.</summary>
[Rnn(TimeSteps = 5, Features = 10)]
[Gru(2, Activation = Activation.Swish, ReturnSequences = true)]
[Dense(8)]
[Gru(2, ResetAfter = false)]
public partial class GruUnrolledWideInputStack;

/// <summary>The largest size the issue asks for: GRU(256) on loops.</summary>
[Rnn(TimeSteps = 8, Features = 2)]
[Gru(256)]
[Dense(1)]
public partial class Gru256Stack;

/// <summary>The models above, by name, for theories.</summary>
internal static class GruModels
{
    /// <summary>Every model above; StackModels lists them, so every StackNumericsTests theory checks them.</summary>
    public static string[] All =>
    [
        nameof(GruRegisterStack),
        nameof(GruKeras2RegisterStack),
        nameof(GruSequenceLoopsStack),
        nameof(Gru64Stack),
        nameof(GruKeras2LoopsBackwardsStack),
        nameof(GruBareBackwardsLayer),
        nameof(GruBareLoopsStack),
        nameof(GruStatefulStack),
        nameof(SimpleRnnLstmGruStack),
        nameof(GruHardSigmoidKeras2RegisterStack),
        nameof(GruSwishRegisterStack),
        nameof(GruSwishLoopsStack),
        nameof(Gru256Stack),
        nameof(GruUnrolledWideInputStack),
    ];

    /// <summary>The models whose PredictBatch runs sequences in SIMD lanes (every layer written out, none stateful).</summary>
    public static string[] LaneNames =>
    [
        nameof(GruRegisterStack),
        nameof(GruKeras2RegisterStack),
        nameof(GruBareBackwardsLayer),
        nameof(GruHardSigmoidKeras2RegisterStack),
        nameof(GruSwishRegisterStack),
        nameof(GruUnrolledWideInputStack),
    ];

    public static IRnnModel? Create(string name) => name switch
    {
        nameof(GruRegisterStack) => new GruRegisterStack(seed: 81),
        nameof(GruKeras2RegisterStack) => new GruKeras2RegisterStack(seed: 82),
        nameof(GruSequenceLoopsStack) => new GruSequenceLoopsStack(seed: 83),
        nameof(Gru64Stack) => new Gru64Stack(seed: 84),
        nameof(GruKeras2LoopsBackwardsStack) => new GruKeras2LoopsBackwardsStack(seed: 85),
        nameof(GruBareBackwardsLayer) => new GruBareBackwardsLayer(seed: 86),
        nameof(GruBareLoopsStack) => new GruBareLoopsStack(seed: 87),
        nameof(GruStatefulStack) => new GruStatefulStack(seed: 88),
        nameof(SimpleRnnLstmGruStack) => new SimpleRnnLstmGruStack(seed: 89),
        nameof(GruHardSigmoidKeras2RegisterStack) => new GruHardSigmoidKeras2RegisterStack(seed: 90),
        nameof(GruSwishRegisterStack) => new GruSwishRegisterStack(seed: 91),
        nameof(GruSwishLoopsStack) => new GruSwishLoopsStack(seed: 92),
        nameof(Gru256Stack) => new Gru256Stack(seed: 93),
        nameof(GruUnrolledWideInputStack) => new GruUnrolledWideInputStack(seed: 94),
        _ => null,
    };
}
