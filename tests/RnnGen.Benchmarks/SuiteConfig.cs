using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using RnnGen.Benchmarks.Measurement;

namespace RnnGen.Benchmarks;

/// <summary>
/// The suite's configuration: the throughput columns always; and, unless the command line picks a
/// job (<c>--job dry</c> in CI), a short job sized so the whole suite fits in about 15 minutes on 2 cores.
/// </summary>
internal static class SuiteConfig
{
    public static IConfig For(string[] args)
    {
        IConfig config = DefaultConfig.Instance
            .AddColumn(ThroughputColumn.GigaFlops, ThroughputColumn.GigaBytes);
        return ChoosesJob(args) ? config : config.AddJob(SuiteJob);
    }

    /// <summary>One process, 6 warm-up and 10 measured iterations of about 0.4 s each.</summary>
    private static Job SuiteJob { get; } = Job.Default
        .WithLaunchCount(1)
        .WithWarmupCount(6)
        .WithIterationCount(10)
        .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(400))
        .WithId("Suite");

    private static bool ChoosesJob(string[] args) =>
        args.Any(a => a is "--job" or "-j" || a.StartsWith("--job=", StringComparison.Ordinal));
}
