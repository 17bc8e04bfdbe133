using System.Globalization;

namespace RnnGen.Tests;

/// <summary>
/// Makes the current culture format numbers as de-DE does (<c>0,8</c>, <c>1.234</c>, <c>∞</c>), with the Unicode minus
/// sign of sv-SE (<c>−1</c>), until disposed. Built from the invariant culture because the build sets
/// InvariantGlobalization: <c>new CultureInfo("de-DE")</c> would throw, yet a custom NumberFormatInfo is honoured.
/// </summary>
internal sealed class CommaCulture : IDisposable
{
    private readonly CultureInfo _previous = CultureInfo.CurrentCulture;

    private CommaCulture() => CultureInfo.CurrentCulture = Create();

    /// <summary>The culture itself, to pass to a formatting call or to set for a while.</summary>
    public static CultureInfo Create()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberDecimalSeparator = ",";
        culture.NumberFormat.NumberGroupSeparator = ".";
        culture.NumberFormat.PercentDecimalSeparator = ",";
        culture.NumberFormat.NegativeSign = "\u2212";
        culture.NumberFormat.PositiveInfinitySymbol = "∞";
        culture.NumberFormat.NegativeInfinitySymbol = "\u2212∞";
        return culture;
    }

    /// <summary>Sets the culture on this thread; dispose to restore the previous one.</summary>
    public static CommaCulture Use() => new();

    /// <summary>Proves the culture is in force: 0.8 prints as "0,8".</summary>
    public static string Sample => 0.8.ToString(CultureInfo.CurrentCulture);

    public void Dispose() => CultureInfo.CurrentCulture = _previous;
}
