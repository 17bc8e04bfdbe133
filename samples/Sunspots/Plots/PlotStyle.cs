using ScottPlot;

namespace Sunspots.Plots;

/// <summary>What both figures share: matplotlib's first two colours (the tutorial's look), sizes, the synthetic label.</summary>
internal static class PlotStyle
{
    public static readonly Color First = Color.FromHex("#1f77b4");
    public static readonly Color Second = Color.FromHex("#ff7f0e");
    public const float LineWidth = 1.5f;

    public static string Title(string title, bool synthetic) => synthetic ? "SYNTHETIC DATA (not real sunspots). " + title : title;

    public static double[] Doubles(IReadOnlyList<float> values)
    {
        var doubles = new double[values.Count];
        for (int i = 0; i < doubles.Length; i++)
        {
            doubles[i] = values[i];
        }

        return doubles;
    }

    public static double[] Range(int from, int length) => Enumerable.Range(from, length).Select(i => (double)i).ToArray();
}
