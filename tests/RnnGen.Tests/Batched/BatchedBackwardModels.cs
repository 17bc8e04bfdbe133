namespace RnnGen.Tests.Batched;

// Models whose BackwardBatch runs in tiles: SimpleRNN and Dense layers with span loops, not stateful.

/// <summary>The medium benchmark shape: 32 steps × 4 features, SimpleRNN(64, tanh), Dense(3).</summary>
[Rnn(TimeSteps = 32, Features = 4)]
[SimpleRnn(64)]
[Dense(3)]
public partial class BatchedMediumRnn;

/// <summary>The large benchmark shape: 64 steps × 1 feature, SimpleRNN(256, tanh), Dense(1).</summary>
[Rnn(TimeSteps = 64, Features = 1)]
[SimpleRnn(256)]
[Dense(1)]
public partial class BatchedLargeRnn;

/// <summary>Two SimpleRNN layers returning sequences (tanh, then relu) and a Dense on every step: the output is a sequence.</summary>
[Rnn(TimeSteps = 12, Features = 3)]
[SimpleRnn(20, ReturnSequences = true)]
[SimpleRnn(17, Activation = Activation.Relu, ReturnSequences = true)]
[Dense(5, Activation = Activation.Tanh)]
public partial class BatchedSequenceStack;

/// <summary>Dense on every input step first, a SimpleRNN without bias, then a sigmoid Dense on its last state.</summary>
[Rnn(TimeSteps = 9, Features = 5)]
[Dense(12, Activation = Activation.Relu)]
[SimpleRnn(33, UseBias = false)]
[Dense(2, Activation = Activation.Sigmoid)]
public partial class BatchedDenseFirstStack;

/// <summary>A model that ends in a SimpleRNN returning sequences, below another SimpleRNN: no Dense at all.</summary>
[Rnn(TimeSteps = 10, Features = 2)]
[SimpleRnn(24, ReturnSequences = true)]
[SimpleRnn(9, Activation = Activation.Linear, ReturnSequences = true)]
public partial class BatchedRecurrentOutputStack;

// Models whose BackwardBatch runs Backward for each sequence.

/// <summary>An LSTM: gated layers are not batched backwards.</summary>
[Rnn(TimeSteps = 8, Features = 2)]
[Lstm(16)]
[Dense(1)]
public partial class LoopedLstm;

/// <summary>A stateful SimpleRNN: its sequences run in order, each from the last one's State.</summary>
[Rnn(TimeSteps = 8, Features = 2, Stateful = true)]
[SimpleRnn(16)]
[Dense(1)]
public partial class LoopedStatefulRnn;
