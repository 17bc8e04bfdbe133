namespace RnnGen.Training;

/// <summary>
/// Hooks into the fit loop, as Keras callbacks do. Epochs and batches are numbered from 0, as in Keras'
/// callback arguments. Override only what you need; none of the hooks must allocate per batch if the loop
/// is to stay allocation-free.
/// </summary>
public abstract class Callback
{
    /// <summary>Before the first epoch.</summary>
    public virtual void OnTrainBegin(TrainingContext context)
    {
    }

    /// <summary>Before epoch <paramref name="epoch"/> (0-based).</summary>
    public virtual void OnEpochBegin(TrainingContext context, int epoch)
    {
    }

    /// <summary>After each batch's optimizer step.</summary>
    public virtual void OnBatchEnd(TrainingContext context, in BatchLogs logs)
    {
    }

    /// <summary>After each epoch, once its loss and validation loss are known (and recorded in the history).</summary>
    public virtual void OnEpochEnd(TrainingContext context, in EpochLogs logs)
    {
    }

    /// <summary>After the last epoch, or when training stopped early.</summary>
    public virtual void OnTrainEnd(TrainingContext context, History history)
    {
    }
}
