using ScottPlot;

namespace Sunspots.Plots;

/// <summary>
/// The tutorial's <c>plot_result</c>: actual and predicted targets, train then test, over the observation
/// number, with a red vertical line where the test examples begin.
/// </summary>
internal static class TutorialFigure
{
    public const int Width = 1200;
    public const int Height = 500;

    /// <param name="path">The PNG to write.</param>
    /// <param name="actual">Scaled targets: training samples, then test samples.</param>
    /// <param name="predicted">The model's predictions for the same samples.</param>
    /// <param name="trainCount">Training samples: the split line's position.</param>
    /// <param name="synthetic">Whether to mark the figure as made from the synthetic series.</param>
    public static void Save(string path, float[] actual, float[] predicted, int trainCount, bool synthetic)
    {
        var plot = new Plot();
        double[] observation = PlotStyle.Range(0, actual.Length);

        var actualLine = plot.Add.ScatterLine(observation, PlotStyle.Doubles(actual), PlotStyle.First);
        actualLine.LegendText = "Actual";
        actualLine.LineWidth = PlotStyle.LineWidth;

        var predictedLine = plot.Add.ScatterLine(observation, PlotStyle.Doubles(predicted), PlotStyle.Second);
        predictedLine.LegendText = "Predictions";
        predictedLine.LineWidth = PlotStyle.LineWidth;

        plot.Add.VerticalLine(trainCount, width: 2, color: Colors.Red);

        plot.ShowLegend(Alignment.UpperLeft);
        plot.Title(PlotStyle.Title("Actual and Predicted Values. The Red Line Separates The Training And Test Examples", synthetic));
        plot.XLabel("Observation number after given time steps");
        plot.YLabel("Sunspots scaled");
        plot.SavePng(path, Width, Height);
    }
}
