namespace Sunspots.Output;

/// <summary>Writes one output file, reporting a failure as one line on stderr rather than a stack trace.</summary>
internal static class OutputFile
{
    /// <summary>Runs <paramref name="write"/>; on an I/O or permission error prints <c>Cannot write OPTION PATH: reason</c>.</summary>
    /// <returns>Whether the file was written.</returns>
    public static bool TryWrite(string option, string path, Action write)
    {
        try
        {
            write();
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"Cannot write {option} {path}: {e.Message}");
            return false;
        }
    }
}
