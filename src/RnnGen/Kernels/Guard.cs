using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace RnnGen.Kernels;

/// <summary>
/// Argument checks shared by generated models, for generated code; the throwing path stays out of
/// the hot code. Messages format their numbers invariantly, whatever the current culture.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Guard
{
    /// <summary>Throws unless <paramref name="actual"/> equals <paramref name="expected"/>.</summary>
    /// <param name="actual">The span's length.</param>
    /// <param name="expected">The length the model needs.</param>
    /// <param name="meaning">How the expected length is made, e.g. <c>"InputLength = TimeSteps * Features = 12 * 1"</c>.</param>
    /// <param name="paramName">The argument's name.</param>
    /// <exception cref="ArgumentException"><paramref name="actual"/> is not <paramref name="expected"/>.</exception>
    public static void Length(int actual, int expected, string meaning, string paramName)
    {
        if (actual != expected)
        {
            ThrowLength(actual, expected, meaning, paramName);
        }
    }

    /// <summary>Throws unless <paramref name="actual"/> is a whole multiple of <paramref name="unit"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is 0 or negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="actual"/> is not a whole multiple of <paramref name="unit"/>.</exception>
    public static void WholeMultiple(int actual, int unit, string meaning, string paramName)
    {
        // A unit of 0 would divide by zero, and every length is a multiple of -1.
        if (unit <= 0)
        {
            ThrowUnit(unit);
        }

        if (actual % unit != 0)
        {
            ThrowWholeMultiple(actual, unit, meaning, paramName);
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
                string.Create(CultureInfo.InvariantCulture, $"Expected {expected} floats ({count} × {meaning}), but the span has {actual}."),
                paramName);
        }
    }

    [DoesNotReturn]
    private static void ThrowLength(int actual, int expected, string meaning, string paramName) =>
        throw new ArgumentException(
            string.Create(CultureInfo.InvariantCulture, $"Expected {expected} floats ({meaning}), but the span has {actual}."),
            paramName);

    [DoesNotReturn]
    private static void ThrowWholeMultiple(int actual, int unit, string meaning, string paramName) =>
        throw new ArgumentException(
            string.Create(CultureInfo.InvariantCulture, $"Expected a multiple of {unit} floats ({meaning}), but the span has {actual}."),
            paramName);

    [DoesNotReturn]
    private static void ThrowUnit(int unit) =>
        throw new ArgumentOutOfRangeException(
            nameof(unit),
            string.Create(CultureInfo.InvariantCulture, $"Expected a unit of 1 or more, but it is {unit}."));
}
