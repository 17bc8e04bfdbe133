using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using RnnGen.Benchmarks.Measurement;

namespace RnnGen.Benchmarks;

/// <summary>
/// The suite's configuration: the throughput columns always; unless the command line picks a job
/// (<c>--job dry</c> in CI), a short job sized so the whole suite fits in about 15 minutes on 2 cores;
/// and, with <c>--isa avx512,avx2,avx,sse</c>, that job once per instruction-set level, each in its own
/// process with the runtime's switches turning the wider levels off, so every ratio is measured against
/// the baseline on the same level.
/// </summary>
internal static class SuiteConfig
{
    /// <summary>The levels <c>--isa</c> takes, widest first, and the switches that cap the JIT at each (.NET 10's names).</summary>
    private static readonly (string Name, string[] Switches)[] Levels =
    [
        ("avx512", []),
        ("avx2", ["DOTNET_EnableAVX512"]),
        ("avx", ["DOTNET_EnableAVX2"]),
        ("sse", ["DOTNET_EnableAVX"]),
    ];

    /// <summary>The configuration for <paramref name="args"/>, and the arguments left for BenchmarkDotNet (without <c>--isa</c>).</summary>
    public static (IConfig Config, string[] Arguments) For(string[] args)
    {
        string[] levels = IsaLevels(args, out string[] rest);
        IConfig config = DefaultConfig.Instance
            .AddColumn(ThroughputColumn.GigaFlops, ThroughputColumn.GigaBytes);
        if (ChoosesJob(rest) && levels.Length == 0)
        {
            return (config, rest);
        }

        Job baseJob = SuiteJob;
        if (ChoosesJob(rest))
        {
            // With --isa, the only other job taken is CI's: the dry one.
            baseJob = rest.Contains("dry") || rest.Contains("--job=dry") ? Job.Dry : throw new ArgumentException("--isa runs the suite job, or with --job dry the dry job; no other --job.");
        }

        if (levels.Length == 0)
        {
            return (config.AddJob(baseJob), rest);
        }

        foreach (string level in levels)
        {
            (string name, string[] switches) = Levels.FirstOrDefault(l => l.Name == level);
            if (name is null)
            {
                throw new ArgumentException($"--isa takes {string.Join(", ", Levels.Select(static l => l.Name))} (comma-separated), not '{level}'.");
            }

            config = config.AddJob(baseJob
                .WithEnvironmentVariables([.. switches.Select(static s => new EnvironmentVariable(s, "0"))])
                .WithId(name.ToUpperInvariant()));
        }

        // --job would add its own job beside the ISA jobs: the ISA jobs already are it.
        return (config, WithoutJob(rest));
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

    private static string[] IsaLevels(string[] args, out string[] rest)
    {
        int at = Array.IndexOf(args, "--isa");
        if (at < 0)
        {
            rest = args;
            return [];
        }

        if (at + 1 >= args.Length)
        {
            throw new ArgumentException("--isa needs a list of levels, e.g. --isa avx512,avx2,avx,sse.");
        }

        rest = [.. args.Take(at), .. args.Skip(at + 2)];
        return args[at + 1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private static string[] WithoutJob(string[] args)
    {
        var kept = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] is "--job" or "-j")
            {
                i++;
                continue;
            }

            if (!args[i].StartsWith("--job=", StringComparison.Ordinal))
            {
                kept.Add(args[i]);
            }
        }

        return [.. kept];
    }
}
