namespace RnnGen.Tests.Interop.Keras;

// Models that differ from a fixture's architecture in one thing each: the files must be refused by them.

/// <summary>simple_rnn_dense with 4 units instead of 3.</summary>
[Rnn(TimeSteps = 12, Features = 1)]
[SimpleRnn(4)]
[Dense(1, Activation = Activation.Tanh)]
public partial class KerasSimpleRnn4Dense;

/// <summary>simple_rnn_dense with an LSTM in place of the SimpleRNN.</summary>
[Rnn(TimeSteps = 12, Features = 1)]
[Lstm(3)]
[Dense(1, Activation = Activation.Tanh)]
public partial class KerasLstmInPlaceOfSimpleRnn;

/// <summary>simple_rnn_dense with a linear Dense layer instead of tanh.</summary>
[Rnn(TimeSteps = 12, Features = 1)]
[SimpleRnn(3)]
[Dense(1)]
public partial class KerasSimpleRnnLinearDense;

/// <summary>simple_rnn_dense returning sequences.</summary>
[Rnn(TimeSteps = 12, Features = 1)]
[SimpleRnn(3, ReturnSequences = true)]
[Dense(1, Activation = Activation.Tanh)]
public partial class KerasSimpleRnnSequenceDense;

/// <summary>simple_rnn_dense over 10 steps of 2 features.</summary>
[Rnn(TimeSteps = 10, Features = 2)]
[SimpleRnn(3)]
[Dense(1, Activation = Activation.Tanh)]
public partial class KerasSimpleRnnDenseOtherInput;

/// <summary>simple_rnn_dense, stateful.</summary>
[Rnn(TimeSteps = 12, Features = 1, Stateful = true)]
[SimpleRnn(3)]
[Dense(1, Activation = Activation.Tanh)]
public partial class KerasSimpleRnnDenseStateful;

/// <summary>simple_rnn_dense whose Dense layer has no bias: the file's bias is one weight too many.</summary>
[Rnn(TimeSteps = 12, Features = 1)]
[SimpleRnn(3)]
[Dense(1, Activation = Activation.Tanh, UseBias = false)]
public partial class KerasSimpleRnnDenseNoBias;

/// <summary>simple_rnn_dense with one more Dense layer: its weights are missing from the file.</summary>
[Rnn(TimeSteps = 12, Features = 1)]
[SimpleRnn(3)]
[Dense(1, Activation = Activation.Tanh)]
[Dense(1)]
public partial class KerasSimpleRnnDenseDense;

/// <summary>gru with reset_after=False: another bias shape.</summary>
[Rnn(TimeSteps = 5, Features = 3)]
[Gru(5, ResetAfter = false)]
[Dense(1)]
public partial class KerasGruResetBefore;

/// <summary>bidirectional with the GRUs summed instead of averaged.</summary>
[Rnn(TimeSteps = 6, Features = 2)]
[Lstm(3, ReturnSequences = true, Bidirectional = true)]
[Gru(2, Bidirectional = true, MergeMode = MergeMode.Sum)]
[Dense(1)]
public partial class KerasBidirectionalSum;
