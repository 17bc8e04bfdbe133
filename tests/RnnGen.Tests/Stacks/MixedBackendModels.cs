namespace RnnGen.Tests.Stacks;

// Stacks whose small layers are written out (register: up to 4 units fed up to 8 inputs; unrolled:
// up to 8 units and 96 weights) beside span-loop layers: every backend meets every other, with
// return_sequences, go_backwards, stateful, no-bias layers and every activation.

/// <summary>All register: PredictBatch runs sequences in SIMD lanes.</summary>
[Rnn(TimeSteps = 6, Features = 2)]
[SimpleRnn(4, ReturnSequences = true)]
[SimpleRnn(4)]
[Dense(1)]
public partial class RegisterStack;

/// <summary>Unrolled, register and loops layers; go_backwards and no bias on written-out layers.</summary>
[Rnn(TimeSteps = 5, Features = 3)]
[Dense(6, Activation = Activation.Tanh)]
[SimpleRnn(3, Activation = Activation.Relu, UseBias = false, GoBackwards = true, ReturnSequences = true)]
[SimpleRnn(7, Activation = Activation.Sigmoid, ReturnSequences = true)]
[SimpleRnn(20)]
[Dense(2, Activation = Activation.Sigmoid)]
public partial class MixedBackendStack;

/// <summary>Stateful, streaming, ending in a sequence: unrolled, then register layers.</summary>
[Rnn(TimeSteps = 4, Features = 3, Stateful = true)]
[SimpleRnn(5, ReturnSequences = true)]
[SimpleRnn(2, Activation = Activation.Linear, UseBias = false, ReturnSequences = true)]
[Dense(3, Activation = Activation.Relu)]
public partial class StatefulWrittenOutStack;

/// <summary>A loops layer feeding written-out ones: PredictBatch runs sequence by sequence.</summary>
[Rnn(TimeSteps = 7, Features = 1)]
[SimpleRnn(24, ReturnSequences = true)]
[Dense(3, Activation = Activation.Tanh)]
[SimpleRnn(6, GoBackwards = true)]
[Dense(4, Activation = Activation.Tanh, UseBias = false)]
public partial class LoopsIntoUnrolledStack;

/// <summary>Written-out layers only, go_backwards and a sequence out: PredictBatch in lanes.</summary>
[Rnn(TimeSteps = 5, Features = 2)]
[Dense(3, Activation = Activation.Relu)]
[SimpleRnn(6, ReturnSequences = true, GoBackwards = true)]
[Dense(2, Activation = Activation.Sigmoid)]
public partial class LanesSequenceStack;

/// <summary>Unrolled layers without biases, the recurrence last step first, a sequence out: PredictBatch in lanes.</summary>
[Rnn(TimeSteps = 5, Features = 2)]
[SimpleRnn(6, UseBias = false, GoBackwards = true, ReturnSequences = true)]
[Dense(5, Activation = Activation.Sigmoid, UseBias = false)]
public partial class UnrolledWithoutBiasStack;
