using System.Globalization;
using System.Text.RegularExpressions;

namespace RnnGen.Samples.Tests;

/// <summary>
/// Streaming steps an LSTM: 0 bytes allocated (the sample exits 1 otherwise) and finite forecasts, with random
/// weights or with the ones Sunspots <c>--layer lstm</c> saves.
/// </summary>
public sealed partial class StreamingLstmTests : IDisposable
{
    private const string LstmModel = "Model:   LSTM(3, tanh, sigmoid) → Dense(1, tanh) over 12 steps × 1 feature, ";

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [GeneratedRegex(@"^Forecasts: (\d+), RMSE (\S+) \(scaled; repeating the last reading instead: (\S+)\)$", RegexOptions.Multiline)]
    private static partial Regex ForecastLine();

    // 1200 readings make 100 windows of 12, each ending in a forecast; the last one has no next reading to be scored
    // against, so 99 are.
    private static void AssertStreamedWithoutAllocating(SampleResult result)
    {
        Assert.Equal("", result.Stderr);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Allocated while streaming: 0 bytes", result.Stdout, StringComparison.Ordinal);
        Match forecasts = ForecastLine().Match(result.Stdout);
        Assert.True(forecasts.Success, "no forecast line in:\n" + result.Stdout);
        Assert.Equal("99", forecasts.Groups[1].Value);
        Assert.True(double.IsFinite(double.Parse(forecasts.Groups[2].Value, CultureInfo.InvariantCulture)), forecasts.Value);
        Assert.True(double.IsFinite(double.Parse(forecasts.Groups[3].Value, CultureInfo.InvariantCulture)), forecasts.Value);
    }

    [Fact]
    public void Streaming_an_lstm_with_random_weights_allocates_nothing_and_forecasts_finitely()
    {
        SampleResult result = SampleProcess.Run("Streaming", ["--steps", "1200"]);

        AssertStreamedWithoutAllocating(result);
        Assert.Contains(LstmModel + "Keras-default random weights (seed 1)", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Streaming_loads_the_lstm_weights_sunspots_saves()
    {
        string weights = _folder.File("lstm.weights");
        SampleResult training = SampleProcess.Run(
            "Sunspots",
            ["--data", _folder.SunspotsCsv(100), "--layer", "lstm", "--epochs", "1", "--verbose", "0", "--plot", _folder.File("lstm.png"), "--save-weights", weights]);
        Assert.Equal(0, training.ExitCode);

        SampleResult result = SampleProcess.Run("Streaming", ["--weights", weights, "--steps", "1200"]);

        AssertStreamedWithoutAllocating(result);
        Assert.Contains(LstmModel + $"weights from {weights}", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Streaming_refuses_simple_rnn_weights_and_says_how_to_save_lstm_ones()
    {
        string weights = _folder.File("simple_rnn.weights");
        SampleResult training = SampleProcess.Run(
            "Sunspots", ["--data", _folder.SunspotsCsv(100), "--epochs", "1", "--verbose", "0", "--plot", _folder.File("rnn.png"), "--save-weights", weights]);
        Assert.Equal(0, training.ExitCode);

        SampleResult result = SampleProcess.Run("Streaming", ["--weights", weights, "--steps", "100"]);

        // The first line is the weight file's own account of the mismatch (RnnGen.Persistence words it); the second is the sample's.
        Assert.Equal(1, result.ExitCode);
        string[] lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith($"Cannot load --weights: {weights} holds weights of SimpleRNN(3, tanh) → Dense(1, tanh)", lines[0], StringComparison.Ordinal);
        Assert.Equal("Save weights of this model with: dotnet run --project samples/Sunspots -c Release -- --layer lstm --save-weights FILE", lines[1]);
    }
}
