namespace RnnGen.Generator.Tests.Infrastructure;

/// <summary>Files of the repository the tests run from, found above the build output.</summary>
internal static class RepositoryFiles
{
    public static string Read(string relativePath)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            string candidate = Path.Combine(folder.FullName, relativePath);
            if (File.Exists(candidate) && Directory.Exists(Path.Combine(folder.FullName, "generator")))
            {
                return File.ReadAllText(candidate);
            }
        }

        throw new FileNotFoundException($"{relativePath} not found above {AppContext.BaseDirectory}");
    }
}
