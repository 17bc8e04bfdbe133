namespace RnnGen;

/// <summary>
/// What one layer attribute says (<c>[SimpleRnn(64, ReturnSequences = true)]</c>, <c>[Dense(1)]</c>), as a
/// value: the part of a layer that fixes its code and its weights.
/// </summary>
/// <param name="Kind">The layer's class.</param>
/// <param name="Units">Keras <c>units</c>: the width of the layer's output.</param>
/// <param name="Activation">Keras <c>activation</c>.</param>
/// <param name="UseBias">Keras <c>use_bias</c>: without it the layer has no bias weight at all.</param>
/// <param name="ReturnSequences">Keras <c>return_sequences</c> (recurrent layers only).</param>
/// <param name="GoBackwards">Keras <c>go_backwards</c> (recurrent layers only).</param>
public readonly record struct LayerSettings(
    LayerKind Kind,
    int Units,
    Activation Activation,
    bool UseBias = true,
    bool ReturnSequences = false,
    bool GoBackwards = false)
{
    /// <summary>Keras <c>SimpleRNN(units, activation, use_bias, return_sequences, go_backwards)</c>.</summary>
    public static LayerSettings SimpleRnn(int units, Activation activation = Activation.Tanh, bool useBias = true, bool returnSequences = false, bool goBackwards = false) =>
        new(LayerKind.SimpleRnn, units, activation, useBias, returnSequences, goBackwards);

    /// <summary>Keras <c>Dense(units, activation, use_bias)</c>.</summary>
    public static LayerSettings Dense(int units, Activation activation = Activation.Linear, bool useBias = true) =>
        new(LayerKind.Dense, units, activation, useBias);

    /// <summary>Whether the layer carries state from step to step.</summary>
    public bool IsRecurrent => LayerWeights.IsRecurrent(Kind);

    /// <inheritdoc/>
    public override string ToString()
    {
        string options = (UseBias ? "" : ", use_bias=False")
            + (ReturnSequences ? ", return_sequences" : "")
            + (GoBackwards ? ", go_backwards" : "");
        return $"{LayerWeights.ClassName(Kind)}({Units.ToString(System.Globalization.CultureInfo.InvariantCulture)}, {LayerWeights.ActivationName(Activation)}{options})";
    }
}
