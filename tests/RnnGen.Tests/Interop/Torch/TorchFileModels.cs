namespace RnnGen.Tests.Interop.Torch;

// The models of tests/fixtures/torch-files/make_files.py as RnnGen declares them (6 steps × 3 features; from zero state).
[Rnn(TimeSteps = 6, Features = 3)] [SimpleRnn(4)] [Dense(2)] public partial class TorchFileRnnTanh;
[Rnn(TimeSteps = 6, Features = 3)] [SimpleRnn(4, Activation = Activation.Relu, ReturnSequences = true)] [Dense(2)] public partial class TorchFileRnnReluSequence;
[Rnn(TimeSteps = 6, Features = 3)] [Lstm(5)] [Dense(1)] public partial class TorchFileLstm;
[Rnn(TimeSteps = 6, Features = 3)] [Gru(4)] [Dense(2)] public partial class TorchFileGru;
[Rnn(TimeSteps = 6, Features = 3)] [Lstm(4, ReturnSequences = true)] [Lstm(4)] [Dense(1)] public partial class TorchFileLstmStacked;
[Rnn(TimeSteps = 6, Features = 3)] [Gru(4, Bidirectional = true)] [Dense(2)] public partial class TorchFileGruBidirectional;
[Rnn(TimeSteps = 6, Features = 3)] [Lstm(3, Bidirectional = true, ReturnSequences = true)] [Lstm(3, Bidirectional = true)] [Dense(2)] public partial class TorchFileLstmBidirectionalStacked;
[Rnn(TimeSteps = 6, Features = 3)] [Gru(4, UseBias = false)] [Dense(1, UseBias = false)] public partial class TorchFileGruNoBias;

// Models the files must not load into.
[Rnn(TimeSteps = 6, Features = 3)] [Gru(4, ResetAfter = false)] [Dense(2)] public partial class TorchFileGruResetBefore;
[Rnn(TimeSteps = 6, Features = 3)] [Gru(4, Bidirectional = true)] [Dense(2, UseBias = false)] public partial class TorchFileGruBidirectionalNoDenseBias;
[Rnn(TimeSteps = 6, Features = 3)] [Lstm(6)] [Dense(1)] public partial class TorchFileLstmWide;
[Rnn(TimeSteps = 6, Features = 3)] [SimpleRnn(4)] [Dense(2)] [Dense(1)] public partial class TorchFileRnnTwoDense;
[Rnn(TimeSteps = 6, Features = 3)] [Lstm(4)] [Dense(1)] public partial class TorchFileLstmOneLayer;
[Rnn(TimeSteps = 6, Features = 3)] [SimpleRnn(4)] [Dense(4)] [Dense(4)] public partial class TorchFileRnnSquareDenses;
