namespace RnnGen.Samples.Tests;

/// <summary>Finds <c>shared/data/monthly-sunspots.csv</c>, the tutorial's data, which lives beside the repository (never inside it).</summary>
internal static class SharedSunspots
{
    /// <summary>Walks up from the test binaries until a folder holds <c>shared/data/monthly-sunspots.csv</c>.</summary>
    public static string Path
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                string candidate = System.IO.Path.Combine(folder.FullName, "shared", "data", "monthly-sunspots.csv");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new FileNotFoundException(
                $"shared/data/monthly-sunspots.csv was not found in any folder above {AppContext.BaseDirectory}; the tests expect ../shared beside the repository.");
        }
    }
}
