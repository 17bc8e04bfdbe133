namespace RnnGen.Tests.Persistence;

// Generated models the persistence tests load into: a small stack (every bit of its file is flipped in turn),
// a twin that differs only in one activation, and the version-1 fixtures' models spelled as layer attributes.

/// <summary>4 + 4 + 2 + 4 + 4 + 2 + 1 = 21 parameters; a 40 + 48 + 84 + 4 = 176-byte file.</summary>
[Rnn(TimeSteps = 3, Features = 2)]
[SimpleRnn(2, ReturnSequences = true)]
[SimpleRnn(2, Activation = Activation.Relu, UseBias = false)]
[Dense(1)]
public partial class SmallStack;

/// <summary><see cref="SmallStack"/> with a tanh second layer: the same parameter count.</summary>
[Rnn(TimeSteps = 3, Features = 2)]
[SimpleRnn(2, ReturnSequences = true)]
[SimpleRnn(2, UseBias = false)]
[Dense(1)]
public partial class SmallStackTanh;

/// <summary>The version-1 tutorial fixture's model, written as layers.</summary>
[Rnn(TimeSteps = 12)]
[SimpleRnn(3)]
[Dense(1, Activation = Activation.Tanh)]
public partial class TutorialAsLayers;

/// <summary>The version-1 sequence fixture's model, written as layers.</summary>
[Rnn(TimeSteps = 5, Features = 2, Stateful = true)]
[SimpleRnn(4, Activation = Activation.Sigmoid, ReturnSequences = true)]
[Dense(3, Activation = Activation.Relu)]
public partial class SequenceStatefulAsLayers;
