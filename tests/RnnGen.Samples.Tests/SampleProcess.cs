using System.Diagnostics;
using System.Reflection;

namespace RnnGen.Samples.Tests;

/// <summary>What a sample run left: its exit code and both streams.</summary>
internal sealed record SampleResult(int ExitCode, string Stdout, string Stderr);

/// <summary>Runs a built sample as <c>dotnet Sample.dll args</c>, as a user would, with a time limit.</summary>
internal static class SampleProcess
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    /// <param name="sample">The sample's folder and assembly name: Sunspots, Streaming or Walkthrough.</param>
    /// <param name="arguments">The command line.</param>
    /// <param name="environment">Variables to add to the child's environment.</param>
    /// <param name="workingDirectory">The child's current folder, where its default output paths start; default this process's.</param>
    public static SampleResult Run(
        string sample, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
    {
        string dll = AssemblyOf(sample);
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory ?? "",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach ((string name, string value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using Process process = Process.Start(start)!;
        // Both streams are read concurrently: a child that fills one pipe while we wait on the other would hang.
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{sample} {string.Join(' ', arguments)} did not finish within {Limit.TotalSeconds} s.");
        }

        process.WaitForExit();
        return new SampleResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string AssemblyOf(string sample)
    {
        string folder = Metadata("SamplesFolder");
        string dll = Path.Combine(folder, sample, Metadata("SamplesOutput"), sample + ".dll");
        Assert.True(File.Exists(dll), $"Expected the built sample at {dll}; build RnnGen.sln in the same configuration first.");
        return dll;
    }

    // The muxer that runs these tests (dotnet test sets DOTNET_HOST_PATH), so the samples get the same runtime.
    private static string DotnetHost() => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    private static string Metadata(string key) =>
        typeof(SampleProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
