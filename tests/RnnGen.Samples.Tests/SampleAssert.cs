namespace RnnGen.Samples.Tests;

/// <summary>How a sample must fail on bad input: a non-zero exit and one line on stderr, never a stack trace.</summary>
internal static class SampleAssert
{
    /// <summary>Exit code 1 and stderr exactly <paramref name="line"/>.</summary>
    public static void FailsWithOneLine(SampleResult result, string line)
    {
        Assert.Equal(line, OneErrorLine(result));
    }

    /// <summary>Exit code 1 and one stderr line that starts with <paramref name="start"/> (the rest is the OS's reason).</summary>
    public static void FailsWithOneLineStarting(SampleResult result, string start)
    {
        Assert.StartsWith(start, OneErrorLine(result), StringComparison.Ordinal);
    }

    private static string OneErrorLine(SampleResult result)
    {
        Assert.False(result.Stderr.Contains("   at ", StringComparison.Ordinal), "stack trace on stderr:\n" + result.Stderr);
        Assert.Equal(1, result.ExitCode);
        string[] lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length == 1, $"expected one line on stderr, but found {lines.Length}:\n{result.Stderr}");
        return lines[0];
    }
}
