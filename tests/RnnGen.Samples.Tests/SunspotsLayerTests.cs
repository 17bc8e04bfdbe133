using System.Globalization;
using System.Text.RegularExpressions;

namespace RnnGen.Samples.Tests;

/// <summary>Sunspots with <c>--layer</c>: the tutorial's pipeline around its SimpleRNN, an LSTM or a GRU, and figures that never overwrite the tutorial's.</summary>
public sealed partial class SunspotsLayerTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [GeneratedRegex(@"^(Train|Test) RMSE: +(\d+\.\d{3}) RMSE \(scaled\)  = \d+\.\d sunspots$", RegexOptions.Multiline)]
    private static partial Regex RmseLine();

    // Seed 1, 2 epochs on the shared data; the RMSEs are this build's, the same with AVX-512 or AVX2 off, and 0.01
    // allows for the generator summing in another order, not for a model that has stopped learning.
    [Theory]
    [InlineData(null, "SunspotRnn", @" simple_rnn \(SimpleRNN\) +\(None, 3\) +15\n", 19, 0.077, 0.086)]
    [InlineData("lstm", "SunspotLstm", @" lstm \(LSTM\) +\(None, 3\) +60\n", 64, 0.083, 0.150)]
    [InlineData("gru", "SunspotGru", @" gru \(GRU\) +\(None, 3\) +54\n", 58, 0.090, 0.155)]
    public void Sunspots_trains_each_layer_on_the_shared_data(string? layer, string model, string summaryRow, int parameters, double train, double test)
    {
        string plot = _folder.File("figure.png");
        string weights = _folder.File("model.weights");
        var arguments = new List<string> { "--data", SharedSunspots.Path, "--epochs", "2", "--verbose", "0", "--plot", plot, "--save-weights", weights };
        if (layer is not null)
        {
            arguments.AddRange(["--layer", layer]);
        }

        SampleResult result = SampleProcess.Run("Sunspots", arguments);

        Assert.Equal("", result.Stderr);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("train 2256 values -> 187 windows of 12, test 564 values -> 46 windows.", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"Model: \"{model}\"", result.Stdout, StringComparison.Ordinal);
        Assert.Matches(summaryRow + @" dense \(Dense\) +\(None, 1\) +4\n", result.Stdout);
        Assert.Contains($"Total params: {parameters}", result.Stdout, StringComparison.Ordinal);

        Dictionary<string, double> rmse = RmseLine().Matches(result.Stdout)
            .ToDictionary(match => match.Groups[1].Value, match => double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
        Assert.Equal(train, rmse["Train"], 0.01);
        Assert.Equal(test, rmse["Test"], 0.01);

        Assert.True(new FileInfo(plot).Length > 0, "the figure was not written");
        Assert.True(new FileInfo(_folder.File("figure-loss.png")).Length > 0, "the loss curve was not written");
        Assert.True(new FileInfo(weights).Length > 0, "the weights were not written");
    }

    [Theory]
    [InlineData(null, "sunspots.png", "sunspots-loss.png")]
    [InlineData("simple_rnn", "sunspots.png", "sunspots-loss.png")]
    [InlineData("lstm", "sunspots-lstm.png", "sunspots-lstm-loss.png")]
    [InlineData("gru", "sunspots-gru.png", "sunspots-gru-loss.png")]
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
