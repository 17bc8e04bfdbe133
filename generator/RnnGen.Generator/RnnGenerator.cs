using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RnnGen.Generator.Emit;
using RnnGen.Generator.Model;
using RnnGen.Generator.Parsing;

namespace RnnGen.Generator;

/// <summary>
/// The pipeline only: find types marked <c>[RnnGen.Rnn]</c>, parse each into a value-equal
/// <see cref="ModelSpec"/> plus diagnostics, report the diagnostics, emit one file per spec.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class RnnGenerator : IIncrementalGenerator
{
    public const string AttributeMetadataName = "RnnGen.RnnAttribute";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<ParseResult> results = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                AttributeMetadataName,
                predicate: static (node, _) => node is TypeDeclarationSyntax,
                transform: static (attributeContext, cancellationToken) => ModelParser.Parse(attributeContext, cancellationToken))
            .WithTrackingName(TrackingNames.ParseResults);

        IncrementalValuesProvider<DiagnosticInfo> diagnostics = results
            .SelectMany(static (result, _) => result.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);

        IncrementalValuesProvider<ModelSpec> specs = results
            .Where(static result => result.Spec is not null)
            .Select(static (result, _) => result.Spec!)
            .WithTrackingName(TrackingNames.Specs);

        // Hint names equal but for case collide in Roslyn; only the colliding ones change, so adding
        // an unrelated model leaves every other model's output cached.
        IncrementalValueProvider<EquatableArray<string>> collisions = specs
            .Select(static (spec, _) => spec.HintName)
            .Collect()
            .Select(static (names, _) => HintNames.Collisions(names))
            .WithTrackingName(TrackingNames.HintNameCollisions);

        IncrementalValuesProvider<ModelSpec> named = specs
            .Combine(collisions)
            .Select(static (pair, _) => pair.Left with { HintName = HintNames.Disambiguate(pair.Left.HintName, pair.Right) })
            .WithTrackingName(TrackingNames.NamedSpecs);

        // A layer attribute without [Rnn] is reported once per attribute, on the attribute.
        foreach (string layerAttribute in LayerReader.AttributeNames)
        {
            IncrementalValuesProvider<DiagnosticInfo> orphans = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    layerAttribute,
                    predicate: static (node, _) => node is TypeDeclarationSyntax,
                    transform: static (attributeContext, _) => OrphanLayers.Check(attributeContext))
                .SelectMany(static (found, _) => found)
                .WithTrackingName(TrackingNames.OrphanLayers);
            context.RegisterSourceOutput(orphans, static (output, diagnostic) => output.ReportDiagnostic(diagnostic.ToDiagnostic()));
        }

        context.RegisterSourceOutput(diagnostics, static (output, diagnostic) => output.ReportDiagnostic(diagnostic.ToDiagnostic()));
        context.RegisterSourceOutput(named, static (output, spec) => output.AddSource(spec.HintName, ModelEmitter.Emit(spec)));
    }
}
