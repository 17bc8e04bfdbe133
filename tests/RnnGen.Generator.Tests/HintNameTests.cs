using RnnGen.Generator.Tests.Infrastructure;

namespace RnnGen.Generator.Tests;

/// <summary>
/// Every legal declaration gets a valid, unique hint name: a bad or duplicate name makes Roslyn
/// throw inside the generator (CS8785), and then every model of the project loses its code.
/// </summary>
public class HintNameTests
{
    private const string Attribute = "[RnnGen.Rnn(TimeSteps = 3, HiddenUnits = 2)]";

    public static TheoryData<string[], string[]> Declarations => new()
    {
        {
            [$"namespace Acme.@class.@event; /// <summary>m</summary>\n{Attribute} public partial class M {{ }}"],
            ["Acme.class.event.M.g.cs"]
        },
        {
            [$"namespace N; /// <summary>m</summary>\n{Attribute} public partial class @class {{ }}"],
            ["N.class.g.cs"]
        },
        {
            [$"namespace N; /// <summary>m</summary>\n/// <typeparam name=\"T\">t</typeparam>\n{Attribute} public partial class M<T> {{ }} /// <summary>m</summary>\n{Attribute} public partial class M_1 {{ }}"],
            ["N.M{T}.g.cs", "N.M_1.g.cs"]
        },
        {
            [$"namespace N; /// <summary>m</summary>\n{Attribute} public partial class Model {{ }} /// <summary>m</summary>\n{Attribute} public partial class model {{ }}"],
            ["N.Model (ad2405bdb7df4443).g.cs", "N.model (8575c2be1a4e04a3).g.cs"]
        },
        {
            [$"namespace Ünïcode.Ωmega; /// <summary>m</summary>\n{Attribute} public partial class Modèle {{ }}"],
            ["Ünïcode.Ωmega.Modèle.g.cs"]
        },
        {
            [$"namespace N; /// <summary>o</summary>\n/// <typeparam name=\"T\">t</typeparam>\n/// <typeparam name=\"U\">u</typeparam>\npublic partial class Outer<T, U> {{ /// <summary>m</summary>\n{Attribute} public partial struct M {{ }} }}"],
            ["N.Outer{T,U}.M.g.cs"]
        },
    };

    [Theory]
    [MemberData(nameof(Declarations))]
    public void Every_model_gets_a_valid_unique_hint_name_and_compiles(string[] sources, string[] expectedHintNames)
    {
        GeneratorHarness.Run run = GeneratorHarness.RunGenerator(sources);

        Assert.Null(Assert.Single(run.Result.Results).Exception);
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id is "CS8785" or "AD0001");
        Assert.Empty(run.CompilationProblems);
        string[] hintNames = Assert.Single(run.Result.Results).GeneratedSources.Select(s => s.HintName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expectedHintNames.Order(StringComparer.Ordinal), hintNames);
    }

    [Fact]
    public void Adding_a_model_that_differs_only_in_case_renames_only_the_two_colliding_files()
    {
        GeneratorHarness.Run run = GeneratorHarness.RunGenerator(
            $"namespace N; /// <summary>m</summary>\n{Attribute} public partial class Model {{ }}",
            $"namespace N; /// <summary>m</summary>\n{Attribute} public partial class MODEL {{ }}",
            $"namespace N; /// <summary>m</summary>\n{Attribute} public partial class Other {{ }}");

        string[] hintNames = Assert.Single(run.Result.Results).GeneratedSources.Select(s => s.HintName).ToArray();
        Assert.Contains("N.Other.g.cs", hintNames);
        Assert.Equal(2, hintNames.Count(name => name.StartsWith("N.Model (", StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(3, hintNames.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }
}
