using Microsoft.CodeAnalysis;

namespace RnnGen.Generator.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports, each an error with a description and a link to its
/// section of docs/diagnostics.md. Ids are stable: add new ones at the end and record them in
/// AnalyzerReleases.Unshipped.md.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "RnnGen";
    private const string HelpBase = "https://github.com/rnngen/RnnGen/blob/main/docs/diagnostics.md#";

    public static readonly DiagnosticDescriptor TypeNotPartial = Error(
        "RNNG001",
        "A model type must be partial",
        "'{0}' has [Rnn], so it must be declared 'partial' for RnnGen to add the model's members",
        "RnnGen adds the model's members to the annotated type from a generated file, which only a partial declaration allows.");

    public static readonly DiagnosticDescriptor ContainingTypeNotPartial = Error(
        "RNNG002",
        "A type that contains a model type must be partial",
        "'{0}' contains the [Rnn] type '{1}', so it must be declared 'partial' too",
        "The generated file re-opens every type that contains the model, which needs each of them to be partial.");

    public static readonly DiagnosticDescriptor DimensionOutOfRange = Error(
        "RNNG003",
        "A model size is out of range",
        "{0} = {1} is not allowed: it must be between 1 and {2}",
        "TimeSteps, Features and every layer's units must lie between 1 and RnnAttribute.MaxDimension (4096).");

    public static readonly DiagnosticDescriptor RequiredPropertyMissing = Error(
        "RNNG004",
        "A required model size is missing",
        "[Rnn] needs {0}: write for example [Rnn({0} = {1}, ...)]",
        "[Rnn] needs TimeSteps, and either the shorthand's HiddenUnits or layer attributes such as [SimpleRnn(3)] [Dense(1)].");

    public static readonly DiagnosticDescriptor UndefinedActivation = Error(
        "RNNG005",
        "An activation is not defined",
        "{0} = {1} is not an Activation: use Activation.Linear, Activation.Tanh, Activation.Relu or Activation.Sigmoid",
        "An activation cast from an integer that RnnGen.Activation does not define has no code to generate.");

    public static readonly DiagnosticDescriptor UnsupportedTypeKind = Error(
        "RNNG006",
        "This kind of type cannot hold a model",
        "'{0}' cannot hold a model: {1}",
        "A model holds buffers and implements IRnnModel: it must be a non-static class or struct, not a ref struct or a file-local type.");

    public static readonly DiagnosticDescriptor MemberNameConflict = Error(
        "RNNG007",
        "A member name is taken by a generated member",
        "'{0}' declares '{1}', which RnnGen generates for the model: rename or remove it",
        "The generated members (TimeSteps, Predict, Step, Parameters, ...) and the () and (int seed) constructors cannot also be declared by hand.");

    public static readonly DiagnosticDescriptor ModelTooLarge = Error(
        "RNNG008",
        "The model is too large",
        "The model needs {0} floats of {1}, more than the {2} RnnGen allows: make it smaller",
        "Parameters, gradients and every scratch buffer together may hold at most 2^26 floats (256 MiB).");

    public static readonly DiagnosticDescriptor LayerWithoutRnn = Error(
        "RNNG009",
        "A layer attribute needs [Rnn]",
        "'{0}' has [{1}] but no [Rnn]: add [Rnn(TimeSteps = ..., Features = ...)] to give the input shape",
        "Layer attributes describe the layers of the model that [Rnn] declares; on their own they generate nothing.");

    public static readonly DiagnosticDescriptor LayersOnSeveralDeclarations = Error(
        "RNNG010",
        "Layer attributes must be on the declaration that has [Rnn]",
        "[{0}] is on another partial declaration of '{1}' than [Rnn]: put [Rnn] and every layer attribute on one declaration, so that their order is the layers' order",
        "The layers are read in source order, which is only defined within one declaration.");

    public static readonly DiagnosticDescriptor ShorthandWithLayers = Error(
        "RNNG011",
        "The single-layer shorthand cannot be mixed with layer attributes",
        "{0} belongs to the single-layer shorthand, but layer attributes follow: give the layers' options on the layer attributes instead",
        "HiddenUnits, DenseUnits, HiddenActivation, DenseActivation and ReturnSequences on [Rnn] spell [SimpleRnn] [Dense]; with layer attributes they would be ambiguous.");

    public static readonly DiagnosticDescriptor NoRecurrentLayer = Error(
        "RNNG012",
        "A model needs a recurrent layer",
        "'{0}' has only Dense layers: add a recurrent layer such as [SimpleRnn(32)]",
        "RnnGen generates recurrent models; a stack of Dense layers alone has no sequence to run over.");

    public static readonly DiagnosticDescriptor InnerLayerMustReturnSequences = Error(
        "RNNG013",
        "A recurrent layer that feeds another must return sequences",
        "{0} feeds the recurrent layer {1}, so it must return sequences: set ReturnSequences = true",
        "A recurrent layer consumes a whole sequence; Keras refuses a stack whose inner recurrent layer returns only its last state.");

    private static DiagnosticDescriptor Error(string id, string title, string messageFormat, string description) =>
        new(
            id,
            title,
            messageFormat,
            Category,
            DiagnosticSeverity.Error,
            isEnabledByDefault: true,
            description: description,
            helpLinkUri: HelpBase + id.ToLowerInvariant());
}
