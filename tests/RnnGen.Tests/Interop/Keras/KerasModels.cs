namespace RnnGen.Tests.Interop.Keras;

// The architectures of the cases in tests/fixtures/keras/make_files.py, declared as a user would.

/// <summary>The tutorial's model: <c>SimpleRNN(3) → Dense(1, tanh)</c> over 12 steps × 1 feature.</summary>
[Rnn(TimeSteps = 12, Features = 1)]
[SimpleRnn(3)]
[Dense(1, Activation = Activation.Tanh)]
public partial class KerasSimpleRnnDense;

/// <summary><c>LSTM(4, return_sequences) → (Dropout) → LSTM(3, return_sequences) → Dense(2)</c> over 6 × 2.</summary>
[Rnn(TimeSteps = 6, Features = 2)]
[Lstm(4, ReturnSequences = true)]
[Lstm(3, ReturnSequences = true)]
[Dense(2)]
public partial class KerasLstmStack;

/// <summary>Keras 3's default <c>GRU(5)</c> (reset_after) <c>→ Dense(1)</c> over 5 × 3.</summary>
[Rnn(TimeSteps = 5, Features = 3)]
[Gru(5)]
[Dense(1)]
public partial class KerasGru;

/// <summary><c>GRU(4, reset_after=False, recurrent_activation="hard_sigmoid") → Dense(1)</c> over 5 × 2, as Keras 3 means hard_sigmoid.</summary>
[Rnn(TimeSteps = 5, Features = 2)]
[Gru(4, ResetAfter = false, RecurrentActivation = Activation.HardSigmoid)]
[Dense(1)]
public partial class KerasGruHardSigmoid;

/// <summary>The same layers as Keras 2 means them: its hard_sigmoid is <c>clip(0.2 x + 0.5, 0, 1)</c>.</summary>
[Rnn(TimeSteps = 5, Features = 2)]
[Gru(4, ResetAfter = false, RecurrentActivation = Activation.HardSigmoidKeras2)]
[Dense(1)]
public partial class Keras2GruHardSigmoid;

/// <summary><c>Bidirectional(LSTM(3, return_sequences), concat) → Bidirectional(GRU(2), ave) → Dense(1)</c> over 6 × 2.</summary>
[Rnn(TimeSteps = 6, Features = 2)]
[Lstm(3, ReturnSequences = true, Bidirectional = true)]
[Gru(2, Bidirectional = true, MergeMode = MergeMode.Ave)]
[Dense(1)]
public partial class KerasBidirectional;

/// <summary>The model each fixture file was written for.</summary>
internal static class KerasModels
{
    /// <summary>A fresh model (seeded, so its weights differ from the file's) of the architecture of <paramref name="file"/>.</summary>
    public static IRnnModel For(string file) => file[..file.IndexOf('.', StringComparison.Ordinal)] switch
    {
        "simple_rnn_dense" => new KerasSimpleRnnDense(seed: 1),
        "lstm_stack" => new KerasLstmStack(seed: 1),
        "gru" => new KerasGru(seed: 1),
        // Keras 2.2.4 wrote the legacy files of this case; Keras 3 the others.
        "gru_hard_sigmoid" when file.EndsWith(".model.h5", StringComparison.Ordinal) || file.EndsWith(".legacy.h5", StringComparison.Ordinal) => new Keras2GruHardSigmoid(seed: 1),
        "gru_hard_sigmoid" => new KerasGruHardSigmoid(seed: 1),
        "bidirectional" => new KerasBidirectional(seed: 1),
        _ => throw new ArgumentException($"No model for {file}.", nameof(file)),
    };
}
