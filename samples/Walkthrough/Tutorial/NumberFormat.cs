using System.Globalization;

namespace Walkthrough.Tutorial;

/// <summary>How the story prints numbers: six decimals, invariant culture, vectors as <c>[a, b]</c>.</summary>
internal static class NumberFormat
{
    public static string Number(double value) => value.ToString("0.000000", CultureInfo.InvariantCulture);

    public static string Vector(ReadOnlySpan<double> values)
    {
        var parts = new string[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            parts[i] = Number(values[i]);
        }

        return "[" + string.Join(", ", parts) + "]";
    }

    public static string Vector(ReadOnlySpan<float> values)
    {
        var widened = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            widened[i] = values[i];
        }

        return Vector(widened);
    }
}
