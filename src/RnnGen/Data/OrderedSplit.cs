using static System.FormattableString;

namespace RnnGen.Data;

/// <summary>
/// Ordered train/test split, as the tutorial does it: <c>split = int(n * fraction)</c>, the first
/// <c>split</c> rows train, the rest test. No shuffling: a time series keeps its order.
/// </summary>
public static class OrderedSplit
{
    /// <summary>Splits row-major <c>[rows, features]</c> data after row <c>(int)(rows * trainFraction)</c>.</summary>
    /// <param name="data">Row-major <c>[rows, features]</c> values (a plain series when <paramref name="features"/> is 1).</param>
    /// <param name="trainFraction">Share of rows for the first part, strictly inside (0, 1).</param>
    /// <param name="features">Values per row.</param>
    /// <returns>Copies of the first <c>split</c> rows and of the rest.</returns>
    /// <exception cref="ArgumentException">The fraction is outside (0, 1), the data is not whole rows, or a part would be empty.</exception>
    public static (float[] Train, float[] Test) Split(ReadOnlySpan<float> data, double trainFraction, int features = 1)
    {
        Guard.AtLeast(features, 1);
        if (data.Length % features != 0)
        {
            throw new ArgumentException(Invariant($"Expected whole rows of {features} values, but the data has {data.Length}."), nameof(data));
        }

        int split = SplitIndex(data.Length / features, trainFraction, nameof(trainFraction));
        return (data[..(split * features)].ToArray(), data[(split * features)..].ToArray());
    }

    /// <summary><c>(int)(rows * fraction)</c>, checked to leave both parts non-empty.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The fraction is outside (0, 1), or a part would be empty.</exception>
    public static int SplitIndex(int rows, double fraction, string paramName = "fraction")
    {
        // No actualValue: ArgumentOutOfRangeException.Message would append it in the current culture ("0,8").
        if (!(fraction > 0.0 && fraction < 1.0))
        {
            throw new ArgumentOutOfRangeException(paramName, Invariant($"Expected a split fraction strictly between 0 and 1, but it is {fraction}."));
        }

        int split = (int)(rows * fraction);
        if (split < 1 || split >= rows)
        {
            throw new ArgumentOutOfRangeException(
                paramName, Invariant($"Splitting {rows} rows at fraction {fraction} leaves {split} and {rows - split}: both parts need at least one row."));
        }

        return split;
    }
}
