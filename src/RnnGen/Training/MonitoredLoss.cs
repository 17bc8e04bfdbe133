namespace RnnGen.Training;

/// <summary>The quantity <see cref="EarlyStopping"/> watches (Keras <c>monitor</c>).</summary>
public enum MonitoredLoss
{
    /// <summary>Keras <c>"val_loss"</c>, the default: needs validation data or a validation split.</summary>
    ValidationLoss = 0,

    /// <summary>Keras <c>"loss"</c>: the training loss.</summary>
    Loss = 1,
}
