namespace Sunspots.Data;

/// <summary>The per-user cache folder of the platform: XDG_CACHE_HOME or ~/.cache, ~/Library/Caches, %LOCALAPPDATA%.</summary>
internal static class UserCache
{
    public static string PathOf(string fileName) => Path.Combine(Folder(), "rnngen", fileName);

    private static string Folder()
    {
        string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (!string.IsNullOrEmpty(xdg))
        {
            return xdg;
        }

        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (OperatingSystem.IsWindows())
        {
            return Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        }

        return OperatingSystem.IsMacOS() ? Path.Combine(home, "Library", "Caches") : Path.Combine(home, ".cache");
    }
}
