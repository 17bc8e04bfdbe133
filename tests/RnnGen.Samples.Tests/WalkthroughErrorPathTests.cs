namespace RnnGen.Samples.Tests;

/// <summary>Walkthrough on an unwritable diagram path: one line on stderr and exit code 1, never a stack trace.</summary>
public sealed class WalkthroughErrorPathTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Walkthrough_with_diagram_pointing_at_a_folder_says_it_cannot_write_there()
    {
        SampleAssert.FailsWithOneLineStarting(
            SampleProcess.Run("Walkthrough", ["--diagram", _folder.Path]),
            $"Cannot write --diagram {_folder.Path}: ");
    }
}
