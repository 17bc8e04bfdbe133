namespace RnnGen.Samples.Tests;

/// <summary>Streaming on ordinary bad input: a clear line on stderr and exit code 1, never a stack trace.</summary>
public sealed class StreamingErrorPathTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("2147483647")]
    [InlineData("100000001")]
    [InlineData("0")]
    public void Streaming_refuses_a_step_count_outside_1_to_100_million(string steps)
    {
        SampleAssert.FailsWithOneLine(
            SampleProcess.Run("Streaming", ["--steps", steps]),
            "--steps must be between 1 and 100000000: each step's time is kept (8 bytes a step) for the percentiles.");
    }

    [Fact]
    public void Streaming_with_a_weights_file_that_is_not_one_says_it_cannot_load_it()
    {
        string weights = _folder.File("w.rnnw");
        File.WriteAllText(weights, "not weights");
        SampleResult result = SampleProcess.Run("Streaming", ["--weights", weights, "--steps", "100"]);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("Cannot load --weights: ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }
}
