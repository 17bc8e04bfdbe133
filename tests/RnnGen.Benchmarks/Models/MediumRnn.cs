namespace RnnGen.Benchmarks.Models;

/// <summary>A mid-sized multivariate model: 32 steps of 4 features, SimpleRNN(64, tanh), Dense(3, linear).</summary>
[Rnn(TimeSteps = 32, Features = 4, HiddenUnits = 64, DenseUnits = 3,
     HiddenActivation = Activation.Tanh, DenseActivation = Activation.Linear)]
public partial class MediumRnn;
