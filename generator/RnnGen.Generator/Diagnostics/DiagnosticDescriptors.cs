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
        "{0} = {1} is not an Activation: use one of its members, such as Activation.Tanh, Activation.Sigmoid or Activation.Swish",
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

    public static readonly DiagnosticDescriptor PrimaryConstructor = Error(
        "RNNG014",
        "A model type cannot have a primary constructor",
        "'{0}' has a primary constructor, which the generated () and (int seed) constructors cannot call: remove the parameter list and declare fields or properties instead",
        "Every constructor of a type with a primary constructor must chain to it, and RnnGen's generated constructors do not know its arguments. This includes records with a parameter list.");

    public static readonly DiagnosticDescriptor TypeNamedLikeMember = Error(
        "RNNG015",
        "A model type is named like a generated member",
        "The model type cannot be named '{0}': RnnGen generates a member '{0}' on it, and a member cannot have its type's name; rename the type",
        "C# forbids a member named like its enclosing type (CS0542), and RnnGen generates TimeSteps, State, Step, Predict, Summary, Layout and the other members of the model's contract.");

    public static readonly DiagnosticDescriptor TypeParameterNamedLikeMember = Error(
        "RNNG016",
        "A type parameter of a model type is named like a generated member",
        "The type parameter '{0}' of '{1}' has the name of a member RnnGen generates on '{1}': rename it (for example to 'T{0}')",
        "A type parameter and a member of the same type cannot share a name (CS0102), and RnnGen generates TimeSteps, State, Step, Predict and the other members of the model's contract.");

    public static readonly DiagnosticDescriptor InheritedMemberConflict = Error(
        "RNNG017",
        "A base class has members named like generated members",
        "'{0}' inherits {1}, which the generated members of the same name would hide: rename them in the base class or derive '{0}' from another class",
        "RnnGen generates the model's members (Predict, State, Step, Summary, ...) on the [Rnn] type; a base class member of the same name would be hidden (CS0108, CS0114) or, if abstract, left unimplemented.");

    public static readonly DiagnosticDescriptor BaseWithoutParameterlessConstructor = Error(
        "RNNG018",
        "The base class of a model needs a parameterless constructor",
        "'{0}' derives from '{1}', which has no accessible parameterless constructor for the generated () and (int seed) constructors to call: add one, or derive from another class",
        "RnnGen's generated constructors call the base class's parameterless constructor; without an accessible one they cannot compile (CS7036).");

    public static readonly DiagnosticDescriptor ExplicitModelImplementation = Error(
        "RNNG019",
        "A model type cannot implement IRnnModel members itself",
        "'{0}' implements '{1}' explicitly, but RnnGen implements IRnnModel for the model: remove this implementation",
        "The generated code implements every IRnnModel member; an explicit implementation by hand would replace it for every caller that uses the model through IRnnModel, such as Trainer.");

    public static readonly DiagnosticDescriptor LanguageVersionTooLow = Error(
        "RNNG020",
        "The project's C# version is too old for RnnGen",
        "RnnGen's generated code needs C# {0} or later, but this code is compiled as C# {1}: set <LangVersion>{0}</LangVersion> or later in the project file",
        "The generated models use C# 11 features (file-local helper classes, parameterless struct constructors, target-typed new); an older language version would only give a flood of compiler errors in the generated file.");

    public static readonly DiagnosticDescriptor OptionDoesNotApply = Error(
        "RNNG021",
        "A layer option that does not apply",
        "{0} does not apply here: it needs {1}",
        "An option is only given to the layers it changes (Keras' merge_mode belongs to the Bidirectional wrapper), and only with a value its enum defines; anything else is an error rather than an option silently ignored.");

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
