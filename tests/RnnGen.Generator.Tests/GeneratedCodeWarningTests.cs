using RnnGen.Generator.Tests.Infrastructure;

namespace RnnGen.Generator.Tests;

/// <summary>
/// Generated code builds under warnings-as-errors for every backend and flag: no self-assignment
/// (CS1717), unused local or unreachable code, compiled with the user's code.
/// </summary>
public class GeneratedCodeWarningTests
{
    [Theory]
    [InlineData("[Rnn(TimeSteps = 12, HiddenUnits = 3, DenseUnits = 2)]")]
    [InlineData("[Rnn(TimeSteps = 12, HiddenUnits = 6, DenseUnits = 2)]")]
    [InlineData("[Rnn(TimeSteps = 12, HiddenUnits = 6, DenseUnits = 1, ReturnSequences = true)]")]
    [InlineData("[Rnn(TimeSteps = 12, HiddenUnits = 6, DenseUnits = 5, Stateful = true)]")]
    [InlineData("[Rnn(TimeSteps = 12, HiddenUnits = 1, DenseUnits = 1, HiddenActivation = Activation.Linear)]")]
    [InlineData("[Rnn(TimeSteps = 4, Features = 9)] [SimpleRnn(4, UseBias = false, GoBackwards = true)] [Dense(8, UseBias = false)]")]
    [InlineData("[Rnn(TimeSteps = 4, Features = 2, Stateful = true)] [SimpleRnn(2, ReturnSequences = true)] [Dense(1, Activation = Activation.Relu)]")]
    [InlineData("[Rnn(TimeSteps = 4, Features = 2)] [Lstm(2, UseBias = false, GoBackwards = true, ReturnSequences = true)] [Dense(1)]")]
    [InlineData("[Rnn(TimeSteps = 4, Features = 2, Stateful = true)] [Lstm(12, Activation = Activation.Swish, RecurrentActivation = Activation.Swish)] [Dense(1)]")]
    [InlineData("[Rnn(TimeSteps = 4, Features = 2)] [Lstm(3, Activation = Activation.Swish, RecurrentActivation = Activation.HardSigmoidKeras2)]")]
    public void Generated_code_has_no_warning(string attributes)
    {
        GeneratorHarness.Run run = GeneratorHarness.RunGenerator($$"""
            using RnnGen;

            /// <summary>A model.</summary>
            {{attributes}}
            public partial class Model { }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
    }
}
