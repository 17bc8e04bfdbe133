using RnnGen.Generator.Tests.Infrastructure;

namespace RnnGen.Generator.Tests;

/// <summary>
/// Half-typed and broken code, as an editor feeds it to the generator on every keystroke: the
/// generator must never throw (which the compiler would report as CS8785 or AD0001).
/// </summary>
public class RobustnessTests
{
    public static TheoryData<string> BrokenSources => new()
    {
        "[RnnGen.Rnn(TimeSteps = ",
        "[RnnGen.Rnn(TimeSteps = 3, HiddenUnits = )] public partial class M { }",
        "[RnnGen.Rnn(TimeSteps = \"12\", HiddenUnits = 2)] public partial class M { }",
        "[RnnGen.Rnn(TimeSteps = 3, HiddenUnits = RnnGen.Activation.Tanh)] public partial class M { }",
        "[RnnGen.Rnn(TimeSteps = 1 / 0, HiddenUnits = 2)] public partial class M { }",
        "[RnnGen.Rnn(TimeSteps = Missing.Value, HiddenUnits = 2)] public partial class M { }",
        "[RnnGen.Rnn(3, 2)] public partial class M { }",
        "[RnnGen.Rnn(TimeSteps = 3, HiddenUnits = 2)] public partial interface I { }",
        "[RnnGen.Rnn(TimeSteps = 3, HiddenUnits = 2)] public partial enum E { }",
        "[RnnGen.Rnn(TimeSteps = 3, HiddenUnits = 2)] public partial record class R(int X);",
        "[RnnGen.Rnn(TimeSteps = 3, HiddenUnits = 2)] [RnnGen.Rnn(TimeSteps = 4, HiddenUnits = 2)] public partial class Twice { }",
        "[RnnGen.Rnn(TimeSteps = 3, HiddenUnits = 2)] public partial class Split { } [RnnGen.Rnn(TimeSteps = 3, HiddenUnits = 2)] public partial class Split { }",
        "[RnnGen.Rnn(TimeSteps = 3, HiddenUnits = 2)] public partial class Generic<T> where T : struct { }",
        "[RnnGen.Rnn(TimeSteps = 3, HiddenUnits = 2)] public partial class",
        "[RnnGen.Rnn(TimeSteps = 3, HiddenUnits = 2)] partial class { }",
        "namespace N { class Outer<T> { [RnnGen.Rnn(TimeSteps = 3, HiddenUnits = 2)] partial struct M { } } }",
        "[RnnGen.Rnn(TimeSteps = int.MaxValue, Features = int.MaxValue, HiddenUnits = int.MaxValue, DenseUnits = int.MaxValue)] public partial class Huge { }",
    };

    [Theory]
    [MemberData(nameof(BrokenSources))]
    public void The_generator_never_throws_on_broken_or_half_typed_code(string source)
    {
        GeneratorHarness.Run run = GeneratorHarness.RunGenerator(source);

        Assert.Null(Assert.Single(run.Result.Results).Exception);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "CS8785" or "AD0001");
        Assert.DoesNotContain(run.Output.GetDiagnostics(), d => d.Id is "CS8785" or "AD0001");
    }

    [Fact]
    public void A_record_model_is_generated_and_compiles()
    {
        GeneratorHarness.Run run = GeneratorHarness.RunGenerator("""
            /// <summary>A record model.</summary>
            [RnnGen.Rnn(TimeSteps = 3, HiddenUnits = 2)]
            public partial record ModelRecord;
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        Assert.Single(Assert.Single(run.Result.Results).GeneratedSources);
    }

    [Fact]
    public void A_generic_model_is_generated_and_compiles()
    {
        GeneratorHarness.Run run = GeneratorHarness.RunGenerator("""
            /// <summary>A generic model.</summary>
            /// <typeparam name="TTag">A tag.</typeparam>
            [RnnGen.Rnn(TimeSteps = 3, HiddenUnits = 2)]
            public partial class Tagged<TTag> where TTag : struct { }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        Assert.Equal("Tagged{TTag}.g.cs", Assert.Single(Assert.Single(run.Result.Results).GeneratedSources).HintName);
    }
}
