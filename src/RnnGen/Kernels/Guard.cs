using System.Diagnostics.CodeAnalysis;

namespace RnnGen.Kernels;

/// <summary>Argument checks shared by generated models; the throwing path stays out of the hot code.</summary>
public static class Guard
{
    /// <summary>Throws unless <paramref name="actual"/> equals <paramref name="expected"/>.</summary>
    /// <param name="actual">The span's length.</param>
    /// <param name="expected">The length the model needs.</param>
    /// <param name="meaning">How the expected length is made, e.g. <c>"InputLength = TimeSteps * Features = 12 * 1"</c>.</param>
    /// <param name="paramName">The argument's name.</param>
    public static void Length(int actual, int expected, string meaning, string paramName)
    {
        if (actual != expected)
        {
            ThrowLength(actual, expected, meaning, paramName);
        }
    }

    /// <summary>Throws unless <paramref name="actual"/> is a whole multiple of <paramref name="unit"/>.</summary>
    public static void WholeMultiple(int actual, int unit, string meaning, string paramName)
    {
        if (actual % unit != 0)
        {
            throw new ArgumentException(
                $"Expected a multiple of {unit} floats ({meaning}), but the span has {actual}.", paramName);
        }
    }

    /// <summary>
    /// Throws unless <paramref name="actual"/> equals <paramref name="count"/> × <paramref name="perSequence"/>,
    /// multiplied in 64 bits so that a huge batch cannot wrap around to a length that passes.
    /// </summary>
    public static void BatchLength(int actual, int count, int perSequence, string meaning, string paramName)
    {
        long expected = (long)count * perSequence;
        if (actual != expected)
        {
            throw new ArgumentException(
                $"Expected {expected.ToString(System.Globalization.CultureInfo.InvariantCulture)} floats ({count.ToString(System.Globalization.CultureInfo.InvariantCulture)} × {meaning}), but the span has {actual.ToString(System.Globalization.CultureInfo.InvariantCulture)}.",
                paramName);
        }
    }

    [DoesNotReturn]
    private static void ThrowLength(int actual, int expected, string meaning, string paramName) =>
        throw new ArgumentException($"Expected {expected} floats ({meaning}), but the span has {actual}.", paramName);
}
