using System.Diagnostics;
using static System.FormattableString;

namespace Streaming;

/// <summary>Percentiles of per-step timings, taken as <see cref="Stopwatch"/> ticks and reported in nanoseconds.</summary>
internal readonly record struct LatencyStatistics(double P50, double P99, double Max)
{
    public static LatencyStatistics Of(long[] ticks)
    {
        long[] sorted = [.. ticks];
        Array.Sort(sorted);
        return new LatencyStatistics(Nanoseconds(Percentile(sorted, 0.50)), Nanoseconds(Percentile(sorted, 0.99)), Nanoseconds(sorted[^1]));
    }

    /// <summary>What two back-to-back timestamps cost: the floor under every measured step.</summary>
    public static double TimerOverhead()
    {
        var ticks = new long[10_000];
        for (int i = 0; i < ticks.Length; i++)
        {
            long start = Stopwatch.GetTimestamp();
            ticks[i] = Stopwatch.GetTimestamp() - start;
        }

        return Of(ticks).P50;
    }

    /// <summary>Nanoseconds below 10 µs, microseconds above: <c>50 ns</c>, <c>36.0 us</c>.</summary>
    public static string Format(double nanoseconds) =>
        nanoseconds < 10_000 ? Invariant($"{nanoseconds:F0} ns") : Invariant($"{nanoseconds / 1000:F1} us");

    // Nearest rank: the smallest value with at least the fraction of the samples at or below it.
    private static long Percentile(long[] sorted, double fraction) => sorted[Math.Max(0, (int)Math.Ceiling(fraction * sorted.Length) - 1)];

    private static double Nanoseconds(long ticks) => ticks * 1e9 / Stopwatch.Frequency;
}
