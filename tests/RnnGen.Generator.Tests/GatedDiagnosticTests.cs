using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using RnnGen.Generator.Emit;
using RnnGen.Generator.Model;
using RnnGen.Generator.Parsing;
using RnnGen.Generator.Tests.Infrastructure;

namespace RnnGen.Generator.Tests;

using Activation = RnnGen.Generator.Model.Activation;
using LayerKind = RnnGen.Generator.Model.LayerKind;

/// <summary>
/// [Lstm] and [Gru] are read like the other layer attributes: in source order, with every layer
/// diagnostic applying to them, and a MergeMode refused (RNNG021) where no Bidirectional layer takes it.
/// </summary>
public class GatedDiagnosticTests
{
    /// <summary>The generator's diagnostics on a source the compiler accepts, each with the text it points at.</summary>
    private static List<(Diagnostic Diagnostic, string Located)> Errors(string source)
    {
        GeneratorHarness.Run run = GeneratorHarness.RunGenerator(source);
        Assert.Null(Assert.Single(run.Result.Results).Exception);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return run.GeneratorDiagnostics
            .Select(d => (d, source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length)))
            .ToList();
    }

    private static (Diagnostic Diagnostic, string Located) SingleError(string source)
    {
        var (diagnostic, located) = Assert.Single(Errors(source));
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("https://github.com/rnngen/RnnGen/blob/main/docs/diagnostics.md#" + diagnostic.Id.ToLowerInvariant(), diagnostic.Descriptor.HelpLinkUri);
        return (diagnostic, located);
    }

    [Theory]
    [InlineData("Lstm")]
    [InlineData("Gru")]
    public void RNNG003_gated_units_out_of_range_are_reported_on_the_units(string attribute)
    {
        var (diagnostic, located) = SingleError($$"""
            [RnnGen.Rnn(TimeSteps = 4)]
            [RnnGen.{{attribute}}(0)]
            [RnnGen.Dense(1)]
            public partial class Model { }
            """);

        Assert.Equal("RNNG003", diagnostic.Id);
        Assert.Equal("0", located);
        Assert.Contains(attribute + " units", diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("Activation = (RnnGen.Activation)99", "Activation")]
    [InlineData("RecurrentActivation = (RnnGen.Activation)99", "RecurrentActivation")]
    public void RNNG005_an_undefined_gate_activation_is_reported_on_its_argument(string argument, string name)
    {
        var (diagnostic, located) = SingleError($$"""
            [RnnGen.Rnn(TimeSteps = 4)]
            [RnnGen.Lstm(3, {{argument}})]
            public partial class Model { }
            """);

        Assert.Equal("RNNG005", diagnostic.Id);
        Assert.Equal(argument, located);
        Assert.Contains(name, diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("Lstm")]
    [InlineData("Gru")]
    public void RNNG009_a_gated_layer_without_Rnn_is_reported_on_it(string attribute)
    {
        var (diagnostic, located) = SingleError($$"""
            [RnnGen.{{attribute}}(4)]
            public partial class Model { }
            """);

        Assert.Equal("RNNG009", diagnostic.Id);
        Assert.Equal($"RnnGen.{attribute}(4)", located);
        Assert.Contains($"'Model' has [{attribute}] but no [Rnn]", diagnostic.GetMessage());
    }

    [Fact]
    public void RNNG010_gated_layers_on_another_partial_declaration_are_reported()
    {
        var (diagnostic, located) = SingleError("""
            [RnnGen.Rnn(TimeSteps = 4)]
            [RnnGen.SimpleRnn(4, ReturnSequences = true)]
            public partial class Model { }

            [RnnGen.Gru(2)]
            public partial class Model { }
            """);

        Assert.Equal("RNNG010", diagnostic.Id);
        Assert.Equal("RnnGen.Gru(2)", located);
    }

    [Fact]
    public void RNNG011_the_shorthand_mixed_with_a_gated_layer_is_reported()
    {
        var (diagnostic, located) = SingleError("""
            [RnnGen.Rnn(TimeSteps = 4, HiddenUnits = 3)]
            [RnnGen.Lstm(4)]
            public partial class Model { }
            """);

        Assert.Equal("RNNG011", diagnostic.Id);
        Assert.Equal("HiddenUnits = 3", located);
    }

    [Theory]
    [InlineData("Lstm(8)", "Gru(2)", "[Lstm(8)] (layer 0)")]
    [InlineData("Gru(8)", "SimpleRnn(2)", "[Gru(8)] (layer 0)")]
    [InlineData("SimpleRnn(8)", "Lstm(2)", "[SimpleRnn(8)] (layer 0)")]
    public void RNNG013_an_inner_gated_layer_must_return_sequences(string inner, string outer, string described)
    {
        var (diagnostic, located) = SingleError($$"""
            [RnnGen.Rnn(TimeSteps = 4)]
            [RnnGen.{{inner}}]
            [RnnGen.{{outer}}]
            public partial class Model { }
            """);

        Assert.Equal("RNNG013", diagnostic.Id);
        Assert.Equal($"RnnGen.{inner}", located);
        Assert.Contains(described, diagnostic.GetMessage());
    }

    [Fact]
    public void RNNG008_a_gated_stack_too_large_is_reported()
    {
        var (diagnostic, _) = SingleError("""
            [RnnGen.Rnn(TimeSteps = 4096, Features = 4096)]
            [RnnGen.Lstm(4096, ReturnSequences = true)]
            [RnnGen.Gru(4096)]
            public partial class Model { }
            """);

        Assert.Equal("RNNG008", diagnostic.Id);
    }

    [Theory]
    [InlineData("Lstm", "MergeMode = RnnGen.MergeMode.Sum")]
    [InlineData("SimpleRnn", "MergeMode = RnnGen.MergeMode.Ave")]
    [InlineData("Gru", "MergeMode = RnnGen.MergeMode.Concat")]
    public void RNNG021_a_merge_mode_without_bidirectional_is_refused_on_the_argument(string attribute, string argument)
    {
        var (diagnostic, located) = SingleError($$"""
            [RnnGen.Rnn(TimeSteps = 4)]
            [RnnGen.{{attribute}}(3, {{argument}})]
            [RnnGen.Dense(1)]
            public partial class Model { }
            """);

        Assert.Equal("RNNG021", diagnostic.Id);
        Assert.Equal(argument, located);
        Assert.Equal("MergeMode does not apply here: it needs a layer with Bidirectional = true; add that, or remove MergeMode", diagnostic.GetMessage());
    }

    [Fact]
    public void RNNG021_a_merge_mode_that_the_enum_does_not_define_is_refused()
    {
        var (diagnostic, located) = SingleError("""
            [RnnGen.Rnn(TimeSteps = 4)]
            [RnnGen.Lstm(3, Bidirectional = true, MergeMode = (RnnGen.MergeMode)7)]
            [RnnGen.Dense(1)]
            public partial class Model { }
            """);

        Assert.Equal("RNNG021", diagnostic.Id);
        Assert.Equal("MergeMode = (RnnGen.MergeMode)7", located);
        Assert.Contains("a member of MergeMode: Concat, Sum, Mul or Ave", diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("SimpleRnn", "")]
    [InlineData("Lstm", ", MergeMode = RnnGen.MergeMode.Mul")]
    [InlineData("Gru", ", MergeMode = RnnGen.MergeMode.Ave, ResetAfter = false")]
    [InlineData("Gru", ", MergeMode = RnnGen.MergeMode.Sum, GoBackwards = true")]
    public void Bidirectional_layers_of_every_kind_generate_without_diagnostics(string attribute, string options)
    {
        GeneratorHarness.Run run = GeneratorHarness.RunGenerator($$"""
            [RnnGen.Rnn(TimeSteps = 4, Features = 2)]
            [RnnGen.{{attribute}}(3, Bidirectional = true, ReturnSequences = true{{options}})]
            [RnnGen.Dense(1)]
            public partial class Model { }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity != DiagnosticSeverity.Hidden));
        Assert.Single(Assert.Single(run.Result.Results).GeneratedSources);
    }

    [Fact]
    public void A_valid_gated_stack_has_no_other_error()
    {
        Assert.Empty(Errors("""
            [RnnGen.Rnn(TimeSteps = 4, Features = 2)]
            [RnnGen.Lstm(8, ReturnSequences = true, RecurrentActivation = RnnGen.Activation.Sigmoid, UnitForgetBias = false)]
            [RnnGen.Gru(4, ResetAfter = false, GoBackwards = true)]
            [RnnGen.Dense(1)]
            public partial class Model { }
            """));
    }

    [Fact]
    public void Lstm_and_gru_layers_of_either_reset_after_generate_without_diagnostics()
    {
        GeneratorHarness.Run run = GeneratorHarness.RunGenerator("""
            [RnnGen.Rnn(TimeSteps = 4)]
            [RnnGen.Lstm(3, ReturnSequences = true)]
            [RnnGen.Gru(2, ReturnSequences = true)]
            [RnnGen.Gru(2, ResetAfter = false)]
            public partial class Model { }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity != DiagnosticSeverity.Hidden));
        Assert.Single(Assert.Single(run.Result.Results).GeneratedSources);
    }

    private static LayerReader.Layer Layer(LayerKind kind, int units, bool returnSequences = false, bool resetAfter = false, bool useBias = true) =>
        new(kind, units, Activation.Tanh, useBias, returnSequences, GoBackwards: false, Activation.Sigmoid, UnitForgetBias: kind == LayerKind.Lstm, ResetAfter: resetAfter);

    [Fact]
    public void Gated_layers_are_laid_out_with_their_gate_blocks_and_Keras_names()
    {
        EquatableArray<LayerSpec> specs = LayerReader.LayOut(
            ImmutableArray.Create(
                Layer(LayerKind.Lstm, 3, returnSequences: true),
                Layer(LayerKind.Gru, 2, returnSequences: true, resetAfter: true),
                Layer(LayerKind.Gru, 2, resetAfter: false),
                Layer(LayerKind.Dense, 1)),
            features: 5,
            LayerBackend.Loops);

        Assert.Equal([5 * 12, 3 * 12, 12], specs[0].Weights.Select(static w => w.Length).ToArray()); // blocks i, f, c, o side by side
        Assert.Equal(["lstm", "gru", "gru_1", "dense"], specs.Select(static l => l.Name).ToArray());
        Assert.Equal(2 * 3 * 2, specs[1].Weights[2].Length); // reset_after: bias [2, 3U]
        Assert.Equal(3 * 2, specs[2].Weights[2].Length); // bias [3U]
        Assert.Equal([0, 6, 8, 10], specs.Select(static l => l.StateOffset).ToArray()); // LSTM state [h, c]
        Assert.Equal([4, 3, 3, 1], specs.Select(static l => l.Blocks).ToArray());
        Assert.Equal(4 * 3 * (5 + 3 + 1), specs[0].ParameterCount);
    }

    [Fact]
    public void Gated_options_are_part_of_the_spec_value()
    {
        EquatableArray<LayerSpec> Lay(bool resetAfter) =>
            LayerReader.LayOut(ImmutableArray.Create(Layer(LayerKind.Gru, 2, resetAfter: resetAfter)), features: 1, LayerBackend.Loops);

        Assert.Equal(Lay(true), Lay(true));
        Assert.NotEqual(Lay(true), Lay(false));
        Assert.Equal("GRU(2, tanh, recurrent_activation=sigmoid, reset_after=False)", Lay(false)[0].Describe());
    }
}
