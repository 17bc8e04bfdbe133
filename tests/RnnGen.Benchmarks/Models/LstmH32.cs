namespace RnnGen.Benchmarks.Models;

/// <summary>A gated benchmark shape: 64 steps of one feature, LSTM(32) (tanh, recurrent sigmoid, unit_forget_bias), Dense(1, linear).</summary>
[Rnn(TimeSteps = 64, Features = 1)]
[Lstm(32)]
[Dense(1)]
public partial class LstmH32;
