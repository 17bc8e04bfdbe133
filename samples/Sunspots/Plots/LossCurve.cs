using ScottPlot;

namespace Sunspots.Plots;

/// <summary>Keras' <c>history.history["loss"]</c> over the epochs.</summary>
internal static class LossCurve
{
    public const int Width = 800;
    public const int Height = 450;

    public static void Save(string path, IReadOnlyList<float> loss, bool synthetic)
    {
        var plot = new Plot();
        var line = plot.Add.Scatter(PlotStyle.Range(1, loss.Count), PlotStyle.Doubles(loss), PlotStyle.First);
        line.LegendText = "loss";
        line.LineWidth = PlotStyle.LineWidth;
        line.MarkerSize = 6;

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.ShowLegend(Alignment.UpperRight);
        plot.Title(PlotStyle.Title("Training loss per epoch", synthetic));
        plot.XLabel("Epoch");
        plot.YLabel("Mean squared error (scaled)");
        plot.SavePng(path, Width, Height);
    }
}
