using RnnGen.Data;

namespace RnnGen.Training;

/// <summary>The arguments of Keras <c>model.fit</c> that <see cref="Trainer.Fit"/> honours.</summary>
public sealed class FitOptions
{
    /// <summary>Passes over the training samples (Keras <c>epochs</c>); at least 1. Default 1.</summary>
    public int Epochs { get; init; } = 1;

    /// <summary>Samples per gradient step (Keras <c>batch_size</c>); at least 1. Default 32.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Visit the training samples in a new random order every epoch (Keras <c>shuffle</c>). Default true.</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>Seed of the shuffling order, for reproducible runs; null: a random seed.</summary>
    public int? Seed { get; init; }

    /// <summary>Samples to compute <c>val_loss</c> on after each epoch (Keras <c>validation_data</c>). Excludes <see cref="ValidationSplit"/>.</summary>
    public WindowedDataset? ValidationData { get; init; }

    /// <summary>
    /// Keras <c>validation_split</c>: the last <c>n - (int)(n · (1 - split))</c> samples, taken before any
    /// shuffling, are held out for <c>val_loss</c>. In [0, 1); 0 (the default) holds out nothing.
    /// </summary>
    public double ValidationSplit { get; init; }

    /// <summary>Called at the start and end of training, of every epoch and after every batch, in order.</summary>
    public IReadOnlyList<Callback> Callbacks { get; init; } = [];

    /// <summary>
    /// Keras <c>verbose</c>: 0 (the default) prints nothing; 1 a progress bar per epoch; 2 one line per epoch
    /// (a <see cref="ConsoleReporter"/> on <see cref="Console.Out"/>, called after <see cref="Callbacks"/>).
    /// </summary>
    public int Verbose { get; init; }
}
