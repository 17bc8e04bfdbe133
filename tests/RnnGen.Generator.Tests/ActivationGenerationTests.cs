using RnnGen.Generator.Tests.Infrastructure;

namespace RnnGen.Generator.Tests;

/// <summary>
/// Every activation DESIGN.md adds is accepted by every attribute that takes an Activation (no
/// RNNG005), reaches the layout, and generates code that builds without a warning on every backend.
/// </summary>
public class ActivationGenerationTests
{
    public static TheoryData<string> NewActivations => new()
    {
        "HardSigmoid", "HardSigmoidKeras2", "Elu", "Selu", "Softplus", "Softsign", "Swish",
    };

    [Theory]
    [MemberData(nameof(NewActivations))]
    public void Generated_code_has_no_warning_on_any_backend(string activation)
    {
        // SimpleRNN(3): register; SimpleRNN(6): unrolled; SimpleRNN(20), Dense(12): loops; Dense(2): unrolled.
        GeneratorHarness.Run run = GeneratorHarness.RunGenerator($$"""
            using RnnGen;

            /// <summary>A model.</summary>
            [Rnn(TimeSteps = 4, Features = 2)]
            [SimpleRnn(3, Activation = Activation.{{activation}}, ReturnSequences = true)]
            [SimpleRnn(6, Activation = Activation.{{activation}}, ReturnSequences = true, GoBackwards = true)]
            [SimpleRnn(20, Activation = Activation.{{activation}}, ReturnSequences = true)]
            [Dense(12, Activation = Activation.{{activation}})]
            [SimpleRnn(6, Activation = Activation.{{activation}})]
            [Dense(2, Activation = Activation.{{activation}})]
            public partial class Model { }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
    }

    [Theory]
    [MemberData(nameof(NewActivations))]
    public void The_shorthand_takes_it_as_hidden_and_dense_activation(string activation)
    {
        GeneratorHarness.Run run = GeneratorHarness.RunGenerator($$"""
            using RnnGen;

            /// <summary>A model.</summary>
            [Rnn(TimeSteps = 4, HiddenUnits = 3, HiddenActivation = Activation.{{activation}}, DenseActivation = Activation.{{activation}})]
            public partial class Model { }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        string generated = Assert.Single(Assert.Single(run.Result.Results).GeneratedSources).SourceText.ToString();
        Assert.Contains($"SimpleRnn(3, global::RnnGen.Activation.{activation},", generated);
        Assert.Contains($"Dense(1, global::RnnGen.Activation.{activation},", generated);
    }

    [Theory]
    [InlineData("HardSigmoid", "hard_sigmoid")]
    [InlineData("HardSigmoidKeras2", "hard_sigmoid_keras2")]
    [InlineData("Elu", "elu")]
    [InlineData("Selu", "selu")]
    [InlineData("Softplus", "softplus")]
    [InlineData("Softsign", "softsign")]
    [InlineData("Swish", "silu")]
    public void The_layer_attributes_take_it_and_the_header_names_it_as_Keras_does(string activation, string kerasName)
    {
        GeneratorHarness.Run run = GeneratorHarness.RunGenerator($$"""
            using RnnGen;

            /// <summary>A model.</summary>
            [Rnn(TimeSteps = 4)]
            [SimpleRnn(3, Activation = Activation.{{activation}})]
            [Dense(1, Activation = Activation.{{activation}})]
            public partial class Model { }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        string generated = Assert.Single(Assert.Single(run.Result.Results).GeneratedSources).SourceText.ToString();
        Assert.Contains($"SimpleRNN(3, {kerasName}) → Dense(1, {kerasName})", generated);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(-1)]
    public void RNNG005_still_reports_a_value_past_the_enum(int value)
    {
        GeneratorHarness.Run run = GeneratorHarness.RunGenerator($$"""
            [RnnGen.Rnn(TimeSteps = 4)]
            [RnnGen.SimpleRnn(3)]
            [RnnGen.Dense(1, Activation = (RnnGen.Activation)({{value}}))]
            public partial class Model { }
            """);

        Assert.Equal("RNNG005", Assert.Single(run.GeneratorDiagnostics).Id);
    }
}
