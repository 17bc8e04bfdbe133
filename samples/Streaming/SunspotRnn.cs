using RnnGen;

namespace Streaming;

/// <summary>The shape samples/Sunspots trains by default, so that its <c>--save-weights</c> file loads here.</summary>
[Rnn(TimeSteps = 12, Features = 1, HiddenUnits = 3, DenseUnits = 1,
     HiddenActivation = Activation.Tanh, DenseActivation = Activation.Tanh)]
public partial class SunspotRnn { }
