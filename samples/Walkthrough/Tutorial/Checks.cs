using System.Globalization;

namespace Walkthrough.Tutorial;

/// <summary>
/// Compares the model with the hand computation and remembers the verdict, so the walkthrough can exit
/// non-zero for CI. Agreement means <c>|model - hand| ≤ tolerance · max(1, |hand|)</c>: float32 rounding
/// grows with the size of the value.
/// </summary>
internal sealed class Checks(double tolerance)
{
    public double Tolerance => tolerance;

    public int Count { get; private set; }

    public int Failures { get; private set; }

    public double LargestDifference { get; private set; }

    /// <summary>Checks every element and returns a short verdict to print beside the numbers.</summary>
    public string Compare(ReadOnlySpan<double> hand, ReadOnlySpan<float> model)
    {
        if (hand.Length != model.Length)
        {
            Count++;
            Failures++;
            return $"DIFFERS: {model.Length} values, expected {hand.Length}";
        }

        double worst = 0;
        bool agree = true;
        for (int i = 0; i < hand.Length; i++)
        {
            double difference = Math.Abs(model[i] - hand[i]);
            worst = Math.Max(worst, difference);
            agree &= difference <= tolerance * Math.Max(1.0, Math.Abs(hand[i]));
        }

        Count++;
        LargestDifference = Math.Max(LargestDifference, worst);
        if (!agree)
        {
            Failures++;
        }

        string largest = worst.ToString("0.0e+00", CultureInfo.InvariantCulture);
        return agree ? $"ok (|diff| {largest})" : $"DIFFERS by {largest}";
    }

    public string Compare(double hand, float model) => Compare([hand], [model]);
}
