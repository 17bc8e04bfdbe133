using Microsoft.CodeAnalysis;
using RnnGen.Generator.Tests.Infrastructure;

namespace RnnGen.Generator.Tests;

/// <summary>
/// Every invalid stack of layer attributes gets one RnnGen error on the offending attribute, and
/// nothing is generated for the type (so no cascade of compiler errors follows).
/// </summary>
public class LayerDiagnosticTests
{
    private static Diagnostic SingleDiagnostic(string source, out string located) =>
        Expect.SingleError(GeneratorHarness.RunGenerator(source), source, out located);

    [Fact]
    public void RNNG009_a_layer_attribute_without_Rnn_is_reported_on_it()
    {
        Diagnostic diagnostic = SingleDiagnostic("""
            [RnnGen.SimpleRnn(4)]
            public partial class Model { }
            """, out string located);

        Assert.Equal("RNNG009", diagnostic.Id);
        Assert.Equal("RnnGen.SimpleRnn(4)", located);
        Assert.Contains("'Model' has [SimpleRnn] but no [Rnn]", diagnostic.GetMessage());
    }

    [Fact]
    public void RNNG010_layers_on_another_partial_declaration_are_reported()
    {
        Diagnostic diagnostic = SingleDiagnostic("""
            [RnnGen.Rnn(TimeSteps = 4)]
            [RnnGen.SimpleRnn(4)]
            public partial class Model { }

            [RnnGen.Dense(1)]
            public partial class Model { }
            """, out string located);

        Assert.Equal("RNNG010", diagnostic.Id);
        Assert.Equal("RnnGen.Dense(1)", located);
    }

    [Fact]
    public void RNNG011_shorthand_mixed_with_layers_is_reported_on_the_shorthand_argument()
    {
        Diagnostic diagnostic = SingleDiagnostic("""
            [RnnGen.Rnn(TimeSteps = 4, HiddenUnits = 3)]
            [RnnGen.SimpleRnn(4)]
            public partial class Model { }
            """, out string located);

        Assert.Equal("RNNG011", diagnostic.Id);
        Assert.Equal("HiddenUnits = 3", located);
    }

    [Fact]
    public void RNNG012_a_stack_without_a_recurrent_layer_is_reported()
    {
        Diagnostic diagnostic = SingleDiagnostic("""
            [RnnGen.Rnn(TimeSteps = 4)]
            [RnnGen.Dense(4)]
            [RnnGen.Dense(1)]
            public partial class Model { }
            """, out _);

        Assert.Equal("RNNG012", diagnostic.Id);
        Assert.Contains("has only Dense layers", diagnostic.GetMessage());
    }

    [Fact]
    public void RNNG013_an_inner_recurrent_layer_must_return_sequences()
    {
        Diagnostic diagnostic = SingleDiagnostic("""
            [RnnGen.Rnn(TimeSteps = 4)]
            [RnnGen.SimpleRnn(8)]
            [RnnGen.Dense(4)]
            [RnnGen.SimpleRnn(2)]
            public partial class Model { }
            """, out string located);

        Assert.Equal("RNNG013", diagnostic.Id);
        Assert.Equal("RnnGen.SimpleRnn(8)", located);
        Assert.Equal("[SimpleRnn(8)] (layer 0) feeds the recurrent layer [SimpleRnn(2)] (layer 2), so it must return sequences: set ReturnSequences = true", diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("[RnnGen.SimpleRnn(0)]", "SimpleRnn units = 0", "0")]
    [InlineData("[RnnGen.Dense(5000)]", "Dense units = 5000", "5000")]
    public void RNNG003_layer_units_out_of_range_are_reported_on_the_units(string layer, string message, string located)
    {
        Diagnostic diagnostic = SingleDiagnostic($$"""
            [RnnGen.Rnn(TimeSteps = 4)]
            [RnnGen.SimpleRnn(3, ReturnSequences = true)]
            {{layer}}
            public partial class Model { }
            """, out string text);

        Assert.Equal("RNNG003", diagnostic.Id);
        Assert.StartsWith(message, diagnostic.GetMessage());
        Assert.Equal(located, text);
    }

    [Fact]
    public void RNNG005_an_undefined_layer_activation_is_reported_on_the_argument()
    {
        Diagnostic diagnostic = SingleDiagnostic("""
            [RnnGen.Rnn(TimeSteps = 4)]
            [RnnGen.SimpleRnn(3, Activation = (RnnGen.Activation)42)]
            public partial class Model { }
            """, out string located);

        Assert.Equal("RNNG005", diagnostic.Id);
        Assert.Equal("Activation = (RnnGen.Activation)42", located);
    }

    [Fact]
    public void RNNG008_a_stack_too_large_is_reported()
    {
        Diagnostic diagnostic = SingleDiagnostic("""
            [RnnGen.Rnn(TimeSteps = 4096, Features = 4096)]
            [RnnGen.SimpleRnn(4096, ReturnSequences = true)]
            [RnnGen.SimpleRnn(4096)]
            public partial class Model { }
            """, out _);

        Assert.Equal("RNNG008", diagnostic.Id);
    }
}
