using System.Globalization;
using System.Text.RegularExpressions;

namespace RnnGen.Samples.Tests;

/// <summary>Sunspots with <c>--layer</c>: the tutorial's pipeline around an LSTM, and figures that never overwrite the tutorial's.</summary>
public sealed partial class SunspotsLayerTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [GeneratedRegex(@"^(Train|Test) RMSE: +(\d+\.\d{3}) RMSE \(scaled\)  = \d+\.\d sunspots$", RegexOptions.Multiline)]
    private static partial Regex RmseLine();

    [Fact]
    public void Sunspots_trains_an_lstm_on_the_shared_data()
    {
        string plot = _folder.File("lstm.png");
        string weights = _folder.File("lstm.weights");
        SampleResult result = SampleProcess.Run(
            "Sunspots",
            ["--data", SharedSunspots.Path, "--layer", "lstm", "--epochs", "2", "--verbose", "0", "--plot", plot, "--save-weights", weights]);

        Assert.Equal("", result.Stderr);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("train 2256 values -> 187 windows of 12, test 564 values -> 46 windows.", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Model: \"SunspotLstm\"", result.Stdout, StringComparison.Ordinal);
        Assert.Matches(@" lstm \(LSTM\) +\(None, 3\) +60\n dense \(Dense\) +\(None, 1\) +4\n", result.Stdout);
        Assert.Contains("Total params: 64", result.Stdout, StringComparison.Ordinal);

        // Seed 1, 2 epochs: 0.083 and 0.150 in this build, the same with AVX-512 or AVX2 off; 0.01 allows for
        // the generator summing in another order, not for a model that has stopped learning.
        Dictionary<string, double> rmse = RmseLine().Matches(result.Stdout)
            .ToDictionary(match => match.Groups[1].Value, match => double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
        Assert.Equal(0.083, rmse["Train"], 0.01);
        Assert.Equal(0.150, rmse["Test"], 0.01);

        Assert.True(new FileInfo(plot).Length > 0, "the figure was not written");
        Assert.True(new FileInfo(_folder.File("lstm-loss.png")).Length > 0, "the loss curve was not written");
        Assert.True(new FileInfo(weights).Length > 0, "the weights were not written");
    }

    [Theory]
    [InlineData(null, "sunspots.png", "sunspots-loss.png")]
    [InlineData("simple_rnn", "sunspots.png", "sunspots-loss.png")]
    [InlineData("lstm", "sunspots-lstm.png", "sunspots-lstm-loss.png")]
    public void Sunspots_names_its_default_figures_for_the_layer(string? layer, string figure, string lossCurve)
    {
        var arguments = new List<string> { "--data", _folder.SunspotsCsv(100), "--epochs", "1", "--verbose", "0" };
        if (layer is not null)
        {
            arguments.AddRange(["--layer", layer]);
        }

        SampleResult result = SampleProcess.Run("Sunspots", arguments, workingDirectory: _folder.Path);

        Assert.Equal(0, result.ExitCode);
        string artifacts = Path.Combine(_folder.Path, "artifacts", "sunspots");
        Assert.Equal(
            new[] { figure, lossCurve }.Order(StringComparer.Ordinal),
            Directory.GetFiles(artifacts).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains($"Figure:      {Path.Combine(artifacts, figure)}", result.Stdout, StringComparison.Ordinal);
    }
}
