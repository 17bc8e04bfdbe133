namespace RnnGen.Generator.Model;

/// <summary>
/// Everything the emitters need to write one model, as plain values: no Roslyn symbol or syntax,
/// so the incremental pipeline can compare two specs and skip emission when nothing changed.
/// </summary>
/// <param name="Namespace">The type's namespace, or null for the global namespace.</param>
/// <param name="ContainingTypes">Outermost first.</param>
/// <param name="Type">The annotated type.</param>
/// <param name="HintName">The generated file's name: <c>{Namespace}.{Type}.g.cs</c>.</param>
internal sealed record ModelSpec(
    string? Namespace,
    EquatableArray<TypeDeclaration> ContainingTypes,
    TypeDeclaration Type,
    string HintName,
    CellKind Cell,
    int TimeSteps,
    int Features,
    int HiddenUnits,
    int DenseUnits,
    ActivationKind HiddenActivation,
    ActivationKind DenseActivation,
    bool ReturnSequences,
    bool Stateful)
{
    public int InputLength => TimeSteps * Features;

    public int OutputLength => ReturnSequences ? TimeSteps * DenseUnits : DenseUnits;

    public int KernelLength => Features * HiddenUnits;

    public int RecurrentKernelLength => HiddenUnits * HiddenUnits;

    public int DenseKernelLength => HiddenUnits * DenseUnits;

    public int KernelOffset => 0;

    public int RecurrentKernelOffset => KernelOffset + KernelLength;

    public int BiasOffset => RecurrentKernelOffset + RecurrentKernelLength;

    public int DenseKernelOffset => BiasOffset + HiddenUnits;

    public int DenseBiasOffset => DenseKernelOffset + DenseKernelLength;

    public int ParameterCount => DenseBiasOffset + DenseUnits;

    public int RnnParameterCount => DenseKernelOffset;

    public int DenseParameterCount => DenseKernelLength + DenseUnits;
}
