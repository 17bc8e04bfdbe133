namespace RnnGen.Tests.Gated;

// Bidirectional layers of every kind and merge mode on both backends, joined to every
// StackNumericsTests theory through StackModels: forward and gradients against the float64
// reference, Step refusing to stream, PredictBatch (in lanes where every layer is written out) and
// zero allocation.

/// <summary>Keras' default merge (concat) around a small unrolled LSTM, last output only.</summary>
[Rnn(TimeSteps = 6, Features = 2)]
[Lstm(3, Bidirectional = true)]
[Dense(1)]
public partial class BidirectionalLstmConcat;

/// <summary>A loops GRU in both directions returning sequences, summed, then a Dense layer on every step.</summary>
[Rnn(TimeSteps = 5, Features = 3)]
[Gru(9, Bidirectional = true, MergeMode = MergeMode.Sum, ReturnSequences = true)]
[Dense(2)]
public partial class BidirectionalGruSumSequence;

/// <summary>SimpleRNNs multiplied: BPTT sends each direction the other's output times the gradient.</summary>
[Rnn(TimeSteps = 4, Features = 2)]
[SimpleRnn(4, Bidirectional = true, MergeMode = MergeMode.Mul, ReturnSequences = true)]
[SimpleRnn(3)]
public partial class BidirectionalSimpleRnnMulStack;

/// <summary>Averaged reset_after=False GRUs going backwards (the backward direction then runs forwards), below an LSTM.</summary>
[Rnn(TimeSteps = 5, Features = 2)]
[Dense(3, Activation = Activation.Tanh)]
[Gru(2, ResetAfter = false, GoBackwards = true, Bidirectional = true, MergeMode = MergeMode.Ave, ReturnSequences = true)]
[Lstm(10, Bidirectional = true)]
[Dense(1)]
public partial class BidirectionalAveBelowLstm;

/// <summary>Stateful bidirectional layers: both directions' states carried in State, forward first.</summary>
[Rnn(TimeSteps = 4, Features = 3, Stateful = true)]
[Lstm(5, Bidirectional = true, ReturnSequences = true)]
[Gru(3, Bidirectional = true, MergeMode = MergeMode.Sum)]
public partial class BidirectionalStatefulStack;

/// <summary>A wide loops LSTM in both directions, concatenated sequences.</summary>
[Rnn(TimeSteps = 8, Features = 4)]
[Lstm(32, Bidirectional = true, ReturnSequences = true)]
[Dense(1)]
public partial class BidirectionalLstm32Sequence;

/// <summary>The models above, by name, for theories.</summary>
internal static class BidirectionalModels
{
    /// <summary>Every model above; StackModels lists them, so every StackNumericsTests theory checks them.</summary>
    public static string[] All =>
    [
        nameof(BidirectionalLstmConcat),
        nameof(BidirectionalGruSumSequence),
        nameof(BidirectionalSimpleRnnMulStack),
        nameof(BidirectionalAveBelowLstm),
        nameof(BidirectionalStatefulStack),
        nameof(BidirectionalLstm32Sequence),
    ];

    /// <summary>The models whose PredictBatch runs sequences in SIMD lanes (every layer written out, none stateful).</summary>
    public static string[] LaneNames =>
    [
        nameof(BidirectionalLstmConcat),
        nameof(BidirectionalSimpleRnnMulStack),
    ];

    public static IRnnModel? Create(string name) => name switch
    {
        nameof(BidirectionalLstmConcat) => new BidirectionalLstmConcat(seed: 101),
        nameof(BidirectionalGruSumSequence) => new BidirectionalGruSumSequence(seed: 102),
        nameof(BidirectionalSimpleRnnMulStack) => new BidirectionalSimpleRnnMulStack(seed: 103),
        nameof(BidirectionalAveBelowLstm) => new BidirectionalAveBelowLstm(seed: 104),
        nameof(BidirectionalStatefulStack) => new BidirectionalStatefulStack(seed: 105),
        nameof(BidirectionalLstm32Sequence) => new BidirectionalLstm32Sequence(seed: 106),
        _ => null,
    };
}
