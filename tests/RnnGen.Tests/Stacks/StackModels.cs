namespace RnnGen.Tests.Stacks;

// Stacks in every shape the layer attributes allow: Dense before, between and after recurrent
// layers, 1 to 4 recurrent layers, every activation, no-bias layers, go_backwards, sequence outputs.

[Rnn(TimeSteps = 5, Features = 3)]
[Dense(4, Activation = Activation.Tanh)]
[SimpleRnn(7, ReturnSequences = true)]
[SimpleRnn(3, Activation = Activation.Relu, GoBackwards = true)]
[Dense(2, Activation = Activation.Sigmoid)]
public partial class DenseAroundRecurrentStack;

[Rnn(TimeSteps = 6, Features = 2)]
[SimpleRnn(4, ReturnSequences = true)]
[Dense(3, Activation = Activation.Relu)]
[SimpleRnn(3, Activation = Activation.Sigmoid, UseBias = false, ReturnSequences = true)]
[Dense(2)]
public partial class DenseBetweenRecurrentStack;

[Rnn(TimeSteps = 4, Features = 3, Stateful = true)]
[SimpleRnn(5, ReturnSequences = true)]
[SimpleRnn(4, ReturnSequences = true, Activation = Activation.Linear)]
[SimpleRnn(3, ReturnSequences = true)]
[SimpleRnn(2)]
[Dense(1, Activation = Activation.Tanh)]
public partial class FourRecurrentStatefulStack;

[Rnn(TimeSteps = 8, Features = 1)]
[SimpleRnn(3, Activation = Activation.Linear, ReturnSequences = true, GoBackwards = true)]
public partial class BackwardsSequenceLayer;

[Rnn(TimeSteps = 32, Features = 4)]
[SimpleRnn(64, ReturnSequences = true)]
[SimpleRnn(64)]
[Dense(1)]
public partial class StackedSimpleRnn64;

[Rnn(TimeSteps = 64, Features = 3)]
[Dense(16, Activation = Activation.Tanh, UseBias = false)]
[SimpleRnn(256, ReturnSequences = true)]
[SimpleRnn(32, Activation = Activation.Relu)]
[Dense(2)]
public partial class LargeStack;

/// <summary>The stacks above, MixedBackendModels', ActivationModels', Gated.LstmModels', Gated.GruModels' and Gated.BidirectionalModels', by name, for theories.</summary>
internal static class StackModels
{
    public static TheoryData<string> Names => With([.. ActivationModels.All, .. Gated.LstmModels.All, .. Gated.GruModels.All, .. Gated.BidirectionalModels.All], new()
    {
        nameof(DenseAroundRecurrentStack),
        nameof(DenseBetweenRecurrentStack),
        nameof(FourRecurrentStatefulStack),
        nameof(BackwardsSequenceLayer),
        nameof(StackedSimpleRnn64),
        nameof(LargeStack),
        nameof(RegisterStack),
        nameof(MixedBackendStack),
        nameof(StatefulWrittenOutStack),
        nameof(LoopsIntoUnrolledStack),
        nameof(LanesSequenceStack),
        nameof(UnrolledWithoutBiasStack),
    });

    /// <summary>The stacks whose PredictBatch runs sequences in SIMD lanes (every layer written out, none stateful).</summary>
    public static TheoryData<string> LaneNames => With([.. ActivationModels.LaneNames, .. Gated.LstmModels.LaneNames, .. Gated.GruModels.LaneNames, .. Gated.BidirectionalModels.LaneNames], new()
    {
        nameof(RegisterStack),
        nameof(LanesSequenceStack),
        nameof(UnrolledWithoutBiasStack),
    });

    public static IRnnModel Create(string name) => name switch
    {
        nameof(DenseAroundRecurrentStack) => new DenseAroundRecurrentStack(seed: 1),
        nameof(DenseBetweenRecurrentStack) => new DenseBetweenRecurrentStack(seed: 2),
        nameof(FourRecurrentStatefulStack) => new FourRecurrentStatefulStack(seed: 3),
        nameof(BackwardsSequenceLayer) => new BackwardsSequenceLayer(seed: 4),
        nameof(StackedSimpleRnn64) => new StackedSimpleRnn64(seed: 5),
        nameof(LargeStack) => new LargeStack(seed: 6),
        nameof(RegisterStack) => new RegisterStack(seed: 7),
        nameof(MixedBackendStack) => new MixedBackendStack(seed: 8),
        nameof(StatefulWrittenOutStack) => new StatefulWrittenOutStack(seed: 9),
        nameof(LoopsIntoUnrolledStack) => new LoopsIntoUnrolledStack(seed: 10),
        nameof(LanesSequenceStack) => new LanesSequenceStack(seed: 11),
        nameof(UnrolledWithoutBiasStack) => new UnrolledWithoutBiasStack(seed: 12),
        _ => Gated.LstmModels.Create(name) ?? Gated.GruModels.Create(name) ?? Gated.BidirectionalModels.Create(name) ?? ActivationModels.Create(name),
    };

    private static TheoryData<string> With(string[] more, TheoryData<string> names)
    {
        foreach (string name in more)
        {
            names.Add(name);
        }

        return names;
    }
}
