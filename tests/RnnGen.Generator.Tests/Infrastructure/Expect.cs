using Microsoft.CodeAnalysis;

namespace RnnGen.Generator.Tests.Infrastructure;

/// <summary>The two outcomes every declaration must have: a clean build, or one RnnGen error on the user's code.</summary>
internal static class Expect
{
    private const string HelpBase = "https://github.com/rnngen/RnnGen/blob/main/docs/diagnostics.md#";

    /// <summary>A model was generated and nothing, not even a warning, is reported by the generator or the compiler.</summary>
    public static void Clean(GeneratorHarness.Run run)
    {
        Assert.NotEmpty(Assert.Single(run.Result.Results).GeneratedSources);
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
    }

    /// <summary>
    /// Exactly one generator diagnostic, an error with a description and its help link, in the
    /// user's file; nothing generated (unless <paramref name="generates"/>) and no compiler error.
    /// Returns it with the source text it is located on.
    /// </summary>
    public static Diagnostic SingleError(GeneratorHarness.Run run, string source, out string located, bool generates = false)
    {
        Assert.Null(Assert.Single(run.Result.Results).Exception);
        Assert.Equal(generates, Assert.Single(run.Result.Results).GeneratedSources.Length > 0);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(HelpBase + diagnostic.Id.ToLowerInvariant(), diagnostic.Descriptor.HelpLinkUri);
        Assert.NotEmpty(diagnostic.Descriptor.Description.ToString());
        Assert.Equal("User0.cs", diagnostic.Location.GetLineSpan().Path);
        located = source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length);
        return diagnostic;
    }
}
