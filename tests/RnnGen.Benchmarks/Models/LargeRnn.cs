namespace RnnGen.Benchmarks.Models;

/// <summary>
/// A large model: 64 steps, SimpleRNN(256, tanh), Dense(1, linear). Its 256 KB recurrent kernel
/// does not fit in L1, so each step streams it from L2.
/// </summary>
[Rnn(TimeSteps = 64, Features = 1, HiddenUnits = 256, DenseUnits = 1,
     HiddenActivation = Activation.Tanh, DenseActivation = Activation.Linear)]
public partial class LargeRnn;
