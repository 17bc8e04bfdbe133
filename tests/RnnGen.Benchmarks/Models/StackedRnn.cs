namespace RnnGen.Benchmarks.Models;

/// <summary>
/// A two-layer stack: 32 steps of 4 features, SimpleRNN(64, tanh, return_sequences) feeding
/// SimpleRNN(64, tanh), then Dense(1, linear) on the last step.
/// </summary>
[Rnn(TimeSteps = 32, Features = 4)]
[SimpleRnn(64, ReturnSequences = true)]
[SimpleRnn(64)]
[Dense(1)]
public partial class StackedRnn;
