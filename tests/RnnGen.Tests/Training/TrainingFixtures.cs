using RnnGen.Data;
using RnnGen.Training;

namespace RnnGen.Tests.Training;

/// <summary>Small data sets and test doubles shared by the fit-loop tests.</summary>
internal static class TrainingFixtures
{
    /// <summary><paramref name="count"/> windows of a noisy sine, T = <paramref name="timeSteps"/>, F = 1, target the next value.</summary>
    public static WindowedDataset Sine(int count, int timeSteps = 4, int seed = 1)
    {
        var random = new Random(seed);
        var series = new float[count + timeSteps];
        for (int i = 0; i < series.Length; i++)
        {
            series[i] = (float)(0.8 * Math.Sin(i * 0.3) + 0.05 * (random.NextDouble() - 0.5));
        }

        return Windowing.Forecast(series, features: 1, targetColumns: [0], sequenceLength: timeSteps);
    }
}

/// <summary>An optimizer that applies nothing and keeps a copy of every gradient it was handed.</summary>
internal sealed class RecordingOptimizer : IOptimizer
{
    public List<float[]> Steps { get; } = [];

    public float LearningRate { get; set; }

    public long Iterations => Steps.Count;

    public void Step(Span<float> parameters, ReadOnlySpan<float> gradients) => Steps.Add(gradients.ToArray());

    public void Step(Span<float> parameters, ReadOnlySpan<float> gradients, ReadOnlySpan<int> variableLengths) => Steps.Add(gradients.ToArray());

    public void Reset() => Steps.Clear();
}

/// <summary>Records what the fit loop reports to callbacks.</summary>
internal sealed class RecordingCallback : Callback
{
    public List<string> Events { get; } = [];

    public List<BatchLogs> Batches { get; } = [];

    public List<EpochLogs> Epochs { get; } = [];

    public override void OnTrainBegin(TrainingContext context) => Events.Add("train_begin");

    public override void OnEpochBegin(TrainingContext context, int epoch) => Events.Add($"epoch_begin {epoch}");

    public override void OnBatchEnd(TrainingContext context, in BatchLogs logs) => Batches.Add(logs);

    public override void OnEpochEnd(TrainingContext context, in EpochLogs logs)
    {
        Events.Add($"epoch_end {logs.Epoch}");
        Epochs.Add(logs);
    }

    public override void OnTrainEnd(TrainingContext context, History history) => Events.Add("train_end");
}

/// <summary>Bytes allocated on this thread between the start and the end of each epoch (shuffle, batches, validation).</summary>
internal sealed class EpochAllocationMeter : Callback
{
    private long _start;

    public long LastEpochBytes { get; private set; } = -1;

    public override void OnEpochBegin(TrainingContext context, int epoch) => _start = GC.GetAllocatedBytesForCurrentThread();

    public override void OnEpochEnd(TrainingContext context, in EpochLogs logs) =>
        LastEpochBytes = GC.GetAllocatedBytesForCurrentThread() - _start;
}
