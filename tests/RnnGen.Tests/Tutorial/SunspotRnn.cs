namespace RnnGen.Tests.Tutorial;

/// <summary>The tutorial's model: SimpleRNN(3, tanh) + Dense(1, tanh) over 12 monthly values.</summary>
[Rnn(TimeSteps = 12, Features = 1, HiddenUnits = 3, DenseUnits = 1,
     HiddenActivation = Activation.Tanh, DenseActivation = Activation.Tanh)]
public partial class SunspotRnn { }
