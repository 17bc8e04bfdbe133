namespace RnnGen.Tests.Tutorial;

/// <summary>Finds <c>shared/data/monthly-sunspots.csv</c>, which lives beside the repository (never inside it).</summary>
internal static class SunspotsData
{
    /// <summary>Walks up from the test binaries until a folder holds <c>shared/data/monthly-sunspots.csv</c>.</summary>
    public static string Path
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                string candidate = System.IO.Path.Combine(dir.FullName, "shared", "data", "monthly-sunspots.csv");
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
