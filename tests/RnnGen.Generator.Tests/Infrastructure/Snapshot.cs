using System.Runtime.CompilerServices;

namespace RnnGen.Generator.Tests.Infrastructure;

/// <summary>
/// Verify's conventions in a few lines (Verify.Xunit is not served by this project's registry):
/// the expected text lives in <c>{Class}.{Test}#{HintName}.verified.cs</c> in <c>Snapshots/</c>
/// beside the test; a mismatch writes <c>.received.cs</c> next to it (git-ignored) and fails.
/// Set <c>RNNGEN_ACCEPT_SNAPSHOTS=1</c> to accept the received text as the new verified one.
/// </summary>
internal static class Snapshot
{
    public const string AcceptVariable = "RNNGEN_ACCEPT_SNAPSHOTS";

    public static void Verify(string actual, string hintName, string testClass, [CallerMemberName] string test = "", [CallerFilePath] string testFile = "")
    {
        string directory = Path.Combine(TestDirectory(testFile), "Snapshots");
        string stem = Path.Combine(directory, $"{testClass}.{test}#{Path.GetFileNameWithoutExtension(hintName)}");
        string verifiedPath = stem + ".verified.cs";
        string receivedPath = stem + ".received.cs";
        string? verified = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath) : null;

        if (verified == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        Directory.CreateDirectory(directory);
        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            File.WriteAllText(verifiedPath, actual);
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, actual);
        Assert.Fail(verified is null
            ? $"No snapshot yet: review {receivedPath}, then accept it (set {AcceptVariable}=1 and rerun)."
            : $"The generated code differs from {verifiedPath}: compare it with {receivedPath}; if the change is intended, set {AcceptVariable}=1 and rerun.");
    }

    /// <summary>The test's source folder; found from the build output when the compiler mapped source paths.</summary>
    private static string TestDirectory(string testFile)
    {
        string? fromCaller = Path.GetDirectoryName(testFile);
        if (fromCaller is not null && Directory.Exists(fromCaller))
        {
            return fromCaller;
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            string candidate = Path.Combine(folder.FullName, "tests", "RnnGen.Generator.Tests");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("Cannot find tests/RnnGen.Generator.Tests above " + AppContext.BaseDirectory);
    }
}
