using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RnnGen.Generator.Tests.Infrastructure;

namespace RnnGen.Generator.Tests;

/// <summary>
/// Legal C# that a hostile user might put under <c>[Rnn]</c>: each declaration either compiles
/// with no error or warning at all, or gets exactly one RnnGen error on the user's own syntax,
/// never compiler errors in the generated file or a generator exception.
/// </summary>
public class DeclarationProbeTests
{
    private const string Model = "[RnnGen.Rnn(TimeSteps = 3, HiddenUnits = 2)]";
    private const string Stack = "[RnnGen.Rnn(TimeSteps = 3)] [RnnGen.SimpleRnn(4, ReturnSequences = true)] [RnnGen.SimpleRnn(2)]";
    private const string Spans = "System.ReadOnlySpan<float> input, System.Span<float> output";

    private static Diagnostic SingleError(string source, string id, string located)
    {
        Diagnostic diagnostic = Expect.SingleError(GeneratorHarness.RunGenerator(source), source, out string text);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(located, text);
        return diagnostic;
    }

    // Primary constructors (CS8862, CS8618 from the generated () and (int seed) constructors).

    [Theory]
    [InlineData("class M(float x) { internal float X => x; }", "(float x)")]
    [InlineData("struct M(float x) { internal float X => x; }", "(float x)")]
    [InlineData("record M(string Name);", "(string Name)")]
    [InlineData("record struct M(double X);", "(double X)")]
    [InlineData("class M(int seed) { internal int Seed => seed; }", "(int seed)")]
    [InlineData("class M() { }", "()")]
    public void RNNG014_a_primary_constructor_is_reported_on_its_parameter_list(string declaration, string located)
    {
        Diagnostic diagnostic = SingleError($"{Model} internal partial {declaration}", "RNNG014", located);

        Assert.StartsWith("'M' has a primary constructor", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("record M;")]
    [InlineData("record struct M;")]
    [InlineData("record M { internal int Extra { get; init; } }")]
    public void Records_without_a_parameter_list_compile_cleanly(string declaration) =>
        Expect.Clean(GeneratorHarness.RunGenerator($"{Model} internal partial {declaration}"));

    // Type and type parameter names (CS0542, CS0102, CS0119).

    [Theory]
    [InlineData(Model, "State")]
    [InlineData(Model, "Step")]
    [InlineData(Model, "Kernel")]
    [InlineData(Model, "Predict")]
    [InlineData(Model, "Layout")]
    [InlineData(Stack, "Summary")]
    [InlineData(Stack, "StateLength")]
    [InlineData(Stack, "TimeSteps")]
    public void RNNG015_a_type_named_like_a_generated_member_is_reported_on_its_name(string attributes, string name)
    {
        Diagnostic diagnostic = SingleError($"namespace N {{ {attributes} internal partial class {name} {{ }} }}", "RNNG015", name);

        Assert.StartsWith($"The model type cannot be named '{name}'", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(Model, "M<TimeSteps>", "TimeSteps")]
    [InlineData(Stack, "M<Predict>", "Predict")]
    [InlineData(Model, "M<T, State>", "State")]
    public void RNNG016_a_type_parameter_named_like_a_generated_member_is_reported_on_it(string attributes, string type, string parameter)
    {
        Diagnostic diagnostic = SingleError($"{attributes} internal partial class {type} {{ }}", "RNNG016", parameter);

        Assert.StartsWith($"The type parameter '{parameter}' of 'M'", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_containing_type_parameter_named_like_a_member_compiles_cleanly() =>
        Expect.Clean(GeneratorHarness.RunGenerator($"internal partial class Outer<State> {{ {Model} internal partial class M {{ }} }}"));

    // Keywords as names: emitted escaped.

    [Theory]
    [InlineData($"{Model} internal partial class @class {{ }}")]
    [InlineData($"namespace N {{ {Stack} internal partial class @class {{ }} }}")]
    [InlineData($"{Model} internal partial struct @event {{ }}")]
    [InlineData($"{Model} internal partial class M<@event> {{ }}")]
    [InlineData($"internal partial class @int {{ {Model} internal partial class M {{ }} }}")]
    [InlineData($"namespace @event.@class {{ {Stack} internal partial class @namespace {{ }} }}")]
    public void Keywords_as_names_compile_cleanly(string source) =>
        Expect.Clean(GeneratorHarness.RunGenerator(source));

    // Names in the user's scope that the generated code must not bind to (it spells global:: names).

    [Theory]
    [InlineData($"namespace N {{ internal class System {{ }} {Model} internal partial class M {{ }} }}")]
    [InlineData($"namespace N {{ internal class System {{ }} {Stack} internal partial class M {{ }} }}")]
    [InlineData($"namespace N {{ internal static class Math {{ }} internal static class MathF {{ }} {Model} internal partial class M {{ }} }}")]
    [InlineData($"namespace N {{ internal static class Math {{ }} internal static class MathF {{ }} {Stack} internal partial class M {{ }} }}")]
    [InlineData($"namespace N {{ internal class Span<T> {{ }} internal class ReadOnlySpan<T> {{ }} internal class Vector128 {{ }} {Model} internal partial class M {{ }} }}")]
    [InlineData($"namespace N {{ internal class Span<T> {{ }} internal class ReadOnlySpan<T> {{ }} internal class Vector128 {{ }} {Stack} internal partial class M {{ }} }}")]
    [InlineData("namespace N.RnnGen { [global::RnnGen.Rnn(TimeSteps = 3)] [global::RnnGen.SimpleRnn(2)] internal partial class M { } }")]
    [InlineData($"namespace A.M {{ {Stack} internal partial class M {{ }} }}")]
    [InlineData($"internal partial class Predict {{ {Stack} internal partial class M {{ }} }}")]
    [InlineData($"{Stack} internal partial class M {{ internal int System => 0; internal int RnnGen => 0; internal int Math => 0; internal int MathF => 0; }}")]
    [InlineData($"{Model} internal partial class M {{ internal int System => 0; internal int RnnGen => 0; internal int Math => 0; internal int MathF => 0; }}")]
    public void Names_in_scope_do_not_capture_the_generated_code(string source) =>
        Expect.Clean(GeneratorHarness.RunGenerator(source));

    // Base classes (CS0108, CS0114, CS0534, CS7036).

    [Theory]
    [InlineData(Model, $"public abstract void Predict({Spans});", "'B.Predict(ReadOnlySpan<float>, Span<float>)'")]
    [InlineData(Model, $"public virtual void Predict({Spans}) {{ }}", "'B.Predict(ReadOnlySpan<float>, Span<float>)'")]
    [InlineData(Model, "public float[] State = new float[1];", "'B.State'")]
    [InlineData(Model, "protected int State { get; set; }", "'B.State'")]
    [InlineData(Model, "public class State { }", "'B.State'")]
    [InlineData(Model, "public void Step() { }", "'B.Step()'")]
    [InlineData(Stack, "public string Summary() => \"\"; public int Layout;", "'B.Summary()', 'B.Layout'")]
    [InlineData(Model, "protected float[] _floats = new float[1];", "'B._floats'")]
    public void RNNG017_base_class_members_named_like_generated_members_are_reported_on_the_base(string attributes, string member, string named)
    {
        string source = $$"""
            internal abstract class B { {{member}} }
            {{attributes}}
            internal abstract partial class M : B { }
            """;
        Diagnostic diagnostic = SingleError(source, "RNNG017", "B");

        Assert.Contains($"'M' inherits {named}, which the generated members", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void RNNG017_a_base_class_that_is_a_model_is_reported()
    {
        string source = $$"""
            {{Model}} internal partial class B { }
            {{Model}} internal partial class M : B { }
            """;
        GeneratorHarness.Run run = GeneratorHarness.RunGenerator(source);

        Diagnostic diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("RNNG017", diagnostic.Id);
        Assert.Contains("every generated member of the model 'B'", diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Single(Assert.Single(run.Result.Results).GeneratedSources); // B's
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void RNNG018_a_base_class_without_a_parameterless_constructor_is_reported_on_the_base()
    {
        string source = $$"""
            internal class B { public B(string name) { } }
            {{Model}}
            internal partial class M : B { internal M(string name) : base(name) { } }
            """;
        Diagnostic diagnostic = SingleError(source, "RNNG018", "B");

        Assert.StartsWith("'M' derives from 'B', which has no accessible parameterless constructor", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("private void Step() { } public override string ToString() => \"\";")]
    [InlineData("protected B() { }")]
    [InlineData("protected B(int capacity = 4) { }")]
    [InlineData("public void Train() { }")]
    public void Base_classes_that_the_generated_members_leave_alone_compile_cleanly(string members) =>
        Expect.Clean(GeneratorHarness.RunGenerator($"internal abstract class B {{ {members} }} {Model} internal sealed partial class M : B {{ }}"));

    [Fact]
    public void A_user_interface_that_the_generated_members_implement_compiles_cleanly() =>
        Expect.Clean(GeneratorHarness.RunGenerator($$"""
            internal interface IPredictor { void Predict({{Spans}}); System.Span<float> State { get; } }
            {{Model}} internal partial class M : IPredictor { }
            """));

    // IRnnModel implemented by hand.

    [Fact]
    public void RNNG019_an_explicit_IRnnModel_member_is_reported_on_it_and_the_model_still_generated()
    {
        string source = $$"""
            {{Model}}
            internal partial class M : RnnGen.IRnnModel { void RnnGen.IRnnModel.Predict({{Spans}}) { } }
            """;
        GeneratorHarness.Run run = GeneratorHarness.RunGenerator(source);
        Diagnostic diagnostic = Expect.SingleError(run, source, out string located, generates: true);

        Assert.Equal("RNNG019", diagnostic.Id);
        Assert.Equal("Predict", located);
        Assert.StartsWith("'M' implements 'IRnnModel.Predict(ReadOnlySpan<float>, Span<float>)' explicitly", diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Empty(run.CompilationProblems);
    }

    [Fact]
    public void RNNG019_is_reported_beside_errors_that_stop_the_model()
    {
        GeneratorHarness.Run run = GeneratorHarness.RunGenerator($$"""
            [RnnGen.Rnn(TimeSteps = 0, HiddenUnits = 2)]
            internal partial class M : RnnGen.IRnnModel { void RnnGen.IRnnModel.ResetStates() { } }
            """);

        Assert.Equal(["RNNG003", "RNNG019"], run.GeneratorDiagnostics.Select(d => d.Id).Order());
    }

    [Fact]
    public void Listing_IRnnModel_compiles_cleanly() =>
        Expect.Clean(GeneratorHarness.RunGenerator($"{Stack} internal partial class M : RnnGen.IRnnModel {{ }}"));

    // Language version (CS8400, CS8936, ... in the generated file).

    [Theory]
    [InlineData(LanguageVersion.CSharp8, Model, "class", "8.0")]
    [InlineData(LanguageVersion.CSharp9, Model, "struct", "9.0")]
    [InlineData(LanguageVersion.CSharp10, Stack, "class", "10.0")]
    public void RNNG020_a_language_version_before_CSharp_11_is_reported_on_the_attribute(LanguageVersion version, string attributes, string kind, string named)
    {
        string source = $"{attributes}\ninternal partial {kind} M {{ }}";
        Diagnostic diagnostic = Expect.SingleError(GeneratorHarness.RunGenerator(version, source), source, out string located);

        Assert.Equal("RNNG020", diagnostic.Id);
        Assert.Equal("RnnGen.Rnn(", located.Substring(0, "RnnGen.Rnn(".Length));
        Assert.StartsWith($"RnnGen's generated code needs C# 11.0 or later, but this code is compiled as C# {named}", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(Model, "class")]
    [InlineData(Model, "struct")]
    [InlineData(Stack, "struct")]
    public void CSharp_11_compiles_cleanly(string attributes, string kind) =>
        Expect.Clean(GeneratorHarness.RunGenerator(LanguageVersion.CSharp11, $"{attributes} internal partial {kind} M {{ }}"));

    // Sizes whose offsets overflow an int before the size limit is checked.

    [Theory]
    [InlineData("[RnnGen.Dense(4096)]", 40)]
    [InlineData("[RnnGen.SimpleRnn(4096, ReturnSequences = true)]", 40)]
    [InlineData("[RnnGen.SimpleRnn(4096, ReturnSequences = true)]", 200)]
    [InlineData("[RnnGen.Dense(4096)]", 300)]
    public void RNNG008_stacks_past_int_offsets_are_refused_without_an_exception(string layer, int count)
    {
        string source = "[RnnGen.Rnn(TimeSteps = 4096, Features = 4096)] [RnnGen.SimpleRnn(4096, ReturnSequences = true)]"
            + string.Concat(Enumerable.Repeat(layer, count))
            + "\ninternal partial class M { }";
        Diagnostic diagnostic = Expect.SingleError(GeneratorHarness.RunGenerator(source), source, out _);

        Assert.Equal("RNNG008", diagnostic.Id);
        long recurrentWeights = 2L * 4096 * 4096 + 4096;
        long each = layer.Contains("SimpleRnn", StringComparison.Ordinal) ? recurrentWeights : 4096L * 4096 + 4096;
        long floats = 2 * (recurrentWeights + count * each);
        Assert.StartsWith($"The model needs {floats.ToString(CultureInfo.InvariantCulture)} floats of parameters and gradients", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }
}
