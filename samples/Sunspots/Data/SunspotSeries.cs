namespace Sunspots.Data;

/// <summary>The monthly series the sample trains on, and where it came from.</summary>
/// <param name="Values">Monthly mean sunspot numbers, oldest first.</param>
/// <param name="Origin">A path, a URL, or a description of the synthetic series.</param>
/// <param name="IsSynthetic">True for the built-in stand-in used when the real data cannot be had.</param>
internal sealed record SunspotSeries(float[] Values, string Origin, bool IsSynthetic);
