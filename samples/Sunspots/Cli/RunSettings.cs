using Sunspots.Models;

namespace Sunspots.Cli;

/// <summary>The command line, parsed and checked.</summary>
internal sealed record RunSettings(
    string? Data,
    int Epochs,
    int BatchSize,
    ModelChoice Model,
    int Seed,
    FileInfo Plot,
    FileInfo? SaveWeights,
    int Verbose)
{
    /// <summary>
    /// <c>artifacts/sunspots/sunspots.png</c> for the tutorial's layer, <c>artifacts/sunspots/sunspots-lstm.png</c> (and so on)
    /// for the others: runs of different layers keep their figures side by side.
    /// </summary>
    public static string DefaultPlot(string layer) =>
        Path.Combine("artifacts", "sunspots", layer == ModelCatalog.SimpleRnn ? "sunspots.png" : $"sunspots-{layer}.png");

    /// <summary>The loss curve goes beside the tutorial's figure: <c>sunspots.png</c> → <c>sunspots-loss.png</c>.</summary>
    public string LossPlotPath =>
        Path.Combine(Plot.DirectoryName ?? "", Path.GetFileNameWithoutExtension(Plot.Name) + "-loss" + Plot.Extension);
}
