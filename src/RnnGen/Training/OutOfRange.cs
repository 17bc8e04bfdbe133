using System.Globalization;

namespace RnnGen.Training;

/// <summary>
/// Out-of-range errors that state the value in the message, formatted invariantly. (Passing the value as
/// <see cref="ArgumentOutOfRangeException.ActualValue"/> would make the BCL append it in the current culture: "0,5".)
/// </summary>
internal static class OutOfRange
{
    /// <summary>"<paramref name="rule"/>, but it is <paramref name="value"/>."</summary>
    public static ArgumentOutOfRangeException Of<T>(string paramName, T value, string rule)
        where T : IFormattable =>
        new(paramName, string.Create(CultureInfo.InvariantCulture, $"{rule}, but it is {value}."));
}
