namespace RnnGen.Benchmarks.Measurement;

/// <summary>Benchmark categories: one per operation measured, so results group (and take ratios) by operation.</summary>
public static class OperationKinds
{
    public const string Predict = "Predict";

    /// <summary>Predict calls chained through their result: latency rather than throughput.</summary>
    public const string PredictChained = "PredictChained";

    /// <summary>One streaming step (<c>Step(x_t, y_t)</c>), the state carried on from the step before; timed per step.</summary>
    public const string Step = "Step";
    public const string Backward = "Backward";
    public const string Epoch = "Epoch";
    public const string PredictBatch = "PredictBatch";

    /// <summary>
    /// A batch's forward and BPTT: <c>BackwardBatch</c> over <c>ShapeBenchmarks.TrainingBatchSequences</c> sequences
    /// against as many <c>Backward</c> calls (the baseline); timed per sequence.
    /// </summary>
    public const string BackwardBatch = "BackwardBatch";

    /// <summary>A whole <c>Trainer.Fit</c>: <see cref="FlopCount.FitEpochs"/> epochs of <see cref="FlopCount.EpochSamples"/> samples, batch 1.</summary>
    public const string Fit = "Fit";
    public const string Floor = "Floor";
}
