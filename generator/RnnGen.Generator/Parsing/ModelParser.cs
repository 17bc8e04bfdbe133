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
/// Turns one <c>[Rnn]</c> type into a <see cref="ModelSpec"/> or into diagnostics. The only place
/// that touches symbols and syntax; never throws on bad or half-typed input.
/// </summary>
internal static class ModelParser
{
    /// <summary>The bound every size must respect; mirrors <c>RnnAttribute.MaxDimension</c>.</summary>
    public const int MaxDimension = 4096;

    /// <summary>Parameters plus BPTT scratch, in floats, that one model may hold.</summary>
    public const int MaxFloats = 1 << 26;

    public static ParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type
            || context.TargetNode is not TypeDeclarationSyntax declaration
            || context.Attributes.Length != 1
            || HasErrors(context.Attributes[0])
            || CountRnnAttributes(type) > 1)
        {
            // The compiler already reports what is wrong (an unbound type, a duplicate attribute).
            return new ParseResult(null, default);
        }

        AttributeData attribute = context.Attributes[0];
        var diagnostics = ImmutableArray.CreateBuilder<DiagnosticInfo>();

        AttributeArguments arguments = AttributeArguments.Read(attribute, cancellationToken);
        DeclarationChecks.LanguageVersionSupported(declaration, arguments.AttributeLocation, diagnostics);
        CheckTypeKind(type, declaration, diagnostics);
        CheckContainingTypes(type, diagnostics, cancellationToken);
        DeclarationChecks.PrimaryConstructor(type, diagnostics, cancellationToken);
        DeclarationChecks.Names(type, declaration, diagnostics);
        DeclarationChecks.BaseClass(type, declaration, context.SemanticModel, diagnostics);

        // Reported with the model, not instead of it (the diagnostics above block it).
        var withModel = ImmutableArray.CreateBuilder<DiagnosticInfo>();
        DeclarationChecks.ExplicitModelImplementations(type, withModel);
        cancellationToken.ThrowIfCancellationRequested();

        int timeSteps = RequireDimension(arguments, "TimeSteps", example: "12", diagnostics);
        int features = OptionalDimension(arguments, "Features", defaultValue: 1, diagnostics);
        bool stateful = arguments.Bool("Stateful");
        ImmutableArray<LayerReader.Layer> layers = LayerReader.Read(type, declaration, arguments, diagnostics, cancellationToken);

        CheckMemberNames(type, diagnostics, cancellationToken);
        if (diagnostics.Count > 0)
        {
            diagnostics.AddRange(withModel);
            return new ParseResult(null, new EquatableArray<DiagnosticInfo>(diagnostics.ToImmutable()));
        }

        // Parameters and gradients alone, in 64 bits, before any int offset of the spec could wrap.
        long weightFloats = 2 * LayerReader.ParameterCount(layers, features);
        if (weightFloats > MaxFloats)
        {
            return TooLarge(arguments, weightFloats, "parameters and gradients", withModel);
        }

        var spec = new ModelSpec(
            Namespace: type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString(),
            ContainingTypes: ContainingTypeDeclarations(type),
            Type: Declaration(type),
            HintName: HintName(type),
            TimeSteps: timeSteps,
            Features: features,
            Stateful: stateful,
            Layers: LayerReader.LayOut(layers, features, LayerBackend.Loops));
        spec = Emit.Backends.Choose(spec);

        long floats = Emit.Stack.Buffers.TotalFloats(spec);
        if (floats > MaxFloats)
        {
            return TooLarge(arguments, floats, "parameters, gradients and every scratch buffer", withModel);
        }

        if (diagnostics.Count > 0)
        {
            diagnostics.AddRange(withModel);
            return new ParseResult(null, new EquatableArray<DiagnosticInfo>(diagnostics.ToImmutable()));
        }

        return new ParseResult(spec, new EquatableArray<DiagnosticInfo>(withModel.ToImmutable()));
    }

    private static ParseResult TooLarge(AttributeArguments arguments, long floats, string what, ImmutableArray<DiagnosticInfo>.Builder others)
    {
        others.Insert(0, Diagnostic(
            DiagnosticDescriptors.ModelTooLarge,
            arguments.AttributeLocation,
            floats.ToString(CultureInfo.InvariantCulture),
            what,
            MaxFloats.ToString(CultureInfo.InvariantCulture)));
        return new ParseResult(null, new EquatableArray<DiagnosticInfo>(others.ToImmutable()));
    }

    private static bool HasErrors(AttributeData attribute) =>
        attribute.AttributeClass is null or IErrorTypeSymbol
        || attribute.ConstructorArguments.Any(static argument => argument.Kind == TypedConstantKind.Error)
        || attribute.NamedArguments.Any(static argument => argument.Value.Kind == TypedConstantKind.Error);

    private static int CountRnnAttributes(INamedTypeSymbol type) =>
        type.GetAttributes().Count(static a => a.AttributeClass?.ToDisplayString() == RnnGenerator.AttributeMetadataName);

    private static void CheckTypeKind(INamedTypeSymbol type, TypeDeclarationSyntax declaration, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        Location location = declaration.Identifier.GetLocation();
        string? reason =
            type.IsStatic ? "a static class has no instances to hold weights"
            : type.IsRefLikeType ? "a ref struct cannot hold the model's buffers or implement IRnnModel"
            : type.IsFileLocal ? "a file-local type cannot be extended from the generated file"
            : type.TypeKind is not (TypeKind.Class or TypeKind.Struct) ? "only classes and structs can hold a model"
            : null;
        if (reason is not null)
        {
            diagnostics.Add(Diagnostic(DiagnosticDescriptors.UnsupportedTypeKind, location, type.Name, reason));
            return;
        }

        if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            diagnostics.Add(Diagnostic(DiagnosticDescriptors.TypeNotPartial, location, type.Name));
        }
    }

    private static void CheckContainingTypes(INamedTypeSymbol type, ImmutableArray<DiagnosticInfo>.Builder diagnostics, CancellationToken cancellationToken)
    {
        for (INamedTypeSymbol? outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            foreach (SyntaxReference reference in outer.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax outerDeclaration
                    && !outerDeclaration.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    diagnostics.Add(Diagnostic(
                        DiagnosticDescriptors.ContainingTypeNotPartial,
                        outerDeclaration.Identifier.GetLocation(),
                        outer.Name,
                        type.Name));
                    break;
                }
            }
        }
    }

    internal static int RequireDimension(AttributeArguments arguments, string name, string example, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        if (!arguments.Has(name))
        {
            diagnostics.Add(Diagnostic(DiagnosticDescriptors.RequiredPropertyMissing, arguments.AttributeLocation, name, example));
            return 0;
        }

        return OptionalDimension(arguments, name, defaultValue: 0, diagnostics);
    }

    internal static int OptionalDimension(AttributeArguments arguments, string name, int defaultValue, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        int value = arguments.Int(name, defaultValue);
        if (value is < 1 or > MaxDimension)
        {
            diagnostics.Add(Diagnostic(
                DiagnosticDescriptors.DimensionOutOfRange,
                arguments.LocationOf(name),
                name,
                value.ToString(CultureInfo.InvariantCulture),
                MaxDimension.ToString(CultureInfo.InvariantCulture)));
        }

        return value;
    }

    internal static Activation ReadActivation(AttributeArguments arguments, string name, Activation defaultValue, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        int value = arguments.Int(name, (int)defaultValue);
        // Every member of the linked enum is accepted, so a new activation needs no change here.
        if (!System.Enum.IsDefined(typeof(Activation), value))
        {
            diagnostics.Add(Diagnostic(
                DiagnosticDescriptors.UndefinedActivation,
                arguments.LocationOf(name),
                name,
                value.ToString(CultureInfo.InvariantCulture)));
            return defaultValue;
        }

        return (Activation)value;
    }

    private static void CheckMemberNames(INamedTypeSymbol type, ImmutableArray<DiagnosticInfo>.Builder diagnostics, CancellationToken cancellationToken)
    {
        foreach (ISymbol member in type.GetMembers())
        {
            if (member.IsImplicitlyDeclared)
            {
                continue;
            }

            bool conflicts = member is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
                ? !DeclarationChecks.IsPrimaryConstructor(constructor, cancellationToken)
                    && (constructor.Parameters.Length == 0 || (constructor.Parameters.Length == 1 && constructor.Parameters[0].Type.SpecialType == SpecialType.System_Int32))
                : IsGeneratedMemberName(member.Name);
            if (conflicts)
            {
                string name = member is IMethodSymbol { MethodKind: MethodKind.Constructor } ? "constructor " + member.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat) : member.Name;
                diagnostics.Add(Diagnostic(DiagnosticDescriptors.MemberNameConflict, member.Locations.FirstOrDefault(), type.Name, name));
            }
        }
    }

    /// <summary>A name the generated code declares on the model type: the public contract and the private helpers.</summary>
    public static bool IsGeneratedMemberName(string name) =>
        DeclarationChecks.ContractMemberNames.Contains(name) || GeneratedMemberNames.Contains(name);

    private static readonly HashSet<string> GeneratedMemberNames = new()
    {
        "TimeSteps", "Features", "HiddenUnits", "DenseUnits", "InputLength", "OutputLength", "ParameterCount", "StateLength",
        "Shape", "Layout", "Parameters", "Kernel", "RecurrentKernel", "Bias", "DenseKernel", "DenseBias", "Gradients", "State",
        "ClearGradients", "ResetStates", "Predict", "PredictBatch", "Step", "Backward", "Summary",
        // the one private member: every float of the model (the passes live in a file-local class)
        "_floats",
    };

    private static EquatableArray<TypeDeclaration> ContainingTypeDeclarations(INamedTypeSymbol type)
    {
        var chain = new List<TypeDeclaration>();
        for (INamedTypeSymbol? outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            chain.Insert(0, Declaration(outer));
        }

        return new EquatableArray<TypeDeclaration>(chain.ToImmutableArray());
    }

    private static TypeDeclaration Declaration(INamedTypeSymbol type)
    {
        string keyword = type switch
        {
            { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
            { IsRecord: true } => "record",
            { TypeKind: TypeKind.Struct } => "struct",
            { TypeKind: TypeKind.Interface } => "interface",
            _ => "class",
        };
        string name = type.TypeParameters.Length == 0
            ? Identifier(type.Name)
            : Identifier(type.Name) + "<" + string.Join(", ", type.TypeParameters.Select(static p => Identifier(p.Name))) + ">";
        return new TypeDeclaration(keyword, name);
    }

    /// <summary>A name as C# source must spell it: <c>@class</c> for a type named after a keyword.</summary>
    private static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None ? name : "@" + name;

    /// <summary>
    /// <c>{Namespace}.{Outer}.{Type}.g.cs</c> from the names as declared, without the <c>@</c> of an
    /// escaped keyword (which a hint name may not contain); type parameters as <c>{T,U}</c>, which no
    /// identifier can spell, so <c>M&lt;T&gt;</c> and <c>M_1</c> stay apart. Names that differ only in
    /// case are told apart later, in <see cref="HintNames"/>.
    /// </summary>
    private static string HintName(INamedTypeSymbol type)
    {
        var parts = new List<string>();
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            parts.Insert(0, current.TypeParameters.Length == 0
                ? current.Name
                : current.Name + "{" + string.Join(",", current.TypeParameters.Select(static p => p.Name)) + "}");
        }

        for (INamespaceSymbol? ns = type.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            parts.Insert(0, ns.Name);
        }

        return string.Join(".", parts) + HintNames.Extension;
    }

    internal static DiagnosticInfo Diagnostic(DiagnosticDescriptor descriptor, Location? location, params string[] args) =>
        new(descriptor, LocationInfo.From(location), new EquatableArray<string>(args.ToImmutableArray()));
}
