using RnnGen;

namespace Sunspots.Models;

// Shapes are compile-time constants, so every (layer, time steps, hidden units) choice the command line offers
// is its own generated type. The tutorial's model comes first; the SimpleRNN ones after it vary one size or both;
// the gated ones put an LSTM or a GRU in the SimpleRNN's place and keep the tutorial's sizes and Dense head.

/// <summary>The tutorial's model: SimpleRNN(3, tanh) over 12 months, then Dense(1, tanh).</summary>
[Rnn(TimeSteps = 12, Features = 1, HiddenUnits = 3, DenseUnits = 1,
     HiddenActivation = Activation.Tanh, DenseActivation = Activation.Tanh)]
public partial class SunspotRnn { }

/// <summary>12 months, 8 hidden units.</summary>
[Rnn(TimeSteps = 12, Features = 1, HiddenUnits = 8, DenseUnits = 1,
     HiddenActivation = Activation.Tanh, DenseActivation = Activation.Tanh)]
public partial class WideSunspotRnn { }

/// <summary>24 months, 3 hidden units.</summary>
[Rnn(TimeSteps = 24, Features = 1, HiddenUnits = 3, DenseUnits = 1,
     HiddenActivation = Activation.Tanh, DenseActivation = Activation.Tanh)]
public partial class LongSunspotRnn { }

/// <summary>24 months, 8 hidden units.</summary>
[Rnn(TimeSteps = 24, Features = 1, HiddenUnits = 8, DenseUnits = 1,
     HiddenActivation = Activation.Tanh, DenseActivation = Activation.Tanh)]
public partial class LongWideSunspotRnn { }

/// <summary>The tutorial's model with LSTM(3) (Keras defaults: tanh, sigmoid gates, unit_forget_bias) for the SimpleRNN.</summary>
[Rnn(TimeSteps = 12, Features = 1)]
[Lstm(3)]
[Dense(1, Activation = Activation.Tanh)]
public partial class SunspotLstm { }

/// <summary>The tutorial's model with GRU(3) (Keras 3 defaults: tanh, sigmoid gates, reset_after) for the SimpleRNN.</summary>
[Rnn(TimeSteps = 12, Features = 1)]
[Gru(3)]
[Dense(1, Activation = Activation.Tanh)]
public partial class SunspotGru { }
