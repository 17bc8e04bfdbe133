namespace RnnGen;

/// <summary>
/// Everything that fixes a generated model's code and parameter layout: what
/// <see cref="RnnAttribute"/> said, as a value. Weight files carry it so that weights only ever
/// load into a model of the same shape.
/// </summary>
public readonly record struct RnnShape(
    CellKind Cell,
    int TimeSteps,
    int Features,
    int HiddenUnits,
    int DenseUnits,
    Activation HiddenActivation,
    Activation DenseActivation,
    bool ReturnSequences,
    bool Stateful)
{
    /// <summary>Floats in one input sequence: <c>TimeSteps * Features</c>.</summary>
    public int InputLength => TimeSteps * Features;

    /// <summary>Floats in one output: <c>DenseUnits</c>, or <c>TimeSteps * DenseUnits</c> with <see cref="ReturnSequences"/>.</summary>
    public int OutputLength => ReturnSequences ? TimeSteps * DenseUnits : DenseUnits;

    /// <summary>Floats in <see cref="IRnnModel.Parameters"/>.</summary>
    public int ParameterCount =>
        Features * HiddenUnits + HiddenUnits * HiddenUnits + HiddenUnits + HiddenUnits * DenseUnits + DenseUnits;

    /// <inheritdoc/>
    public override string ToString() =>
        FormattableString.Invariant($"{Cell}(T={TimeSteps}, F={Features}, H={HiddenUnits}, D={DenseUnits}, {HiddenActivation}/{DenseActivation}")
        + (ReturnSequences ? ", return_sequences" : "")
        + (Stateful ? ", stateful" : "")
        + ")";
}
