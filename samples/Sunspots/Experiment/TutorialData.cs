using RnnGen.Data;

namespace Sunspots.Experiment;

/// <summary>
/// The tutorial's <c>get_train_test</c> and <c>get_XY</c>: min-max scale the whole series to (0, 1), split it
/// in order at <c>int(n * 0.8)</c>, and cut each part into non-overlapping windows with the next month as target.
/// </summary>
internal sealed record TutorialData(MinMaxScaler Scaler, int TrainValues, int TestValues, WindowedDataset Train, WindowedDataset Test)
{
    public const double TrainFraction = 0.8;

    /// <exception cref="ArgumentException">The series is shorter than <see cref="MinimumValues"/>.</exception>
    public static TutorialData Prepare(float[] series, int timeSteps)
    {
        var scaler = new MinMaxScaler(0f, 1f);
        float[] scaled = scaler.FitTransform(series);
        (float[] train, float[] test) = OrderedSplit.Split(scaled, TrainFraction);
        return new TutorialData(scaler, train.Length, test.Length, Windowing.GetXY(train, timeSteps), Windowing.GetXY(test, timeSteps));
    }

    /// <summary>
    /// The shortest series whose both parts of the split hold one window and the month after it
    /// (<c>timeSteps + 1</c> values each): 61 for the tutorial's 12 steps.
    /// </summary>
    public static int MinimumValues(int timeSteps)
    {
        int needed = timeSteps + 1;
        int values = 2 * needed;
        while (OrderedSplit.SplitIndex(values, TrainFraction) < needed || values - OrderedSplit.SplitIndex(values, TrainFraction) < needed)
        {
            values++;
        }

        return values;
    }

    /// <summary>Sunspots per unit of the scaled data: the series' range.</summary>
    public double Range => Scaler.DataMax[0] - Scaler.DataMin[0];
}
