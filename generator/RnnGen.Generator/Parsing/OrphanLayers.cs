using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using RnnGen.Generator.Diagnostics;
using RnnGen.Generator.Model;

namespace RnnGen.Generator.Parsing;

/// <summary>Layer attributes on a type without <c>[Rnn]</c>: they would silently generate nothing.</summary>
internal static class OrphanLayers
{
    public static EquatableArray<DiagnosticInfo> Check(GeneratorAttributeSyntaxContext context)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type
            || type.GetAttributes().Any(static a => a.AttributeClass?.ToDisplayString() == RnnGenerator.AttributeMetadataName))
        {
            return default;
        }

        var diagnostics = ImmutableArray.CreateBuilder<DiagnosticInfo>();
        foreach (AttributeData attribute in context.Attributes)
        {
            if (LayerReader.KindOf(attribute) is LayerKind kind)
            {
                diagnostics.Add(ModelParser.Diagnostic(
                    DiagnosticDescriptors.LayerWithoutRnn,
                    attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation(),
                    type.Name,
                    LayerReader.ShortName(kind)));
            }
        }

        return new EquatableArray<DiagnosticInfo>(diagnostics.ToImmutable());
    }
}
