using System.Globalization;

namespace RnnGen;

/// <summary>
/// What one layer attribute says (<c>[SimpleRnn(64, ReturnSequences = true)]</c>, <c>[Lstm(32)]</c>,
/// <c>[Dense(1)]</c>), as a value: the part of a layer that fixes its code and its weights. Options a
/// kind does not have keep their defaults (a <see cref="ModelLayout"/> refuses anything else), so two
/// settings are equal exactly when they describe the same layer.
/// </summary>
/// <param name="Kind">The layer's class.</param>
/// <param name="Units">Keras <c>units</c>: the width of the layer's output (of each direction, for a bidirectional layer).</param>
/// <param name="Activation">Keras <c>activation</c>.</param>
/// <param name="UseBias">Keras <c>use_bias</c>: without it the layer has no bias weight at all.</param>
/// <param name="ReturnSequences">Keras <c>return_sequences</c> (recurrent layers only).</param>
/// <param name="GoBackwards">Keras <c>go_backwards</c> (recurrent layers only).</param>
/// <param name="RecurrentActivation">Keras <c>recurrent_activation</c>, the gates' activation (LSTM and GRU only).</param>
/// <param name="UnitForgetBias">Keras <c>unit_forget_bias</c>: the forget gate's initial bias is one (LSTM only; it changes only the initial weights).</param>
/// <param name="ResetAfter">Keras <c>reset_after</c>: the reset gate applies after the recurrent product, with a <c>[2, 3U]</c> bias (GRU only).</param>
/// <param name="Bidirectional">Wrapped in Keras <c>Bidirectional</c>: a forward and a backward copy of the layer (recurrent layers only).</param>
/// <param name="MergeMode">Keras <c>Bidirectional(merge_mode)</c> (bidirectional layers only).</param>
public readonly record struct LayerSettings(
    LayerKind Kind,
    int Units,
    Activation Activation,
    bool UseBias = true,
    bool ReturnSequences = false,
    bool GoBackwards = false,
    Activation RecurrentActivation = Activation.Sigmoid,
    bool UnitForgetBias = true,
    bool ResetAfter = true,
    bool Bidirectional = false,
    MergeMode MergeMode = MergeMode.Concat)
{
    /// <summary>Keras <c>SimpleRNN(units, activation, use_bias, return_sequences, go_backwards)</c>.</summary>
    public static LayerSettings SimpleRnn(int units, Activation activation = Activation.Tanh, bool useBias = true, bool returnSequences = false, bool goBackwards = false) =>
        new(LayerKind.SimpleRnn, units, activation, useBias, returnSequences, goBackwards);

    /// <summary>Keras <c>LSTM(units, activation, recurrent_activation, use_bias, unit_forget_bias, return_sequences, go_backwards)</c>.</summary>
    public static LayerSettings Lstm(
        int units,
        Activation activation = Activation.Tanh,
        Activation recurrentActivation = Activation.Sigmoid,
        bool useBias = true,
        bool unitForgetBias = true,
        bool returnSequences = false,
        bool goBackwards = false) =>
        new(LayerKind.Lstm, units, activation, useBias, returnSequences, goBackwards, recurrentActivation, unitForgetBias);

    /// <summary>Keras <c>GRU(units, activation, recurrent_activation, use_bias, reset_after, return_sequences, go_backwards)</c>.</summary>
    public static LayerSettings Gru(
        int units,
        Activation activation = Activation.Tanh,
        Activation recurrentActivation = Activation.Sigmoid,
        bool useBias = true,
        bool resetAfter = true,
        bool returnSequences = false,
        bool goBackwards = false) =>
        new(LayerKind.Gru, units, activation, useBias, returnSequences, goBackwards, recurrentActivation, ResetAfter: resetAfter);

    /// <summary>Keras <c>Dense(units, activation, use_bias)</c>.</summary>
    public static LayerSettings Dense(int units, Activation activation = Activation.Linear, bool useBias = true) =>
        new(LayerKind.Dense, units, activation, useBias);

    /// <summary>Whether the layer carries state from step to step.</summary>
    public bool IsRecurrent => LayerWeights.IsRecurrent(Kind);

    /// <summary>Whether the layer has gates: <see cref="RecurrentActivation"/> applies (LSTM, GRU).</summary>
    public bool IsGated => Kind is LayerKind.Lstm or LayerKind.Gru;

    /// <summary>This recurrent layer wrapped in Keras <c>Bidirectional(layer, merge_mode)</c>.</summary>
    public LayerSettings InBothDirections(MergeMode mergeMode = MergeMode.Concat) => this with { Bidirectional = true, MergeMode = mergeMode };

    /// <summary>
    /// E.g. <c>SimpleRNN(64, tanh, return_sequences)</c>, <c>LSTM(32, tanh, sigmoid)</c>,
    /// <c>Bidirectional(GRU(8, tanh, sigmoid, reset_after=False), sum)</c>: only what differs from Keras' defaults besides
    /// units and activations.
    /// </summary>
    public override string ToString()
    {
        string options = (UseBias ? "" : ", use_bias=False")
            + (Kind == LayerKind.Lstm && !UnitForgetBias ? ", unit_forget_bias=False" : "")
            + (Kind == LayerKind.Gru && !ResetAfter ? ", reset_after=False" : "")
            + (ReturnSequences ? ", return_sequences" : "")
            + (GoBackwards ? ", go_backwards" : "");
        string activations = LayerWeights.ActivationName(Activation) + (IsGated ? ", " + LayerWeights.ActivationName(RecurrentActivation) : "");
        string layer = $"{LayerWeights.ClassName(Kind)}({Units.ToString(CultureInfo.InvariantCulture)}, {activations}{options})";
        return Bidirectional ? $"{LayerWeights.BidirectionalClassName}({layer}, {LayerWeights.MergeModeName(MergeMode)})" : layer;
    }
}
