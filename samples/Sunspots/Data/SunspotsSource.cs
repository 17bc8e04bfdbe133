using RnnGen.Data;

namespace Sunspots.Data;

/// <summary>
/// Finds the monthly sunspot series: <c>--data</c> (a path or a URL) if given; else the copy in the user's
/// cache folder; else a download of the tutorial's URL into that cache; else, offline, the synthetic stand-in.
/// </summary>
internal sealed class SunspotsSource(TextWriter console)
{
    public const string TutorialUrl = "https://raw.githubusercontent.com/jbrownlee/Datasets/master/monthly-sunspots.csv";

    // The tutorial reads read_csv(url, usecols=[1]): column 0 is the month, column 1 the sunspot number.
    private const int SunspotColumn = 1;
    private static readonly TimeSpan DownloadTimeout = TimeSpan.FromSeconds(30);

    /// <exception cref="FileNotFoundException">--data names a file that does not exist.</exception>
    /// <exception cref="FormatException">--data is not a CSV with a numeric second column.</exception>
    /// <exception cref="HttpRequestException">--data is a URL that could not be downloaded.</exception>
    public async Task<SunspotSeries> LoadAsync(string? data, CancellationToken cancellationToken)
    {
        if (data is not null)
        {
            return Uri.TryCreate(data, UriKind.Absolute, out Uri? url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
                ? Parse(await DownloadAsync(url, cancellationToken), data)
                : new SunspotSeries(CsvColumnReader.ReadColumn(data, SunspotColumn), Path.GetFullPath(data), IsSynthetic: false);
        }

        string cached = UserCache.PathOf("monthly-sunspots.csv");
        if (File.Exists(cached))
        {
            try
            {
                return new SunspotSeries(CsvColumnReader.ReadColumn(cached, SunspotColumn), cached, IsSynthetic: false);
            }
            catch (FormatException e)
            {
                console.WriteLine($"The cached copy {cached} is unreadable ({e.Message}); downloading it again.");
            }
        }

        try
        {
            string text = await DownloadAsync(new Uri(TutorialUrl), cancellationToken);
            SunspotSeries series = Parse(text, TutorialUrl);
            WriteAtomically(cached, text);
            console.WriteLine($"Downloaded {TutorialUrl} into {cached}.");
            return series;
        }
        catch (Exception e) when (IsUnavailable(e, cancellationToken))
        {
            console.WriteLine($"No sunspot data: no --data given, no cached copy at {cached}, and downloading {TutorialUrl} failed ({e.Message}).");
            console.WriteLine("Running on a built-in SYNTHETIC series instead. Pass --data PATH to use a local copy of the CSV.");
            return SyntheticSunspots.Create();
        }
    }

    private static async Task<string> DownloadAsync(Uri url, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = DownloadTimeout };
        return await http.GetStringAsync(url, cancellationToken);
    }

    private static SunspotSeries Parse(string csv, string origin) =>
        new(CsvColumnReader.ReadColumns(new StringReader(csv), [SunspotColumn]), origin, IsSynthetic: false);

    // Written beside the target, then renamed: an interrupted download never leaves half a file in the cache.
    private static void WriteAtomically(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        string temporary = path + ".download";
        File.WriteAllText(temporary, text);
        File.Move(temporary, path, overwrite: true);
    }

    // A timeout surfaces as TaskCanceledException too; only the user's Ctrl+C should stop the run.
    private static bool IsUnavailable(Exception e, CancellationToken cancellationToken) =>
        e is HttpRequestException or IOException or FormatException or UnauthorizedAccessException
        || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested);
}
