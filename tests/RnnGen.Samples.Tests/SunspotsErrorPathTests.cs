namespace RnnGen.Samples.Tests;

/// <summary>Sunspots on ordinary bad input: one clear line on stderr and exit code 1, and never losing trained weights.</summary>
public sealed class SunspotsErrorPathTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private SampleResult Sunspots(string data, string? plot = null, string? saveWeights = null, params string[] options)
    {
        var arguments = new List<string> { "--data", data, "--epochs", "1", "--verbose", "0", "--plot", plot ?? _folder.File("plot.png") };
        if (saveWeights is not null)
        {
            arguments.AddRange(["--save-weights", saveWeights]);
        }

        arguments.AddRange(options);

        return SampleProcess.Run("Sunspots", arguments, new Dictionary<string, string> { ["XDG_CACHE_HOME"] = _folder.Path });
    }

    [Theory]
    [InlineData(20)]
    [InlineData(1)]
    public void Sunspots_with_too_short_a_series_says_how_many_values_it_needs(int rows)
    {
        string data = _folder.SunspotsCsv(rows);
        SampleAssert.FailsWithOneLine(
            Sunspots(data),
            $"Cannot use --data {data}: it has {rows} monthly value(s), but 12-month windows need at least 61: "
            + "13 (a window and the month after it) on each side of the split at 80%.");
    }

    [Fact]
    public void Sunspots_with_61_values_runs()
    {
        SampleResult result = Sunspots(_folder.SunspotsCsv(61));
        Assert.Equal("", result.Stderr);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void Sunspots_with_a_quote_that_is_never_closed_names_the_line()
    {
        string data = _folder.SunspotsCsv(100);
        string[] lines = File.ReadAllLines(data);
        lines[3] = "\"1749-03,70.0";
        File.WriteAllLines(data, lines);

        SampleAssert.FailsWithOneLine(
            Sunspots(data),
            $"Cannot read --data {data}: Line 4: expected 2 field(s), as in the header, but the row has 1 "
            + "(the row runs on over several lines: is a quote never closed?).");
    }

    [Fact]
    public void Sunspots_with_save_weights_pointing_at_a_folder_says_it_cannot_write_there()
    {
        string folder = Directory.CreateDirectory(_folder.File("weights")).FullName;
        SampleAssert.FailsWithOneLineStarting(Sunspots(_folder.SunspotsCsv(100), saveWeights: folder), $"Cannot write --save-weights {folder}: ");
    }

    [Fact]
    public void Sunspots_writes_the_weights_before_a_plot_that_fails()
    {
        // A plot "inside" a regular file cannot be written on any system (the issue's /dev/null/fig.png).
        string notAFolder = _folder.File("not-a-folder");
        File.WriteAllText(notAFolder, "");
        string plot = Path.Combine(notAFolder, "fig.png");
        string weights = _folder.File("w.rnnw");

        SampleResult result = Sunspots(_folder.SunspotsCsv(100), plot, weights);

        SampleAssert.FailsWithOneLineStarting(result, $"Cannot write --plot {plot}: ");
        Assert.True(new FileInfo(weights).Length > 0, "the trained weights were not written");
        Assert.Contains($"Weights:     {weights}", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("transformer")]
    [InlineData("LSTM")]
    [InlineData("simple-rnn")]
    [InlineData("")]
    public void Sunspots_refuses_a_layer_it_does_not_know_and_names_those_it_does(string layer)
    {
        SampleAssert.FailsWithOneLine(Sunspots(_folder.SunspotsCsv(100), options: ["--layer", layer]), "--layer must be simple_rnn, lstm or gru.");
    }

    [Theory]
    [InlineData("lstm", "12", "8")]
    [InlineData("gru", "24", "3")]
    public void Sunspots_gated_layer_of_a_size_not_compiled_lists_the_models_it_has(string layer, string timeSteps, string hiddenUnits)
    {
        SampleAssert.FailsWithOneLine(
            Sunspots(_folder.SunspotsCsv(100), options: ["--layer", layer, "--time-steps", timeSteps, "--hidden-units", hiddenUnits]),
            $"No model is compiled for --layer {layer} --time-steps {timeSteps} --hidden-units {hiddenUnits}: an RnnGen model's shape is fixed at compile time. "
            + "This sample has simple_rnn: 12 steps x 3 units (the tutorial's), 12 steps x 8 units, 24 steps x 3 units, 24 steps x 8 units; "
            + "lstm: 12 steps x 3 units; gru: 12 steps x 3 units; declare another in samples/Sunspots/Models/SunspotModels.cs and list it in ModelCatalog.cs.");
    }
}
