using RnnGen;

namespace Deploying;

/// <summary>The Keras tutorial's model: SimpleRNN(3, tanh) over 12 steps of 1 feature, then Dense(1, tanh).</summary>
[Rnn(TimeSteps = 12, Features = 1, HiddenUnits = 3, DenseUnits = 1,
     HiddenActivation = Activation.Tanh, DenseActivation = Activation.Tanh)]
public partial class TutorialModel;
