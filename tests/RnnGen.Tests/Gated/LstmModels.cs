namespace RnnGen.Tests.Gated;

// LSTM models on every backend (register: up to 4 units, 8 inputs and 96 weights; unrolled: up to 8
// units and 96 weights; loops beyond), joined to every StackNumericsTests theory through StackModels:
// forward and gradients against the float64 reference, Step streaming, PredictBatch (in lanes where
// every layer is written out) and zero allocation.

/// <summary>A long sequence through a small register LSTM: PredictBatch in lanes.</summary>
[Rnn(TimeSteps = 12, Features = 1)]
[Lstm(3)]
[Dense(1)]
public partial class LstmRegisterStack;

/// <summary>A loops LSTM returning its sequence.</summary>
[Rnn(TimeSteps = 6, Features = 3)]
[Lstm(8, ReturnSequences = true)]
[Dense(1)]
public partial class LstmSequenceLoopsStack;

/// <summary>A wide loops LSTM.</summary>
[Rnn(TimeSteps = 16, Features = 4)]
[Lstm(64)]
[Dense(1)]
public partial class Lstm64Stack;

/// <summary>Relu cell, tanh gates, the steps last to first, no bias, a sequence out: register, in lanes.</summary>
[Rnn(TimeSteps = 5, Features = 2)]
[Lstm(4, Activation = Activation.Relu, RecurrentActivation = Activation.Tanh, ReturnSequences = true, GoBackwards = true, UseBias = false)]
public partial class LstmBareBackwardsLayer;

/// <summary>Stateful LSTMs: [h, c] carried between calls, in Step and Forward.</summary>
[Rnn(TimeSteps = 4, Features = 2, Stateful = true)]
[Lstm(5, ReturnSequences = true)]
[Lstm(3)]
public partial class LstmStatefulStack;

/// <summary>A SimpleRNN feeding an LSTM: the LSTM's input gradient goes down into it.</summary>
[Rnn(TimeSteps = 5, Features = 3)]
[SimpleRnn(4, ReturnSequences = true)]
[Lstm(6, ReturnSequences = true)]
[Dense(2)]
public partial class SimpleRnnIntoLstmStack;

/// <summary>Keras 2's hard sigmoid gates, register (in lanes), after a Dense layer whose gradient it sends down.</summary>
[Rnn(TimeSteps = 6, Features = 2)]
[Dense(2, Activation = Activation.Tanh)]
[Lstm(2, RecurrentActivation = Activation.HardSigmoidKeras2)]
[Dense(1)]
public partial class LstmHardSigmoidKeras2RegisterStack;

/// <summary>Keras 2's hard sigmoid gates on loops, go_backwards.</summary>
[Rnn(TimeSteps = 6, Features = 3)]
[Lstm(10, RecurrentActivation = Activation.HardSigmoidKeras2, GoBackwards = true)]
[Dense(1)]
public partial class LstmHardSigmoidKeras2LoopsStack;

/// <summary>Swish cell and gates, register: the layer keeps its pre-activations for BPTT.</summary>
[Rnn(TimeSteps = 5, Features = 2)]
[Lstm(2, Activation = Activation.Swish, RecurrentActivation = Activation.Swish, ReturnSequences = true)]
[Dense(1)]
public partial class LstmSwishRegisterStack;

/// <summary>Swish cell and gates on loops, after a Dense layer.</summary>
[Rnn(TimeSteps = 5, Features = 2)]
[Dense(3)]
[Lstm(9, Activation = Activation.Swish, RecurrentActivation = Activation.Swish)]
[Dense(1)]
public partial class LstmSwishLoopsStack;

/// <summary>More than 8 inputs per step, so unrolled rather than register: 8·(9 + 2 + 1) = 96 weights.</summary>
[Rnn(TimeSteps = 5, Features = 9)]
[Lstm(2, ReturnSequences = true)]
[Dense(1)]
public partial class LstmUnrolledWideInputStack;

/// <summary>The largest size the issue asks for: LSTM(256) on loops.</summary>
[Rnn(TimeSteps = 8, Features = 2)]
[Lstm(256)]
[Dense(1)]
public partial class Lstm256Stack;

/// <summary>An LSTM(8) into a GRU(16) on span loops: both Steps are one call whose sums stay in registers, the GRU's fed by the LSTM's state.</summary>
[Rnn(TimeSteps = 6, Features = 3)]
[Lstm(8, ReturnSequences = true)]
[Gru(16)]
[Dense(1)]
public partial class SmallGatedStreamStack;

/// <summary>A GRU(32) into an LSTM(32): with AVX-512 both Steps are one call over two registers of units, summed in one pass; without it, the kernels' separate calls.</summary>
[Rnn(TimeSteps = 5, Features = 2)]
[Gru(32, ReturnSequences = true)]
[Lstm(32)]
[Dense(2)]
public partial class GatedStreamStack32;

/// <summary>The models above, by name, for theories.</summary>
internal static class LstmModels
{
    /// <summary>Every model above; StackModels lists them, so every StackNumericsTests theory checks them.</summary>
    public static string[] All =>
    [
        nameof(LstmRegisterStack),
        nameof(LstmSequenceLoopsStack),
        nameof(Lstm64Stack),
        nameof(LstmBareBackwardsLayer),
        nameof(LstmStatefulStack),
        nameof(SimpleRnnIntoLstmStack),
        nameof(LstmHardSigmoidKeras2RegisterStack),
        nameof(LstmHardSigmoidKeras2LoopsStack),
        nameof(LstmSwishRegisterStack),
        nameof(LstmSwishLoopsStack),
        nameof(Lstm256Stack),
        nameof(LstmUnrolledWideInputStack),
        nameof(SmallGatedStreamStack),
        nameof(GatedStreamStack32),
    ];

    /// <summary>The models whose PredictBatch runs sequences in SIMD lanes (every layer written out, none stateful).</summary>
    public static string[] LaneNames =>
    [
        nameof(LstmRegisterStack),
        nameof(LstmBareBackwardsLayer),
        nameof(LstmHardSigmoidKeras2RegisterStack),
        nameof(LstmSwishRegisterStack),
        nameof(LstmUnrolledWideInputStack),
    ];

    public static IRnnModel? Create(string name) => name switch
    {
        nameof(LstmRegisterStack) => new LstmRegisterStack(seed: 61),
        nameof(LstmSequenceLoopsStack) => new LstmSequenceLoopsStack(seed: 62),
        nameof(Lstm64Stack) => new Lstm64Stack(seed: 63),
        nameof(LstmBareBackwardsLayer) => new LstmBareBackwardsLayer(seed: 64),
        nameof(LstmStatefulStack) => new LstmStatefulStack(seed: 65),
        nameof(SimpleRnnIntoLstmStack) => new SimpleRnnIntoLstmStack(seed: 66),
        nameof(LstmHardSigmoidKeras2RegisterStack) => new LstmHardSigmoidKeras2RegisterStack(seed: 67),
        nameof(LstmHardSigmoidKeras2LoopsStack) => new LstmHardSigmoidKeras2LoopsStack(seed: 68),
        nameof(LstmSwishRegisterStack) => new LstmSwishRegisterStack(seed: 69),
        nameof(LstmSwishLoopsStack) => new LstmSwishLoopsStack(seed: 70),
        nameof(Lstm256Stack) => new Lstm256Stack(seed: 71),
        nameof(LstmUnrolledWideInputStack) => new LstmUnrolledWideInputStack(seed: 72),
        nameof(SmallGatedStreamStack) => new SmallGatedStreamStack(seed: 73),
        nameof(GatedStreamStack32) => new GatedStreamStack32(seed: 74),
        _ => null,
    };
}
