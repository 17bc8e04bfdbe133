using System.Globalization;

namespace RnnGen.Tests.Training;

/// <summary>
/// Sets the current culture, for one test, to one that writes numbers as de-DE does ("0,5", "∞", "−1"), restoring it on dispose.
/// Built from the invariant culture because the projects run with InvariantGlobalization, where "de-DE" has no data.
/// </summary>
internal sealed class CommaDecimalCulture : IDisposable
{
    private readonly CultureInfo _previous = CultureInfo.CurrentCulture;

    public CommaDecimalCulture()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberDecimalSeparator = ",";
        culture.NumberFormat.NumberGroupSeparator = ".";
        culture.NumberFormat.PositiveInfinitySymbol = "∞";
        culture.NumberFormat.NegativeInfinitySymbol = "-∞";
        culture.NumberFormat.NegativeSign = "\u2212";
        CultureInfo.CurrentCulture = culture;
    }

    public void Dispose() => CultureInfo.CurrentCulture = _previous;
}
