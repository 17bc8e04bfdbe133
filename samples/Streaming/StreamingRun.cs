using RnnGen.Persistence;
using static System.FormattableString;

namespace Streaming;

/// <summary>Loads the model, warms the loop up, streams, and reports latency, allocation and forecast error.</summary>
internal static class StreamingRun
{
    /// <summary>Most steps one run streams: their timings, kept for the percentiles, then take 800 MB.</summary>
    public const int MaxSteps = 100_000_000;

    // With tiered compilation off (see the project file) the JIT optimizes at the first call; the warm-up
    // brings the model's buffers and the loop's code into the caches before anything is timed.
    private const int WarmUpSteps = 10_000;

    public static int Run(FileInfo? weights, int steps, int seed)
    {
        var model = new SunspotLstm(seed);
        if (weights is not null)
        {
            try
            {
                WeightFile.Load(model, weights.FullName);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"Cannot load --weights: {e.Message}");
                Console.Error.WriteLine("Save weights of this model with: dotnet run --project samples/Sunspots -c Release -- --layer lstm --save-weights FILE");
                return 1;
            }
        }

        Console.WriteLine($"Model:   {SunspotLstm.Layout}, " + (weights is null
            ? Invariant($"Keras-default random weights (seed {seed}); pass --weights FILE (from samples/Sunspots --layer lstm --save-weights) for a trained one")
            : $"weights from {weights.FullName}"));
        Console.WriteLine(Invariant($"Stream:  {steps} readings of a simulated sensor, one Step each; after every {SunspotLstm.TimeSteps} the output is the forecast of the next reading."));

        var sensor = new SimulatedSensor(seed);
        SensorLoop.Run(model, sensor, new long[WarmUpSteps]);

        var ticks = new long[steps];
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        ForecastScore score = SensorLoop.Run(model, sensor, ticks);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        LatencyStatistics latency = LatencyStatistics.Of(ticks);
        Console.WriteLine(
            $"Latency: p50 {LatencyStatistics.Format(latency.P50)}, p99 {LatencyStatistics.Format(latency.P99)}, max {LatencyStatistics.Format(latency.Max)} per step "
            + Invariant($"(after {WarmUpSteps} warm-up steps; timing a step costs about {LatencyStatistics.Format(LatencyStatistics.TimerOverhead())} of it)"));
        Console.WriteLine(Invariant($"Allocated while streaming: {allocated} bytes"));
        if (score.Count > 0)
        {
            Console.WriteLine(Invariant($"Forecasts: {score.Count}, RMSE {score.ModelRmse:F4} (scaled; repeating the last reading instead: {score.NaiveRmse:F4})"));
        }

        if (allocated != 0)
        {
            Console.Error.WriteLine("The streaming loop allocated: Step must not allocate.");
            return 1;
        }

        return 0;
    }
}
