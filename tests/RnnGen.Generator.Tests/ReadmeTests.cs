using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RnnGen.Generator.Tests.Infrastructure;

namespace RnnGen.Generator.Tests;

/// <summary>Every ```csharp block of README.md compiles, with the generator, as a newcomer would paste it.</summary>
public partial class ReadmeTests
{
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Threading.Tasks;
        """;

    public static TheoryData<int> Blocks()
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < CodeBlocks().Count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Blocks))]
    public void The_README_code_block_compiles(int block)
    {
        string code = CodeBlocks()[block];
        SyntaxTree tree = CSharpSyntaxTree.ParseText(code, GeneratorHarness.ParseOptions.WithDocumentationMode(DocumentationMode.Parse), path: "Readme.cs");
        bool hasStatements = tree.GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().Any();
        Compilation input = GeneratorHarness.Compile()
            .AddSyntaxTrees(tree, CSharpSyntaxTree.ParseText(ImplicitUsings, GeneratorHarness.ParseOptions, path: "Usings.cs"))
            .WithOptions(new CSharpCompilationOptions(hasStatements ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        GeneratorHarness.Run run = GeneratorHarness.RunGenerator(GeneratorHarness.CreateDriver(), input);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void The_README_has_code_to_compile() => Assert.NotEmpty(CodeBlocks());

    private static List<string> CodeBlocks() =>
        CsharpBlock().Matches(File.ReadAllText(ReadmePath())).Select(match => match.Groups[1].Value).ToList();

    private static string ReadmePath()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            string candidate = Path.Combine(folder.FullName, "README.md");
            if (File.Exists(candidate) && Directory.Exists(Path.Combine(folder.FullName, "generator")))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("README.md not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CsharpBlock();
}
