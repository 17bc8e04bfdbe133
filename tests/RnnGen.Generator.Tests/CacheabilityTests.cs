using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RnnGen.Generator.Model;
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
        public partial class SunspotRnn
        {
            /// <summary>Not the generator's business.</summary>
            public int Helper() => 1;
        }

        /// <summary>A stack, so the layer attributes are read too.</summary>
        [RnnGen.Rnn(TimeSteps = 4, Features = 2)]
        [RnnGen.SimpleRnn(3, ReturnSequences = true)]
        [RnnGen.SimpleRnn(2)]
        [RnnGen.Dense(1)]
        public partial class StackRnn { }

        /// <summary>An invalid model, so the diagnostics step carries a value too.</summary>
        [RnnGen.Rnn(TimeSteps = 0, HiddenUnits = 3)]
        public partial class Broken { }

        /// <summary>A layer without [Rnn], so the orphan-layer step carries a value too.</summary>
        [RnnGen.Dense(2)]
        public partial class Orphan { }

        /// <summary>Unrelated code after every model.</summary>
        public static class Unrelated
        {
            /// <summary>Its body is edited.</summary>
            public static int Value() => 1;
        }
        """;

    private const string SecondModel = """
        namespace Models;

        /// <summary>Another model.</summary>
        [RnnGen.Rnn(TimeSteps = 6, HiddenUnits = 2)]
        public partial class SecondRnn { }
        """;

    /// <summary>Every step the pipeline tracks, read off <see cref="TrackingNames"/> so a new one cannot be left out.</summary>
    private static readonly string[] TrackedSteps = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.IsLiteral && field.FieldType == typeof(string))
        .Select(field => (string)field.GetRawConstantValue()!)
        .ToArray();

    /// <summary>The steps whose values are (or are derived from) specs, with no source location in them.</summary>
    private static readonly string[] SpecSteps = [TrackingNames.Specs, TrackingNames.HintNameCollisions, TrackingNames.NamedSpecs];

    [Fact]
    public void Tracking_names_are_found_and_every_step_has_outputs()
    {
        Assert.Contains(TrackingNames.ParseResults, TrackedSteps);
        GeneratorHarness.Run run = GeneratorHarness.RunGenerator(ModelSource);
        Assert.All(TrackedSteps, step => Assert.NotEmpty(Outputs(run.Result, step)));
    }

    [Fact]
    public void Running_twice_on_the_same_compilation_reuses_every_step()
    {
        GeneratorHarness.Run first = GeneratorHarness.RunGenerator(ModelSource);
        GeneratorHarness.Run second = GeneratorHarness.RunGenerator(first.Driver, first.Input.Clone());

        AssertReused(second.Result, TrackedSteps);
        AssertSourcesReused(second.Result);
    }

    [Fact]
    public void An_unrelated_file_reuses_every_step()
    {
        GeneratorHarness.Run first = GeneratorHarness.RunGenerator(ModelSource);
        Compilation edited = first.Input.AddSyntaxTrees(
            CSharpSyntaxTree.ParseText("namespace Other; /// <summary>x</summary>\npublic class Unrelated { }", GeneratorHarness.ParseOptions, path: "Other.cs"));

        GeneratorHarness.Run second = GeneratorHarness.RunGenerator(first.Driver, edited);

        AssertReused(second.Result, TrackedSteps);
        AssertSourcesReused(second.Result);
    }

    /// <summary>
    /// An edit elsewhere in the models' file: one that moves no model reuses every step; one that
    /// moves them changes where the diagnostics point, but the specs (which have no location) and
    /// the generated sources are reused.
    /// </summary>
    [Theory]
    [InlineData("public static int Value() => 1;", "public static int Value() => 2;", false)]
    [InlineData("public int Helper() => 1;", "public int Helper() => 7;", false)]
    [InlineData("namespace Models;", "// A comment.\nnamespace Models;", true)]
    [InlineData("public int Helper() => 1;", "public int Helper() { return 1 + 1; } // inside the model", true)]
    public void An_edit_elsewhere_in_the_models_file_keeps_the_specs_and_the_generated_sources(string before, string after, bool movesModels)
    {
        GeneratorHarness.Run first = GeneratorHarness.RunGenerator(ModelSource);

        GeneratorHarness.Run second = GeneratorHarness.RunGenerator(first.Driver, Edit(first.Input, before, after));

        AssertReused(second.Result, movesModels ? SpecSteps : TrackedSteps);
        AssertSourcesReused(second.Result);
    }

    [Fact]
    public void A_second_model_keeps_the_first_models_outputs_cached()
    {
        GeneratorHarness.Run first = GeneratorHarness.RunGenerator(ModelSource);

        GeneratorHarness.Run second = GeneratorHarness.RunGenerator(
            first.Driver,
            first.Input.AddSyntaxTrees(CSharpSyntaxTree.ParseText(SecondModel, GeneratorHarness.ParseOptions, path: "Second.cs")));

        var named = Outputs(second.Result, TrackingNames.NamedSpecs);
        Assert.Equal(IncrementalStepRunReason.New, Assert.Single(named, output => ((ModelSpec)output.Value).Type.Name == "SecondRnn").Reason);
        Assert.All(
            named.Where(output => ((ModelSpec)output.Value).Type.Name != "SecondRnn"),
            output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{((ModelSpec)output.Value).Type.Name}: {output.Reason}"));
        var sources = SourceOutputs(second.Result);
        Assert.Equal(IncrementalStepRunReason.New, Assert.Single(sources, output => output.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged)).Reason);
        Assert.Equal(3, sources.Length);
    }

    [Fact]
    public void Changing_the_attribute_modifies_the_spec()
    {
        GeneratorHarness.Run first = GeneratorHarness.RunGenerator(ModelSource);

        GeneratorHarness.Run second = GeneratorHarness.RunGenerator(first.Driver, Edit(first.Input, "HiddenUnits = 3, Dense", "HiddenUnits = 4, Dense"));

        var reasons = Outputs(second.Result, TrackingNames.Specs).Select(output => output.Reason).ToArray();
        Assert.Contains(IncrementalStepRunReason.Modified, reasons);
        GeneratedSourceResult sunspot = Assert.Single(Assert.Single(second.Result.Results).GeneratedSources, source => source.HintName == "Models.SunspotRnn.g.cs");
        Assert.Contains("HiddenUnits = 4", sunspot.SourceText.ToString());
    }

    [Fact]
    public void No_step_output_holds_a_symbol_compilation_or_syntax_node()
    {
        GeneratorHarness.Run run = GeneratorHarness.RunGenerator(ModelSource);

        foreach (string step in TrackedSteps)
        {
            foreach (var (value, _) in Outputs(run.Result, step))
            {
                AssertNoRoslynObjects(value, $"{step} output", new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }
    }

    /// <summary>
    /// The types themselves, not only the values one run happens to hold: no field anywhere in a
    /// ParseResult's type graph (a null today or not) can hold a Roslyn object.
    /// </summary>
    [Fact]
    public void No_type_in_the_spec_graph_can_hold_a_Roslyn_object()
    {
        AssertNoRoslynTypes(typeof(ParseResult), nameof(ParseResult), new HashSet<Type>());
    }

    private static Compilation Edit(Compilation input, string before, string after)
    {
        SyntaxTree tree = input.SyntaxTrees.Single();
        string text = tree.GetText().ToString();
        Assert.Contains(before, text);
        return input.ReplaceSyntaxTree(tree, tree.WithChangedText(tree.GetText().Replace(text.IndexOf(before, StringComparison.Ordinal), before.Length, after)));
    }

    private static void AssertReused(GeneratorDriverRunResult result, IEnumerable<string> steps)
    {
        foreach (string step in steps)
        {
            var outputs = Outputs(result, step);
            Assert.NotEmpty(outputs);
            Assert.All(outputs, output => Assert.True(
                output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"{step}: {output.Reason}"));
        }
    }

    /// <summary>The AddSource outputs: nothing re-emitted.</summary>
    private static void AssertSourcesReused(GeneratorDriverRunResult result)
    {
        var outputs = SourceOutputs(result);
        Assert.NotEmpty(outputs);
        Assert.All(outputs, output => Assert.True(
            output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
            $"source output: {output.Reason}"));
    }

    private static (object Value, IncrementalStepRunReason Reason)[] Outputs(GeneratorDriverRunResult result, string step) =>
        Assert.Single(result.Results).TrackedSteps[step].SelectMany(run => run.Outputs).ToArray();

    private static (object Value, IncrementalStepRunReason Reason)[] SourceOutputs(GeneratorDriverRunResult result) =>
        Assert.Single(result.Results).TrackedOutputSteps["SourceOutput"]
            .SelectMany(run => run.Inputs)
            .Where(input => input.Source.Name == TrackingNames.NamedSpecs)
            .Select(input => input.Source.Outputs[input.OutputIndex])
            .ToArray();

    private static bool IsRoslynType(Type type) =>
        typeof(ISymbol).IsAssignableFrom(type)
        || typeof(Compilation).IsAssignableFrom(type)
        || typeof(SemanticModel).IsAssignableFrom(type)
        || typeof(SyntaxNode).IsAssignableFrom(type)
        || typeof(SyntaxTree).IsAssignableFrom(type)
        || typeof(Location).IsAssignableFrom(type)
        || type == typeof(SyntaxToken) || type == typeof(SyntaxTrivia) || type == typeof(AttributeData) || type == typeof(TypedConstant);

    private static void AssertNoRoslynObjects(object? value, string path, HashSet<object> visited)
    {
        if (value is null || value is string || value is DiagnosticDescriptor || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            return; // a descriptor is an immutable value of the catalog, compared by value
        }

        Assert.False(IsRoslynType(value.GetType()), $"{path} holds a {value.GetType().Name}");
        if (!value.GetType().IsValueType && !visited.Add(value))
        {
            return;
        }

        if (value is IEnumerable sequence)
        {
            int i = 0;
            foreach (object? item in sequence)
            {
                AssertNoRoslynObjects(item, $"{path}[{i++}]", visited);
            }
        }

        foreach (FieldInfo field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertNoRoslynObjects(field.GetValue(value), $"{path}.{field.Name}", visited);
        }
    }

    private static void AssertNoRoslynTypes(Type type, string path, HashSet<Type> visited)
    {
        if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(DiagnosticDescriptor) || !visited.Add(type))
        {
            return;
        }

        Assert.False(IsRoslynType(type) || type == typeof(object), $"{path} is a {type.Name}");
        if (type.IsArray)
        {
            AssertNoRoslynTypes(type.GetElementType()!, path + "[]", visited);
            return;
        }

        foreach (FieldInfo field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertNoRoslynTypes(Nullable.GetUnderlyingType(field.FieldType) ?? field.FieldType, $"{path}.{field.Name}", visited);
        }
    }
}
