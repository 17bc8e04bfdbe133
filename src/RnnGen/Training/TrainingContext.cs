namespace RnnGen.Training;

/// <summary>What callbacks see of a running fit, and how they stop it (Keras <c>model.stop_training</c>).</summary>
public sealed class TrainingContext
{
    internal TrainingContext(IRnnModel model, int epochs, int samples, int batchSize, int validationSamples)
    {
        Model = model;
        Epochs = epochs;
        Samples = samples;
        BatchSize = batchSize;
        BatchesPerEpoch = (samples + batchSize - 1) / batchSize;
        ValidationSamples = validationSamples;
    }

    /// <summary>The model being trained.</summary>
    public IRnnModel Model { get; }

    /// <summary>Epochs requested.</summary>
    public int Epochs { get; }

    /// <summary>Training samples per epoch.</summary>
    public int Samples { get; }

    /// <summary>Samples per batch (the last batch may hold fewer).</summary>
    public int BatchSize { get; }

    /// <summary>Batches per epoch: <c>ceil(Samples / BatchSize)</c>.</summary>
    public int BatchesPerEpoch { get; }

    /// <summary>Validation samples; 0 when there is no validation.</summary>
    public int ValidationSamples { get; }

    /// <summary>Set by <see cref="StopTraining"/>: the loop ends after the current epoch.</summary>
    public bool StopRequested { get; private set; }

    /// <summary>Why training stopped early, if it did; recorded in <see cref="History.StopReason"/>.</summary>
    public string? StopReason { get; private set; }

    /// <summary>Asks the loop to end after the current epoch (Keras <c>model.stop_training = True</c>).</summary>
    /// <param name="reason">A sentence for the history and the console.</param>
    public void StopTraining(string reason)
    {
        StopRequested = true;
        StopReason ??= reason;
    }
}
