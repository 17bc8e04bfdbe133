namespace RnnGen.Benchmarks.Models;

/// <summary>The Keras tutorial's model: 12 monthly values in, SimpleRNN(3, tanh), Dense(1, tanh).</summary>
[Rnn(TimeSteps = 12, Features = 1, HiddenUnits = 3, DenseUnits = 1,
     HiddenActivation = Activation.Tanh, DenseActivation = Activation.Tanh)]
public partial class TutorialRnn;
