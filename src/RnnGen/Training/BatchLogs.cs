namespace RnnGen.Training;

/// <summary>What a callback learns after one batch.</summary>
/// <param name="Epoch">0-based epoch.</param>
/// <param name="Batch">0-based batch within the epoch.</param>
/// <param name="Size">Samples in this batch.</param>
/// <param name="Loss">This batch's loss: mean over its samples of each sample's MSE.</param>
/// <param name="EpochLoss">The epoch's loss so far: batch losses averaged with batch-size weights (what Keras' progress bar shows).</param>
public readonly record struct BatchLogs(int Epoch, int Batch, int Size, float Loss, float EpochLoss);
