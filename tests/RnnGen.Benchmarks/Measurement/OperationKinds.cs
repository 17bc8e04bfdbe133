namespace RnnGen.Benchmarks.Measurement;

/// <summary>Benchmark categories: one per operation measured, so results group (and take ratios) by operation.</summary>
public static class OperationKinds
{
    public const string Predict = "Predict";

    /// <summary>Predict calls chained through their result: latency rather than throughput.</summary>
    public const string PredictChained = "PredictChained";
    public const string Backward = "Backward";
    public const string Epoch = "Epoch";
    public const string PredictBatch = "PredictBatch";
    public const string Floor = "Floor";
}
