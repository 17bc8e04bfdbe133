using System.Collections.Immutable;
using System.Linq;

namespace RnnGen.Generator.Model;

/// <summary>One layer of a model, with everything its emitters need decided at parse time.</summary>
/// <param name="Index">Position in the stack, from 0.</param>
/// <param name="Name">Keras 3's name: <c>simple_rnn</c>, <c>simple_rnn_1</c>, <c>dense</c>...</param>
/// <param name="InputSize">Values per step fed to the layer.</param>
/// <param name="RecurrentActivation">LSTM and GRU: the gates' activation (i, f, o; z, r). Sigmoid for other kinds, unused.</param>
/// <param name="UnitForgetBias">LSTM: the forget block of the initial bias is ones.</param>
/// <param name="ResetAfter">GRU: the reset gate applied after the recurrent product, with a <c>[2, 3U]</c> bias.</param>
/// <param name="InputIsSequence">Fed a whole sequence, rather than one vector.</param>
/// <param name="OutputIsSequence">Outputs a sequence: a recurrent layer with return_sequences, or a Dense layer fed one.</param>
/// <param name="StateOffset">First float of the layer's state in State.</param>
/// <param name="Weights">The layer's get_weights() arrays, in order.</param>
/// <param name="Backend">How its operations are written out.</param>
internal sealed record LayerSpec(
    LayerKind Kind,
    int Index,
    string Name,
    int InputSize,
    int Units,
    Activation Activation,
    bool UseBias,
    bool ReturnSequences,
    bool GoBackwards,
    Activation RecurrentActivation,
    bool UnitForgetBias,
    bool ResetAfter,
    bool InputIsSequence,
    bool OutputIsSequence,
    int StateOffset,
    EquatableArray<WeightSpec> Weights,
    LayerBackend Backend)
{
    /// <summary>Wrapped in Keras <c>Bidirectional</c>: its <see cref="Directions"/> run over the input both ways, merged by <see cref="MergeMode"/>.</summary>
    public bool Bidirectional { get; init; }

    public MergeMode MergeMode { get; init; }

    /// <summary>In a bidirectional layer, the wrapped layer's own Keras name (<c>lstm</c>); else null.</summary>
    public string? InnerName { get; init; }

    /// <summary>One direction of a bidirectional layer: <see cref="LayerDirection.Forward"/> or <see cref="LayerDirection.Backward"/>.</summary>
    public LayerDirection Direction { get; init; }

    /// <summary>Floats per output step: the units, or twice them for a bidirectional layer that concatenates.</summary>
    public int OutputSize => LayerWeights.OutputSize(Units, Bidirectional, MergeMode);

    /// <summary>
    /// The layers the emitters write: this one, or a bidirectional layer's two directions. Each direction
    /// is a plain layer of the wrapped kind with half the weights (named as Keras names them within the
    /// wrapper, <c>forward_lstm</c>, <c>backward_lstm</c>) and its own part of State; the backward one
    /// flips go_backwards, as Keras' backward layer does.
    /// </summary>
    public LayerSpec[] Directions
    {
        get
        {
            if (!Bidirectional)
            {
                return [this];
            }

            int half = Weights.Count / 2;
            LayerSpec Of(LayerDirection direction, int first, bool goBackwards, int stateOffset) => this with
            {
                Name = (direction == LayerDirection.Forward ? "forward_" : "backward_") + InnerName,
                Weights = new EquatableArray<WeightSpec>(Enumerable.Range(first, half).Select(w => Weights[w] with { Name = Weights[w].Name.Substring(Weights[w].Name.IndexOf('/') + 1) }).ToImmutableArray()),
                GoBackwards = goBackwards,
                StateOffset = stateOffset,
                Bidirectional = false,
                Direction = direction,
            };

            return
            [
                Of(LayerDirection.Forward, 0, GoBackwards, StateOffset),
                Of(LayerDirection.Backward, half, !GoBackwards, StateOffset + LayerWeights.StateLength(Kind, Units)),
            ];
        }
    }

    /// <summary>The specs that own buffers: this layer, and a bidirectional layer's two directions after it.</summary>
    public LayerSpec[] BufferOwners => Bidirectional ? [this, .. Directions] : [this];

    public bool IsRecurrent => LayerWeights.IsRecurrent(Kind);

    public WeightSpec Kernel => Weights[0];

    public WeightSpec? RecurrentKernel => IsRecurrent ? Weights[1] : null;

    public WeightSpec? Bias => UseBias ? Weights[Weights.Count - 1] : null;

    /// <summary>Floats of State: both directions' for a bidirectional layer.</summary>
    public int StateLength => LayerWeights.StateLength(Kind, Units, Bidirectional);

    /// <summary>
    /// BPTT needs the layer's pre-activations: one of its activations is Swish, whose derivative is
    /// no function of its output. Forward then keeps each step's pre-activation, the kernel's width
    /// of floats (U; G·U for a gated layer), in the layer's Preactivations buffer. A gated layer adds
    /// its recurrent activation here.
    /// </summary>
    public bool KeepsPreactivations => Activation == Activation.Swish || (IsGated && RecurrentActivation == Activation.Swish);

    /// <summary>Parameters of one direction: a bidirectional layer has twice as many.</summary>
    public int DirectionParameterCount => Bidirectional ? ParameterCount / 2 : ParameterCount;

    /// <summary>Blocks of U units in the kernels' columns: 1, or 4 (LSTM: i, f, c, o), or 3 (GRU: z, r, h).</summary>
    public int Blocks => LayerWeights.Blocks(Kind);

    /// <summary>LSTM and GRU: layers whose kernels hold several gate blocks.</summary>
    public bool IsGated => Kind is LayerKind.Lstm or LayerKind.Gru;

    public int ParameterCount
    {
        get
        {
            int count = 0;
            foreach (WeightSpec weight in Weights)
            {
                count += weight.Length;
            }

            return count;
        }
    }

    /// <summary>Steps of the layer's output: TimeSteps for a sequence, else 1.</summary>
    public int OutputSteps(int timeSteps) => OutputIsSequence ? timeSteps : 1;

    /// <summary>Steps of the layer's input: TimeSteps for a sequence, else 1.</summary>
    public int InputSteps(int timeSteps) => InputIsSequence ? timeSteps : 1;

    /// <summary>E.g. <c>SimpleRNN(64, tanh, return_sequences)</c>, <c>GRU(3, tanh, recurrent_activation=sigmoid, reset_after=False)</c>.</summary>
    public string Describe() => Bidirectional
        ? $"Bidirectional({(this with { Bidirectional = false }).Describe()}, merge_mode={LayerWeights.MergeModeName(MergeMode)})"
        : $"{LayerWeights.ClassName(Kind)}({Units}, {LayerWeights.ActivationName(Activation)}"
        + (IsGated ? $", recurrent_activation={LayerWeights.ActivationName(RecurrentActivation)}" : "")
        + (Kind == LayerKind.Lstm && !UnitForgetBias ? ", unit_forget_bias=False" : "")
        + (Kind == LayerKind.Gru && !ResetAfter ? ", reset_after=False" : "")
        + (UseBias ? "" : ", use_bias=False")
        + (ReturnSequences ? ", return_sequences" : "")
        + (GoBackwards ? ", go_backwards" : "")
        + ")";
}

/// <summary>Which direction of a bidirectional layer a <see cref="LayerSpec"/> is, or neither.</summary>
internal enum LayerDirection
{
    /// <summary>A layer in its own right (not one direction of a bidirectional layer).</summary>
    None,
    Forward,
    Backward,
}
