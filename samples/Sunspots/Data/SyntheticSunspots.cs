namespace Sunspots.Data;

/// <summary>
/// A stand-in for the sunspot record when it cannot be read or downloaded: as many months as the real file
/// (1749-2013), an 11-year (132-month) cycle whose peaks rise and fall over a century, with noise. It only
/// lets the sample run end to end; its figures say nothing about the real data.
/// </summary>
internal static class SyntheticSunspots
{
    public const int Months = 2820;
    public const string Description = "synthetic series: 11-year cycle with noise, not real sunspot data";

    private const double CycleMonths = 132;
    private const double CenturyMonths = 1200;

    public static SunspotSeries Create()
    {
        var random = new Random(1749);
        var values = new float[Months];
        for (int month = 0; month < Months; month++)
        {
            double peak = 110 + 50 * Math.Sin(2 * Math.PI * month / CenturyMonths);
            double cycle = Math.Pow(Math.Sin(Math.PI * month / CycleMonths), 2);
            double noise = 1 + 0.25 * (random.NextDouble() * 2 - 1);
            values[month] = (float)Math.Max(0, peak * cycle * noise);
        }

        return new SunspotSeries(values, Description, IsSynthetic: true);
    }
}
