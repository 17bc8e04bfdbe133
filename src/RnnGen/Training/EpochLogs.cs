namespace RnnGen.Training;

/// <summary>What a callback learns after one epoch.</summary>
/// <param name="Epoch">0-based epoch.</param>
/// <param name="Loss">Keras' epoch <c>loss</c>: the batch losses averaged with batch-size weights, i.e. the mean sample loss, each taken before its batch's update.</param>
/// <param name="ValidationLoss">Keras' <c>val_loss</c>: mean sample loss on the validation samples after the epoch; NaN without validation.</param>
public readonly record struct EpochLogs(int Epoch, float Loss, float ValidationLoss)
{
    /// <summary>Whether <see cref="ValidationLoss"/> was computed.</summary>
    public bool HasValidation => !float.IsNaN(ValidationLoss);
}
