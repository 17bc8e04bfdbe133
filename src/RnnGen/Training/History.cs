namespace RnnGen.Training;

/// <summary>Keras' <c>History</c>: per-epoch losses of one <see cref="Trainer.Fit"/> call, and how it ended.</summary>
public sealed class History
{
    private readonly List<float> _loss;
    private readonly List<float> _validationLoss;

    internal History(int epochs, bool hasValidation)
    {
        _loss = new List<float>(epochs);
        _validationLoss = new List<float>(hasValidation ? epochs : 0);
    }

    /// <summary>Keras <c>history["loss"]</c>: training loss of each completed epoch.</summary>
    public IReadOnlyList<float> Loss => _loss;

    /// <summary>Keras <c>history["val_loss"]</c>: validation loss of each completed epoch; empty without validation.</summary>
    public IReadOnlyList<float> ValidationLoss => _validationLoss;

    /// <summary>Epochs completed.</summary>
    public int Epochs => _loss.Count;

    /// <summary>Why training stopped before its last epoch (early stopping, a NaN loss), or null if it ran to the end.</summary>
    public string? StopReason { get; internal set; }

    /// <summary>True when training stopped because a batch loss or gradient was NaN or infinite (Keras <c>TerminateOnNaN</c>).</summary>
    public bool TerminatedOnNaN { get; internal set; }

    internal void Add(in EpochLogs logs)
    {
        _loss.Add(logs.Loss);
        if (logs.HasValidation)
        {
            _validationLoss.Add(logs.ValidationLoss);
        }
    }
}
