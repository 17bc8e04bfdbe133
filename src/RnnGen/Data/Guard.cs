using System.Runtime.CompilerServices;
using static System.FormattableString;

namespace RnnGen.Data;

/// <summary>
/// Argument checks whose messages format numbers invariantly: the runtime's <c>ThrowIfLessThan</c> family
/// formats them, and appends the actual value, in the current culture.
/// </summary>
internal static class Guard
{
    /// <summary>Throws an <see cref="ArgumentOutOfRangeException"/> unless <c>value ≥ minimum</c>.</summary>
    public static void AtLeast(int value, int minimum, [CallerArgumentExpression(nameof(value))] string paramName = "")
    {
        if (value < minimum)
        {
            throw new ArgumentOutOfRangeException(paramName, Invariant($"Expected {paramName} of at least {minimum}, but it is {value}."));
        }
    }

    /// <summary>Throws an <see cref="ArgumentOutOfRangeException"/> unless <c>minimum ≤ value &lt; limit</c>.</summary>
    public static void InRange(int value, int minimum, int limit, [CallerArgumentExpression(nameof(value))] string paramName = "")
    {
        if (value < minimum || value >= limit)
        {
            throw new ArgumentOutOfRangeException(paramName, Invariant($"Expected {paramName} in [{minimum}, {limit}), but it is {value}."));
        }
    }
}
