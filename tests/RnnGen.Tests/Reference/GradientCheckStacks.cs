namespace RnnGen.Tests.Reference;

/// <summary>
/// The stacks whose analytic gradients are checked against central differences: 1 to 4 recurrent
/// layers, Dense before, between and after them, every activation, layers without bias,
/// go_backwards, return_sequences on the last layer, stateful models, odd sizes, and stacks mixing
/// SimpleRNN, LSTM, GRU (both ways of reset_after), Bidirectional and Dense.
/// </summary>
internal static class GradientCheckStacks
{
    /// <summary>The stacks by name.</summary>
    public static IReadOnlyDictionary<string, ReferenceSequential> All { get; } = new Dictionary<string, ReferenceSequential>
    {
        ["SimpleRNN(3)"] = new(5, 3, false, [new SimpleRnnLayer(3)]),
        ["T1 F1: SimpleRNN(2) + Dense(1)"] = new(1, 1, false, [new SimpleRnnLayer(2), new DenseLayer(1)]),
        ["SimpleRNN(4, relu) + Dense(2, tanh)"] = new(5, 3, false,
            [new SimpleRnnLayer(4, Activation.Relu), new DenseLayer(2, Activation.Tanh)]),
        ["SimpleRNN(7, sigmoid, seq) + Dense(1, sigmoid) per step"] = new(5, 3, false,
            [new SimpleRnnLayer(7, Activation.Sigmoid, ReturnSequences: true), new DenseLayer(1, Activation.Sigmoid)]),
        ["SimpleRNN(4, linear, seq, backwards) last"] = new(5, 3, false,
            [new SimpleRnnLayer(4, Activation.Linear, ReturnSequences: true, GoBackwards: true)]),
        ["SimpleRNN(3, no bias, backwards) + Dense(2, relu, no bias)"] = new(6, 2, false,
            [new SimpleRnnLayer(3, UseBias: false, GoBackwards: true), new DenseLayer(2, Activation.Relu, UseBias: false)]),
        ["Dense(4, relu) + SimpleRNN(3) + Dense(2, sigmoid)"] = new(5, 3, false,
            [new DenseLayer(4, Activation.Relu), new SimpleRnnLayer(3), new DenseLayer(2, Activation.Sigmoid)]),
        ["SimpleRNN(3, seq) + SimpleRNN(2)"] = new(5, 3, false,
            [new SimpleRnnLayer(3, ReturnSequences: true), new SimpleRnnLayer(2)]),
        ["SimpleRNN(4, seq, backwards) + SimpleRNN(3, sigmoid, no bias, seq) + SimpleRNN(2, linear, backwards) + Dense(1)"] = new(5, 3, false,
        [
            new SimpleRnnLayer(4, ReturnSequences: true, GoBackwards: true),
            new SimpleRnnLayer(3, Activation.Sigmoid, UseBias: false, ReturnSequences: true),
            new SimpleRnnLayer(2, Activation.Linear, GoBackwards: true),
            new DenseLayer(1),
        ]),
        ["four SimpleRNN with Dense before, between and after"] = new(5, 3, false,
        [
            new DenseLayer(3, UseBias: false),
            new SimpleRnnLayer(3, ReturnSequences: true),
            new DenseLayer(4, Activation.Relu),
            new SimpleRnnLayer(7, Activation.Relu, ReturnSequences: true, GoBackwards: true),
            new SimpleRnnLayer(2, Activation.Linear, ReturnSequences: true),
            new DenseLayer(4, Activation.Tanh),
            new SimpleRnnLayer(3, Activation.Tanh, UseBias: false),
            new DenseLayer(2, Activation.Linear),
            new DenseLayer(1, Activation.Sigmoid, UseBias: false),
        ]),
        ["stateful SimpleRNN(4)"] = new(5, 3, true, [new SimpleRnnLayer(4)]),
        ["stateful SimpleRNN(3, seq, backwards) + SimpleRNN(4, relu) + Dense(2)"] = new(5, 3, true,
            [new SimpleRnnLayer(3, ReturnSequences: true, GoBackwards: true), new SimpleRnnLayer(4, Activation.Relu), new DenseLayer(2)]),
        ["stateful SimpleRNN(7, sigmoid, no bias, seq) + SimpleRNN(2, tanh, seq, backwards) + Dense(3, no bias)"] = new(8, 2, true,
        [
            new SimpleRnnLayer(7, Activation.Sigmoid, UseBias: false, ReturnSequences: true),
            new SimpleRnnLayer(2, ReturnSequences: true, GoBackwards: true),
            new DenseLayer(3, UseBias: false),
        ]),
        ["Dense(4, tanh) + Dense(2) on every step"] = new(5, 3, false, [new DenseLayer(4, Activation.Tanh), new DenseLayer(2)]),
        ["LSTM(4, seq) + GRU(3) + Dense(1)"] = new(5, 3, false,
            [new LstmLayer(4, ReturnSequences: true), new GruLayer(3), new DenseLayer(1)]),
        ["GRU(4, reset before, seq, backwards) + Dense(3, elu) + SimpleRNN(3, selu, seq) + LSTM(2, softsign, hard_sigmoid) + Dense(2, swish)"] = new(4, 2, false,
        [
            new GruLayer(4, ReturnSequences: true, GoBackwards: true, ResetAfter: false),
            new DenseLayer(3, KerasActivation.Elu),
            new SimpleRnnLayer(3, KerasActivation.Selu, ReturnSequences: true),
            new LstmLayer(2, KerasActivation.Softsign, KerasActivation.HardSigmoid),
            new DenseLayer(2, KerasActivation.Swish),
        ]),
        ["stateful SimpleRNN(3, seq) + LSTM(3, no bias, seq, backwards) + GRU(2, seq) + Dense(2, softplus) per step"] = new(5, 3, true,
        [
            new SimpleRnnLayer(3, ReturnSequences: true),
            new LstmLayer(3, UseBias: false, ReturnSequences: true, GoBackwards: true),
            new GruLayer(2, ReturnSequences: true),
            new DenseLayer(2, KerasActivation.Softplus),
        ]),
        ["stateful Bidirectional(LSTM(3, seq)) + Bidirectional(GRU(2), sum) + Dense(1, hard_sigmoid keras 2)"] = new(5, 2, true,
        [
            new BidirectionalLayer(new LstmLayer(3, ReturnSequences: true)),
            new BidirectionalLayer(new GruLayer(2), ReferenceMergeMode.Sum),
            new DenseLayer(1, KerasActivation.HardSigmoidKeras2),
        ]),
        ["Dense(4, relu) + Bidirectional(SimpleRNN(3, seq), ave) + LSTM(3, seq) + Bidirectional(GRU(2, seq, reset before), mul)"] = new(4, 3, false,
        [
            new DenseLayer(4, Activation.Relu),
            new BidirectionalLayer(new SimpleRnnLayer(3, ReturnSequences: true), ReferenceMergeMode.Ave),
            new LstmLayer(3, ReturnSequences: true),
            new BidirectionalLayer(new GruLayer(2, ReturnSequences: true, ResetAfter: false), ReferenceMergeMode.Mul),
        ]),
    };

    /// <summary>The names, as theory data (one test case each).</summary>
    public static TheoryData<string> Names => new(All.Keys);
}
