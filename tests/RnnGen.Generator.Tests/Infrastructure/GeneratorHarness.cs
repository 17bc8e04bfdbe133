using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RnnGen.Generator.Tests.Infrastructure;

/// <summary>
/// Runs <see cref="RnnGenerator"/> in-process with <see cref="CSharpGeneratorDriver"/> over the
/// running runtime's assemblies plus the RnnGen runtime, the way the compiler runs it in a build.
/// </summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions =
        new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    public sealed record Run(
        GeneratorDriver Driver,
        Compilation Input,
        Compilation Output,
        GeneratorDriverRunResult Result)
    {
        public ImmutableArray<Diagnostic> GeneratorDiagnostics => Result.Diagnostics;

        /// <summary>Errors and warnings of the user's code compiled together with the generated code.</summary>
        public ImmutableArray<Diagnostic> CompilationProblems =>
            Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();
    }

    public static CSharpCompilation Compile(params string[] sources) => Compile(ParseOptions, sources);

    public static CSharpCompilation Compile(CSharpParseOptions options, params string[] sources) =>
        CSharpCompilation.Create(
            "UserAssembly",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, options, path: $"User{i}.cs")),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver() => CreateDriver(ParseOptions);

    public static GeneratorDriver CreateDriver(CSharpParseOptions options) =>
        CSharpGeneratorDriver.Create(
            [new RnnGenerator().AsSourceGenerator()],
            parseOptions: options,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static Run RunGenerator(params string[] sources) => RunGenerator(CreateDriver(), Compile(sources));

    /// <summary>The user's code and the generated code parsed as <paramref name="version"/>, as a project's LangVersion sets it.</summary>
    public static Run RunGenerator(LanguageVersion version, params string[] sources)
    {
        CSharpParseOptions options = ParseOptions.WithLanguageVersion(version);
        return RunGenerator(CreateDriver(options), Compile(options, sources));
    }

    public static Run RunGenerator(GeneratorDriver driver, Compilation input)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(input, out Compilation output, out _);
        return new Run(driver, input, output, driver.GetRunResult());
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        string frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetDirectoryName(path) == frameworkDirectory)
            .Append(typeof(RnnAttribute).Assembly.Location)
            .Append(typeof(System.Numerics.Tensors.TensorPrimitives).Assembly.Location)
            .Distinct();
        return paths.Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToImmutableArray();
    }
}
