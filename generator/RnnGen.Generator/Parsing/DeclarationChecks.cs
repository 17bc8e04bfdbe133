using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RnnGen.Generator.Diagnostics;
using RnnGen.Generator.Model;

namespace RnnGen.Generator.Parsing;

/// <summary>
/// Declarations that are legal C# but that the generated members cannot join: each gets one RnnGen
/// error on the user's syntax instead of compiler errors or warnings in the generated file.
/// </summary>
internal static class DeclarationChecks
{
    /// <summary>The C# version the generated code is written in (file-local helper classes).</summary>
    public const LanguageVersion RequiredLanguageVersion = LanguageVersion.CSharp11;

    public const string ModelInterfaceName = "RnnGen.IRnnModel";

    /// <summary>
    /// The generated members every model has, as DESIGN.md's API contract lists them; with
    /// <see cref="ModelParser.IsGeneratedMemberName"/>'s private names, every name the generated
    /// code declares on the user's type.
    /// </summary>
    public static readonly ImmutableHashSet<string> ContractMemberNames = ImmutableHashSet.Create(
        "TimeSteps", "Features", "HiddenUnits", "DenseUnits", "InputLength", "OutputLength", "ParameterCount", "StateLength",
        "Layout", "Shape", "Parameters", "Gradients", "Kernel", "RecurrentKernel", "Bias", "DenseKernel", "DenseBias",
        "State", "ClearGradients", "ResetStates", "Predict", "PredictBatch", "Step", "Backward", "Summary");

    public static void LanguageVersionSupported(TypeDeclarationSyntax declaration, Location? attributeLocation, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        if (declaration.SyntaxTree.Options is CSharpParseOptions { LanguageVersion: var version } && version < RequiredLanguageVersion)
        {
            diagnostics.Add(ModelParser.Diagnostic(
                DiagnosticDescriptors.LanguageVersionTooLow,
                attributeLocation,
                RequiredLanguageVersion.ToDisplayString(),
                version.ToDisplayString()));
        }
    }

    /// <summary>A primary constructor would need the generated <c>()</c> and <c>(int seed)</c> constructors to call it.</summary>
    public static void PrimaryConstructor(INamedTypeSymbol type, ImmutableArray<DiagnosticInfo>.Builder diagnostics, CancellationToken cancellationToken)
    {
        foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax { ParameterList: { } parameters })
            {
                diagnostics.Add(ModelParser.Diagnostic(DiagnosticDescriptors.PrimaryConstructor, parameters.GetLocation(), type.Name));
            }
        }
    }

    /// <summary>The parameter list of a primary constructor: reported by <see cref="PrimaryConstructor"/>, not as a member.</summary>
    public static bool IsPrimaryConstructor(IMethodSymbol constructor, CancellationToken cancellationToken) =>
        constructor.DeclaringSyntaxReferences.Any(reference => reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax);

    /// <summary>A type or one of its type parameters named like a generated member (CS0542, CS0102).</summary>
    public static void Names(INamedTypeSymbol type, TypeDeclarationSyntax declaration, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        if (ModelParser.IsGeneratedMemberName(type.Name))
        {
            diagnostics.Add(ModelParser.Diagnostic(DiagnosticDescriptors.TypeNamedLikeMember, declaration.Identifier.GetLocation(), type.Name));
        }

        foreach (ITypeParameterSymbol parameter in type.TypeParameters)
        {
            if (ModelParser.IsGeneratedMemberName(parameter.Name))
            {
                diagnostics.Add(ModelParser.Diagnostic(DiagnosticDescriptors.TypeParameterNamedLikeMember, parameter.Locations.FirstOrDefault(), parameter.Name, type.Name));
            }
        }
    }

    /// <summary>
    /// What the base classes give that the generated members cannot live with: members they would
    /// hide (CS0108, CS0114, or an abstract member left unimplemented) and no parameterless
    /// constructor for the generated constructors to chain to (CS7036).
    /// </summary>
    public static void BaseClass(INamedTypeSymbol type, TypeDeclarationSyntax declaration, SemanticModel semanticModel, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        INamedTypeSymbol? direct = type.BaseType;
        if (type.TypeKind != TypeKind.Class || direct is null || direct.SpecialType == SpecialType.System_Object)
        {
            return;
        }

        Compilation compilation = semanticModel.Compilation;
        Location location = BaseTypeLocation(declaration, direct, semanticModel) ?? declaration.Identifier.GetLocation();
        if (!direct.InstanceConstructors.Any(c => c.Parameters.All(static p => p.IsOptional || p.IsParams) && compilation.IsSymbolAccessibleWithin(c, type)))
        {
            diagnostics.Add(ModelParser.Diagnostic(DiagnosticDescriptors.BaseWithoutParameterlessConstructor, location, type.Name, Display(direct)));
        }

        var hidden = new List<string>();
        var names = new HashSet<string>();
        for (INamedTypeSymbol? current = direct; current is { SpecialType: not SpecialType.System_Object }; current = current.BaseType)
        {
            // A model's generated members are not in the compilation the generator reads.
            if (current.GetAttributes().Any(static a => a.AttributeClass?.ToDisplayString() == RnnGenerator.AttributeMetadataName))
            {
                hidden.Add("every generated member of the model '" + Display(current) + "'");
                break;
            }

            foreach (ISymbol member in current.GetMembers())
            {
                if (member is not IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor }
                    && ModelParser.IsGeneratedMemberName(member.Name)
                    && compilation.IsSymbolAccessibleWithin(member, type)
                    && names.Add(member.Name))
                {
                    hidden.Add("'" + Display(member) + "'");
                }
            }
        }

        if (hidden.Count > 0)
        {
            diagnostics.Add(ModelParser.Diagnostic(DiagnosticDescriptors.InheritedMemberConflict, location, type.Name, string.Join(", ", hidden)));
        }
    }

    /// <summary>
    /// An explicit implementation of an <c>IRnnModel</c> member, which the generated code implements.
    /// The model is still generated: the type must list IRnnModel to implement a member explicitly,
    /// and without the generated members that list would add an error for every other member.
    /// </summary>
    public static void ExplicitModelImplementations(INamedTypeSymbol type, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        foreach (ISymbol member in type.GetMembers())
        {
            IEnumerable<ISymbol> implemented = member switch
            {
                IMethodSymbol method => method.ExplicitInterfaceImplementations,
                IPropertySymbol property => property.ExplicitInterfaceImplementations,
                IEventSymbol @event => @event.ExplicitInterfaceImplementations,
                _ => Enumerable.Empty<ISymbol>(),
            };
            ISymbol? model = implemented.FirstOrDefault(static m => m.ContainingType?.ToDisplayString() == ModelInterfaceName);
            if (model is not null && member is not IMethodSymbol { AssociatedSymbol: not null })
            {
                diagnostics.Add(ModelParser.Diagnostic(DiagnosticDescriptors.ExplicitModelImplementation, member.Locations.FirstOrDefault(), type.Name, Display(model)));
            }
        }
    }

    private static Location? BaseTypeLocation(TypeDeclarationSyntax declaration, INamedTypeSymbol baseType, SemanticModel semanticModel)
    {
        if (declaration.BaseList is not { Types.Count: > 0 } baseList)
        {
            return null;
        }

        // A base class comes first in the base list; a declaration without one may list interfaces only.
        TypeSyntax first = baseList.Types[0].Type;
        ITypeSymbol? bound = semanticModel.GetTypeInfo(first).Type;
        return SymbolEqualityComparer.Default.Equals(bound, baseType) ? first.GetLocation() : null;
    }

    private static string Display(ISymbol symbol) => symbol.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
}
