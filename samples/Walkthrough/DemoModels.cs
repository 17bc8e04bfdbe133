using RnnGen;

namespace Walkthrough;

// The tutorial's demo network, `create_RNN(2, 1, (3, 1), activation=['linear', 'linear'])`, and the two
// variants part 1 goes on to explore. The shapes are compile-time, so each variant is its own type.

/// <summary>SimpleRNN(2, linear) + Dense(1, linear) over 3 time steps of 1 feature: 8 + 3 = 11 parameters.</summary>
[Rnn(TimeSteps = 3, Features = 1, HiddenUnits = 2, DenseUnits = 1,
     HiddenActivation = Activation.Linear, DenseActivation = Activation.Linear)]
public partial class DemoRnn { }

/// <summary>The demo network with <c>return_sequences=True</c>: the Dense layer runs on every time step.</summary>
[Rnn(TimeSteps = 3, Features = 1, HiddenUnits = 2, DenseUnits = 1,
     HiddenActivation = Activation.Linear, DenseActivation = Activation.Linear, ReturnSequences = true)]
public partial class DemoSequenceRnn { }

/// <summary>The demo network with <c>stateful=True</c>: each call starts from the hidden state the last one left.</summary>
[Rnn(TimeSteps = 3, Features = 1, HiddenUnits = 2, DenseUnits = 1,
     HiddenActivation = Activation.Linear, DenseActivation = Activation.Linear, Stateful = true)]
public partial class DemoStatefulRnn { }
