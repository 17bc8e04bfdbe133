namespace RnnGen.Benchmarks.Models;

/// <summary>A gated benchmark shape: 64 steps of one feature, GRU(32) (tanh, recurrent sigmoid, Keras 3's reset_after), Dense(1, linear).</summary>
[Rnn(TimeSteps = 64, Features = 1)]
[Gru(32)]
[Dense(1)]
public partial class GruH32;
