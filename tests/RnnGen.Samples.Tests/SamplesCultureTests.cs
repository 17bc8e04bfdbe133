using System.Text.RegularExpressions;

namespace RnnGen.Samples.Tests;

/// <summary>Under a de-DE-like culture the samples still print <c>0.123</c>, <c>80%</c> and <c>1e-5</c>.</summary>
public sealed partial class SamplesCultureTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    // A digit, a comma, a digit: "0,123". The samples print lists as "a, b", with a space.
    [GeneratedRegex(@"\d,\d|\u2212")]
    private static partial Regex CultureFormatted();

    private static SampleResult UnderCommaCulture(string sample, IEnumerable<string> arguments)
    {
        SampleResult result = SampleProcess.Run(
            sample, arguments, new Dictionary<string, string> { ["DOTNET_STARTUP_HOOKS"] = typeof(StartupHook).Assembly.Location });
        Assert.Equal(StartupHook.Announcement + "0,8", result.Stderr.Trim());
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotMatch(CultureFormatted(), result.Stdout);
        return result;
    }

    [Fact]
    public void Sunspots_prints_its_figures_with_decimal_points()
    {
        SampleResult result = UnderCommaCulture(
            "Sunspots", ["--data", _folder.SunspotsCsv(100), "--epochs", "1", "--verbose", "0", "--plot", _folder.File("plot.png")]);
        Assert.Contains("sunspots; split at 80%: train 80 values -> 6 windows of 12, test 20 values -> 1 windows.", result.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"Train RMSE: \d\.\d{3} RMSE \(scaled\)  = \d+\.\d sunspots", result.Stdout);
    }

    [Fact]
    public void Streaming_prints_its_figures_with_decimal_points()
    {
        SampleResult result = UnderCommaCulture("Streaming", ["--steps", "1200"]);
        Assert.Matches(@"Forecasts: 99, RMSE \d\.\d{4} \(scaled; repeating the last reading instead: \d\.\d{4}\)", result.Stdout);
    }

    [Fact]
    public void Walkthrough_prints_its_tolerance_with_an_ascii_minus()
    {
        SampleResult result = UnderCommaCulture("Walkthrough", ["--diagram", _folder.File("model.dot")]);
        Assert.Matches(@"comparisons agree within 1e-5 \(largest difference \d\.\de-\d\d\)", result.Stdout);
    }
}
