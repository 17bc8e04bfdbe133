using System.Reflection;
using Microsoft.CodeAnalysis;
using RnnGen.Generator.Diagnostics;
using RnnGen.Generator.Tests.Infrastructure;

namespace RnnGen.Generator.Tests;

/// <summary>
/// Each invalid use gets exactly one RnnGen diagnostic, located on the offending code, and
/// nothing is generated for that type, so the user sees no cascade of compiler errors.
/// </summary>
public class DiagnosticTests
{
    /// <summary>Runs the generator and returns its single diagnostic, after checking the rest is clean.</summary>
    private static Diagnostic SingleDiagnostic(string source)
    {
        GeneratorHarness.Run run = GeneratorHarness.RunGenerator(source);
        Assert.Empty(Assert.Single(run.Result.Results).GeneratedSources);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return Assert.Single(run.GeneratorDiagnostics);
    }

    /// <summary>The source text a diagnostic points at (the user's code is one file, User0.cs).</summary>
    private static string LocatedText(Diagnostic diagnostic, string source)
    {
        Assert.Equal("User0.cs", diagnostic.Location.GetLineSpan().Path);
        return source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length);
    }

    [Fact]
    public void RNNG001_type_not_partial_is_reported_on_its_name()
    {
        string source = """
            [RnnGen.Rnn(TimeSteps = 3, HiddenUnits = 2)]
            public class Model { }
            """;
        Diagnostic diagnostic = SingleDiagnostic(source);

        Assert.Equal("RNNG001", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("Model", LocatedText(diagnostic, source));
        Assert.Equal("'Model' has [Rnn], so it must be declared 'partial' for RnnGen to add the model's members", diagnostic.GetMessage());
    }

    [Fact]
    public void RNNG002_containing_type_not_partial_is_reported_on_that_type()
    {
        string source = """
            public class Outer
            {
                [RnnGen.Rnn(TimeSteps = 3, HiddenUnits = 2)]
                public partial class Model { }
            }
            """;
        Diagnostic diagnostic = SingleDiagnostic(source);

        Assert.Equal("RNNG002", diagnostic.Id);
        Assert.Equal("Outer", LocatedText(diagnostic, source));
        Assert.Contains("'Outer' contains the [Rnn] type 'Model'", diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("TimeSteps = 0, HiddenUnits = 2", "TimeSteps = 0", "TimeSteps = 0 is not allowed: it must be between 1 and 4096")]
    [InlineData("TimeSteps = 3, HiddenUnits = 5000", "HiddenUnits = 5000", "HiddenUnits = 5000 is not allowed: it must be between 1 and 4096")]
    [InlineData("TimeSteps = 3, HiddenUnits = 2, Features = -1", "Features = -1", "Features = -1 is not allowed: it must be between 1 and 4096")]
    [InlineData("TimeSteps = 3, HiddenUnits = 2, DenseUnits = 0", "DenseUnits = 0", "DenseUnits = 0 is not allowed: it must be between 1 and 4096")]
    public void RNNG003_size_out_of_range_is_reported_on_the_argument(string arguments, string located, string message)
    {
        string source = $$"""
            [RnnGen.Rnn({{arguments}})]
            public partial class Model { }
            """;
        Diagnostic diagnostic = SingleDiagnostic(source);

        Assert.Equal("RNNG003", diagnostic.Id);
        Assert.Equal(located, LocatedText(diagnostic, source));
        Assert.Equal(message, diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("HiddenUnits = 2", "TimeSteps")]
    [InlineData("TimeSteps = 2", "HiddenUnits")]
    public void RNNG004_required_size_missing_is_reported_on_the_attribute(string arguments, string missing)
    {
        string source = $$"""
            [RnnGen.Rnn({{arguments}})]
            public partial class Model { }
            """;
        Diagnostic diagnostic = SingleDiagnostic(source);

        Assert.Equal("RNNG004", diagnostic.Id);
        Assert.Equal($"RnnGen.Rnn({arguments})", LocatedText(diagnostic, source));
        Assert.StartsWith($"[Rnn] needs {missing}", diagnostic.GetMessage());
    }

    [Fact]
    public void RNNG005_undefined_activation_is_reported_on_the_argument()
    {
        string source = """
            [RnnGen.Rnn(TimeSteps = 3, HiddenUnits = 2, DenseActivation = (RnnGen.Activation)11)]
            public partial class Model { }
            """;
        Diagnostic diagnostic = SingleDiagnostic(source);

        Assert.Equal("RNNG005", diagnostic.Id);
        Assert.Equal("DenseActivation = (RnnGen.Activation)11", LocatedText(diagnostic, source));
        Assert.Contains("use one of its members, such as Activation.Tanh, Activation.Sigmoid or Activation.Swish", diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("public static partial class Model { }", "a static class")]
    [InlineData("public ref partial struct Model { }", "a ref struct")]
    [InlineData("file partial class Model { }", "a file-local type")]
    public void RNNG006_unsupported_type_kind_is_reported_on_its_name(string declaration, string reason)
    {
        string source = $$"""
            [RnnGen.Rnn(TimeSteps = 3, HiddenUnits = 2)]
            {{declaration}}
            """;
        Diagnostic diagnostic = SingleDiagnostic(source);

        Assert.Equal("RNNG006", diagnostic.Id);
        Assert.Equal("Model", LocatedText(diagnostic, source));
        Assert.Contains(reason, diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("public void Predict() { }", "Predict")]
    [InlineData("public int State;", "State")]
    [InlineData("public Model(int size) { }", "Model")]
    [InlineData("private float[] _floats = [];", "_floats")]
    public void RNNG007_member_that_a_generated_member_would_clash_with_is_reported_on_it(string member, string located)
    {
        string source = $$"""
            [RnnGen.Rnn(TimeSteps = 3, HiddenUnits = 2)]
            public partial class Model
            {
                {{member}}
            }
            """;
        Diagnostic diagnostic = SingleDiagnostic(source);

        Assert.Equal("RNNG007", diagnostic.Id);
        Assert.Equal(located, LocatedText(diagnostic, source));
    }

    [Fact]
    public void RNNG008_model_too_large_is_reported_on_the_attribute()
    {
        string source = """
            [RnnGen.Rnn(TimeSteps = 4096, Features = 4096, HiddenUnits = 4096, DenseUnits = 4096)]
            public partial class Model { }
            """;
        Diagnostic diagnostic = SingleDiagnostic(source);

        Assert.Equal("RNNG008", diagnostic.Id);
        Assert.Contains("more than the 67108864 RnnGen allows", diagnostic.GetMessage());
    }

    [Fact]
    public void RNNG008_counts_the_backward_scratch_of_every_step()
    {
        // Parameters and gradients 33.6 M floats, h_0..h_T 16.8 M, d loss / d a of every step another
        // 16.8 M: 67.1 M in all with the rest, just over the limit of 67108864 once every buffer is counted.
        string source = """
            [RnnGen.Rnn(TimeSteps = 4096, HiddenUnits = 4096)]
            public partial class Model { }
            """;
        Diagnostic diagnostic = SingleDiagnostic(source);

        Assert.Equal("RNNG008", diagnostic.Id);
        Assert.Contains("67149828 floats", diagnostic.GetMessage());
    }

    [Fact]
    public void Every_problem_of_one_attribute_is_reported_together()
    {
        GeneratorHarness.Run run = GeneratorHarness.RunGenerator("""
            [RnnGen.Rnn(TimeSteps = 0, HiddenUnits = 9999, HiddenActivation = (RnnGen.Activation)(-1))]
            public class Model { }
            """);

        Assert.Equal(["RNNG001", "RNNG003", "RNNG003", "RNNG005"], run.GeneratorDiagnostics.Select(d => d.Id).Order());
    }

    [Fact]
    public void A_valid_model_beside_an_invalid_one_is_still_generated()
    {
        GeneratorHarness.Run run = GeneratorHarness.RunGenerator("""
            /// <summary>Broken.</summary>
            [RnnGen.Rnn(TimeSteps = 0, HiddenUnits = 2)]
            public partial class Broken { }

            /// <summary>Fine.</summary>
            [RnnGen.Rnn(TimeSteps = 3, HiddenUnits = 2)]
            public partial class Fine { }
            """);

        Assert.Equal("RNNG003", Assert.Single(run.GeneratorDiagnostics).Id);
        Assert.Equal("Fine.g.cs", Assert.Single(Assert.Single(run.Result.Results).GeneratedSources).HintName);
        Assert.Empty(run.CompilationProblems);
    }

    public static TheoryData<string> Descriptors()
    {
        var data = new TheoryData<string>();
        foreach (DiagnosticDescriptor descriptor in AllDescriptors())
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    /// <summary>The catalog and its documents agree: a new id cannot be forgotten in one of them.</summary>
    [Theory]
    [MemberData(nameof(Descriptors))]
    public void Every_descriptor_is_an_error_documented_and_released(string id)
    {
        DiagnosticDescriptor descriptor = Assert.Single(AllDescriptors(), d => d.Id == id);

        Assert.Equal(DiagnosticSeverity.Error, descriptor.DefaultSeverity);
        Assert.Equal("https://github.com/rnngen/RnnGen/blob/main/docs/diagnostics.md#" + id.ToLowerInvariant(), descriptor.HelpLinkUri);
        Assert.NotEmpty(descriptor.Title.ToString());
        Assert.NotEmpty(descriptor.Description.ToString());
        Assert.Contains($"\n## {id}\n", RepositoryFiles.Read("docs/diagnostics.md").ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains($"\n{id} | RnnGen | Error |", RepositoryFiles.Read("generator/RnnGen.Generator/AnalyzerReleases.Unshipped.md").ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains($"\n| {id} |", RepositoryFiles.Read("README.md").ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_are_consecutive_from_RNNG001()
    {
        Assert.Equal(
            Enumerable.Range(1, AllDescriptors().Count).Select(i => $"RNNG{i:000}"),
            AllDescriptors().Select(d => d.Id).Order());
    }

    private static List<DiagnosticDescriptor> AllDescriptors() =>
        typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
            .Select(field => (DiagnosticDescriptor)field.GetValue(null)!)
            .ToList();
}
