namespace RnnGen.Tests.Stacks;

// Every activation DESIGN.md adds, as a SimpleRNN's and as a Dense layer's activation, on each
// backend: register (SimpleRNN(3) fed one feature, a sequence out), unrolled (SimpleRNN(6),
// go_backwards) and loops (SimpleRNN(20) and Dense(10), a sequence out). Their Dense layers get
// the register, unrolled and loops backends in turn.

[Rnn(TimeSteps = 5, Features = 1)]
[SimpleRnn(3, Activation = Activation.HardSigmoid, ReturnSequences = true)]
[Dense(2, Activation = Activation.HardSigmoid)]
public partial class HardSigmoidRegisterStack;

[Rnn(TimeSteps = 5, Features = 2)]
[SimpleRnn(6, Activation = Activation.HardSigmoid, GoBackwards = true)]
[Dense(5, Activation = Activation.HardSigmoid)]
public partial class HardSigmoidUnrolledStack;

[Rnn(TimeSteps = 6, Features = 3)]
[SimpleRnn(20, Activation = Activation.HardSigmoid, ReturnSequences = true)]
[Dense(10, Activation = Activation.HardSigmoid)]
public partial class HardSigmoidLoopsStack;

[Rnn(TimeSteps = 5, Features = 1)]
[SimpleRnn(3, Activation = Activation.HardSigmoidKeras2, ReturnSequences = true)]
[Dense(2, Activation = Activation.HardSigmoidKeras2)]
public partial class HardSigmoidKeras2RegisterStack;

[Rnn(TimeSteps = 5, Features = 2)]
[SimpleRnn(6, Activation = Activation.HardSigmoidKeras2, GoBackwards = true)]
[Dense(5, Activation = Activation.HardSigmoidKeras2)]
public partial class HardSigmoidKeras2UnrolledStack;

[Rnn(TimeSteps = 6, Features = 3)]
[SimpleRnn(20, Activation = Activation.HardSigmoidKeras2, ReturnSequences = true)]
[Dense(10, Activation = Activation.HardSigmoidKeras2)]
public partial class HardSigmoidKeras2LoopsStack;

[Rnn(TimeSteps = 5, Features = 1)]
[SimpleRnn(3, Activation = Activation.Elu, ReturnSequences = true)]
[Dense(2, Activation = Activation.Elu)]
public partial class EluRegisterStack;

[Rnn(TimeSteps = 5, Features = 2)]
[SimpleRnn(6, Activation = Activation.Elu, GoBackwards = true)]
[Dense(5, Activation = Activation.Elu)]
public partial class EluUnrolledStack;

[Rnn(TimeSteps = 6, Features = 3)]
[SimpleRnn(20, Activation = Activation.Elu, ReturnSequences = true)]
[Dense(10, Activation = Activation.Elu)]
public partial class EluLoopsStack;

[Rnn(TimeSteps = 5, Features = 1)]
[SimpleRnn(3, Activation = Activation.Selu, ReturnSequences = true)]
[Dense(2, Activation = Activation.Selu)]
public partial class SeluRegisterStack;

[Rnn(TimeSteps = 5, Features = 2)]
[SimpleRnn(6, Activation = Activation.Selu, GoBackwards = true)]
[Dense(5, Activation = Activation.Selu)]
public partial class SeluUnrolledStack;

[Rnn(TimeSteps = 6, Features = 3)]
[SimpleRnn(20, Activation = Activation.Selu, ReturnSequences = true)]
[Dense(10, Activation = Activation.Selu)]
public partial class SeluLoopsStack;

[Rnn(TimeSteps = 5, Features = 1)]
[SimpleRnn(3, Activation = Activation.Softplus, ReturnSequences = true)]
[Dense(2, Activation = Activation.Softplus)]
public partial class SoftplusRegisterStack;

[Rnn(TimeSteps = 5, Features = 2)]
[SimpleRnn(6, Activation = Activation.Softplus, GoBackwards = true)]
[Dense(5, Activation = Activation.Softplus)]
public partial class SoftplusUnrolledStack;

[Rnn(TimeSteps = 6, Features = 3)]
[SimpleRnn(20, Activation = Activation.Softplus, ReturnSequences = true)]
[Dense(10, Activation = Activation.Softplus)]
public partial class SoftplusLoopsStack;

[Rnn(TimeSteps = 5, Features = 1)]
[SimpleRnn(3, Activation = Activation.Softsign, ReturnSequences = true)]
[Dense(2, Activation = Activation.Softsign)]
public partial class SoftsignRegisterStack;

[Rnn(TimeSteps = 5, Features = 2)]
[SimpleRnn(6, Activation = Activation.Softsign, GoBackwards = true)]
[Dense(5, Activation = Activation.Softsign)]
public partial class SoftsignUnrolledStack;

[Rnn(TimeSteps = 6, Features = 3)]
[SimpleRnn(20, Activation = Activation.Softsign, ReturnSequences = true)]
[Dense(10, Activation = Activation.Softsign)]
public partial class SoftsignLoopsStack;

[Rnn(TimeSteps = 5, Features = 1)]
[SimpleRnn(3, Activation = Activation.Swish, ReturnSequences = true)]
[Dense(2, Activation = Activation.Swish)]
public partial class SwishRegisterStack;

[Rnn(TimeSteps = 5, Features = 2)]
[SimpleRnn(6, Activation = Activation.Swish, GoBackwards = true)]
[Dense(5, Activation = Activation.Swish)]
public partial class SwishUnrolledStack;

[Rnn(TimeSteps = 6, Features = 3)]
[SimpleRnn(20, Activation = Activation.Swish, ReturnSequences = true)]
[Dense(10, Activation = Activation.Swish)]
public partial class SwishLoopsStack;

/// <summary>The models above, by name, for theories.</summary>
internal static class ActivationModels
{
    /// <summary>Every model above; StackModels lists them, so every StackNumericsTests theory checks them (LanesBatchTests those of LaneNames).</summary>
    public static string[] All =>
    [
        nameof(HardSigmoidRegisterStack),
        nameof(HardSigmoidUnrolledStack),
        nameof(HardSigmoidLoopsStack),
        nameof(HardSigmoidKeras2RegisterStack),
        nameof(HardSigmoidKeras2UnrolledStack),
        nameof(HardSigmoidKeras2LoopsStack),
        nameof(EluRegisterStack),
        nameof(EluUnrolledStack),
        nameof(EluLoopsStack),
        nameof(SeluRegisterStack),
        nameof(SeluUnrolledStack),
        nameof(SeluLoopsStack),
        nameof(SoftplusRegisterStack),
        nameof(SoftplusUnrolledStack),
        nameof(SoftplusLoopsStack),
        nameof(SoftsignRegisterStack),
        nameof(SoftsignUnrolledStack),
        nameof(SoftsignLoopsStack),
        nameof(SwishRegisterStack),
        nameof(SwishUnrolledStack),
        nameof(SwishLoopsStack),
    ];

    /// <summary>The models whose PredictBatch runs sequences in SIMD lanes (every layer written out), for LanesBatchTests.</summary>
    public static string[] LaneNames =>
    [
        nameof(HardSigmoidRegisterStack),
        nameof(HardSigmoidUnrolledStack),
        nameof(HardSigmoidKeras2RegisterStack),
        nameof(HardSigmoidKeras2UnrolledStack),
        nameof(EluRegisterStack),
        nameof(EluUnrolledStack),
        nameof(SeluRegisterStack),
        nameof(SeluUnrolledStack),
        nameof(SoftplusRegisterStack),
        nameof(SoftplusUnrolledStack),
        nameof(SoftsignRegisterStack),
        nameof(SoftsignUnrolledStack),
        nameof(SwishRegisterStack),
        nameof(SwishUnrolledStack),
    ];

    public static IRnnModel Create(string name) => name switch
    {
        nameof(HardSigmoidRegisterStack) => new HardSigmoidRegisterStack(seed: 31),
        nameof(HardSigmoidUnrolledStack) => new HardSigmoidUnrolledStack(seed: 32),
        nameof(HardSigmoidLoopsStack) => new HardSigmoidLoopsStack(seed: 33),
        nameof(HardSigmoidKeras2RegisterStack) => new HardSigmoidKeras2RegisterStack(seed: 34),
        nameof(HardSigmoidKeras2UnrolledStack) => new HardSigmoidKeras2UnrolledStack(seed: 35),
        nameof(HardSigmoidKeras2LoopsStack) => new HardSigmoidKeras2LoopsStack(seed: 36),
        nameof(EluRegisterStack) => new EluRegisterStack(seed: 37),
        nameof(EluUnrolledStack) => new EluUnrolledStack(seed: 38),
        nameof(EluLoopsStack) => new EluLoopsStack(seed: 39),
        nameof(SeluRegisterStack) => new SeluRegisterStack(seed: 40),
        nameof(SeluUnrolledStack) => new SeluUnrolledStack(seed: 41),
        nameof(SeluLoopsStack) => new SeluLoopsStack(seed: 42),
        nameof(SoftplusRegisterStack) => new SoftplusRegisterStack(seed: 43),
        nameof(SoftplusUnrolledStack) => new SoftplusUnrolledStack(seed: 44),
        nameof(SoftplusLoopsStack) => new SoftplusLoopsStack(seed: 45),
        nameof(SoftsignRegisterStack) => new SoftsignRegisterStack(seed: 46),
        nameof(SoftsignUnrolledStack) => new SoftsignUnrolledStack(seed: 47),
        nameof(SoftsignLoopsStack) => new SoftsignLoopsStack(seed: 48),
        nameof(SwishRegisterStack) => new SwishRegisterStack(seed: 49),
        nameof(SwishUnrolledStack) => new SwishUnrolledStack(seed: 50),
        nameof(SwishLoopsStack) => new SwishLoopsStack(seed: 51),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such model"),
    };
}
