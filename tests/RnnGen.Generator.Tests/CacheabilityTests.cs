using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RnnGen.Generator.Tests.Infrastructure;

namespace RnnGen.Generator.Tests;

/// <summary>
/// The incremental pipeline caches: re-running on the same or an unrelated change reuses every
/// tracked step; changing the attribute re-runs them; no step output holds a Roslyn symbol,
/// compilation or syntax node (which would defeat caching and leak memory in the IDE).
/// </summary>
public class CacheabilityTests
{
    private const string ModelSource = """
        namespace Models;

        /// <summary>A model.</summary>
        [RnnGen.Rnn(TimeSteps = 12, HiddenUnits = 3, DenseActivation = RnnGen.Activation.Tanh)]
        public partial class SunspotRnn { }

        /// <summary>An invalid model, so the diagnostics step carries a value too.</summary>
        [RnnGen.Rnn(TimeSteps = 0, HiddenUnits = 3)]
        public partial class Broken { }
        """;

    private static readonly string[] TrackedSteps =
        [TrackingNames.ParseResults, TrackingNames.Diagnostics, TrackingNames.Specs, TrackingNames.HintNameCollisions, TrackingNames.NamedSpecs];

    [Fact]
    public void Running_twice_on_the_same_compilation_reuses_every_step()
    {
        GeneratorHarness.Run first = GeneratorHarness.RunGenerator(ModelSource);
        GeneratorHarness.Run second = GeneratorHarness.RunGenerator(first.Driver, first.Input.Clone());

        AssertAllReused(second.Result);
    }

    [Fact]
    public void An_unrelated_edit_reuses_every_step()
    {
        GeneratorHarness.Run first = GeneratorHarness.RunGenerator(ModelSource);
        Compilation edited = first.Input.AddSyntaxTrees(
            CSharpSyntaxTree.ParseText("namespace Other; /// <summary>x</summary>\npublic class Unrelated { }", GeneratorHarness.ParseOptions, path: "Other.cs"));

        GeneratorHarness.Run second = GeneratorHarness.RunGenerator(first.Driver, edited);

        AssertAllReused(second.Result);
    }

    [Fact]
    public void Changing_the_attribute_modifies_the_spec()
    {
        GeneratorHarness.Run first = GeneratorHarness.RunGenerator(ModelSource);
        SyntaxTree tree = first.Input.SyntaxTrees.Single();
        SyntaxTree changed = tree.WithChangedText(tree.GetText().Replace(
            ModelSource.IndexOf("HiddenUnits = 3", StringComparison.Ordinal), "HiddenUnits = 3".Length, "HiddenUnits = 4"));

        GeneratorHarness.Run second = GeneratorHarness.RunGenerator(first.Driver, first.Input.ReplaceSyntaxTree(tree, changed));

        var reasons = Outputs(second.Result, TrackingNames.Specs).Select(output => output.Reason).ToArray();
        Assert.Contains(IncrementalStepRunReason.Modified, reasons);
        Assert.Contains("HiddenUnits = 4", Assert.Single(Assert.Single(second.Result.Results).GeneratedSources).SourceText.ToString());
    }

    [Fact]
    public void No_step_output_holds_a_symbol_compilation_or_syntax_node()
    {
        GeneratorHarness.Run run = GeneratorHarness.RunGenerator(ModelSource);

        foreach (string step in TrackedSteps)
        {
            foreach (var (value, _) in Outputs(run.Result, step))
            {
                AssertNoRoslynObjects(value, $"{step} output", depth: 0);
            }
        }
    }

    private static void AssertAllReused(GeneratorDriverRunResult result)
    {
        foreach (string step in TrackedSteps)
        {
            var outputs = Outputs(result, step);
            Assert.NotEmpty(outputs);
            Assert.All(outputs, output => Assert.True(
                output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"{step}: {output.Reason}"));
        }
    }

    private static (object Value, IncrementalStepRunReason Reason)[] Outputs(GeneratorDriverRunResult result, string step) =>
        Assert.Single(result.Results).TrackedSteps[step].SelectMany(run => run.Outputs).ToArray();

    private static void AssertNoRoslynObjects(object? value, string path, int depth)
    {
        if (value is null || depth > 8 || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            return;
        }

        Assert.False(value is ISymbol or Compilation or SyntaxNode or SyntaxTree, $"{path} holds a {value.GetType().Name}");
        if (value is DiagnosticDescriptor)
        {
            return; // an immutable value: the catalog's descriptors, compared by value
        }

        if (value is IEnumerable sequence)
        {
            int i = 0;
            foreach (object? item in sequence)
            {
                AssertNoRoslynObjects(item, $"{path}[{i++}]", depth + 1);
            }

            return;
        }

        foreach (FieldInfo field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertNoRoslynObjects(field.GetValue(value), $"{path}.{field.Name}", depth + 1);
        }
    }
}
