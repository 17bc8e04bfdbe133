using Microsoft.CodeAnalysis;

namespace RnnGen.Generator.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports. Ids are stable: add new ones at the end and record
/// them in AnalyzerReleases.Unshipped.md.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "RnnGen";

    public static readonly DiagnosticDescriptor TypeNotPartial = new(
        id: "RNNG001",
        title: "A model type must be partial",
        messageFormat: "'{0}' has [Rnn], so it must be declared 'partial' for RnnGen to add the model's members",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ContainingTypeNotPartial = new(
        id: "RNNG002",
        title: "A type that contains a model type must be partial",
        messageFormat: "'{0}' contains the [Rnn] type '{1}', so it must be declared 'partial' too",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DimensionOutOfRange = new(
        id: "RNNG003",
        title: "A model size is out of range",
        messageFormat: "{0} = {1} is not allowed: it must be between 1 and {2}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor RequiredPropertyMissing = new(
        id: "RNNG004",
        title: "A required model size is missing",
        messageFormat: "[Rnn] needs {0}: write for example [Rnn({0} = {1}, ...)]",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UndefinedActivation = new(
        id: "RNNG005",
        title: "An activation is not defined",
        messageFormat: "{0} = {1} is not an Activation: use Activation.Linear, Activation.Tanh, Activation.Relu or Activation.Sigmoid",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedTypeKind = new(
        id: "RNNG006",
        title: "This kind of type cannot hold a model",
        messageFormat: "'{0}' cannot hold a model: {1}",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor MemberNameConflict = new(
        id: "RNNG007",
        title: "A member name is taken by a generated member",
        messageFormat: "'{0}' declares '{1}', which RnnGen generates for the model: rename or remove it",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ModelTooLarge = new(
        id: "RNNG008",
        title: "The model is too large",
        messageFormat: "The model needs {0} floats of {1}, more than the {2} RnnGen allows: make it smaller",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true);
}
