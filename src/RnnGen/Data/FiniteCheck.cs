using static System.FormattableString;

namespace RnnGen.Data;

/// <summary>Refuses NaN and infinity in data, naming where the first one is.</summary>
internal static class FiniteCheck
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming row and column of the first value that is not finite.</summary>
    /// <param name="values">Row-major <c>[rows, rowLength]</c> values.</param>
    /// <param name="rowLength">Values per row.</param>
    /// <param name="what">What the values are, for the message ("X", "the series").</param>
    /// <param name="paramName">The argument's name.</param>
    public static void Require(ReadOnlySpan<float> values, int rowLength, string what, string paramName)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                throw new ArgumentException(
                    Invariant($"Expected finite values, but {what}[{i / rowLength}, {i % rowLength}] is {values[i]}; NaN and infinity are refused before training."),
                    paramName);
            }
        }
    }
}
