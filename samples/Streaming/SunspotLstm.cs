using RnnGen;

namespace Streaming;

/// <summary>
/// The model samples/Sunspots trains with <c>--layer lstm</c>, so that its <c>--save-weights</c> file loads here:
/// LSTM(3) over 12 months, then Dense(1, tanh). Its state is the LSTM's <c>[h, c]</c>, which each <c>Step</c> advances.
/// </summary>
[Rnn(TimeSteps = 12, Features = 1)]
[Lstm(3)]
[Dense(1, Activation = Activation.Tanh)]
public partial class SunspotLstm { }
