namespace RnnGen;

/// <summary>
/// Turns a <c>partial</c> class or struct into a compile-time specialized recurrent model. The input
/// and model options go here; the layers follow as <see cref="SimpleRnnAttribute"/> and
/// <see cref="DenseAttribute"/> on the same declaration, in order (Keras <c>Sequential([...])</c>).
/// The shorthand <c>[Rnn(TimeSteps = 12, HiddenUnits = 3)]</c> means exactly
/// <c>[SimpleRnn(HiddenUnits, Activation = HiddenActivation, ReturnSequences = ReturnSequences)]
/// [Dense(DenseUnits, Activation = DenseActivation)]</c> and cannot be mixed with layer attributes.
/// The RnnGen generator emits forward and backward (BPTT) code for exactly that architecture and
/// makes the type implement <see cref="IRnnModel"/>.
/// </summary>
/// <remarks>
/// Every size must lie in [1, <see cref="MaxDimension"/>]. Invalid values are reported as
/// compiler diagnostics (<c>RNNG001</c>…) and nothing is generated for the type.
/// </remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class RnnAttribute : Attribute
{
    /// <summary>The largest value accepted for any size of the model.</summary>
    public const int MaxDimension = 4096;

    /// <summary>Steps of each input sequence (Keras <c>input_shape[0]</c>). Required.</summary>
    public int TimeSteps { get; set; }

    /// <summary>Values per time step (Keras <c>input_shape[1]</c>). Default 1.</summary>
    public int Features { get; set; } = 1;

    /// <summary>Shorthand: units of the single SimpleRNN layer. Required unless layer attributes follow.</summary>
    public int HiddenUnits { get; set; }

    /// <summary>Shorthand: units of the Dense layer after the SimpleRNN. Default 1.</summary>
    public int DenseUnits { get; set; } = 1;

    /// <summary>Shorthand: activation of the SimpleRNN layer. Default <see cref="Activation.Tanh"/>, as in Keras.</summary>
    public Activation HiddenActivation { get; set; } = Activation.Tanh;

    /// <summary>Shorthand: activation of the Dense layer. Default <see cref="Activation.Linear"/>, as in Keras.</summary>
    public Activation DenseActivation { get; set; } = Activation.Linear;

    /// <summary>
    /// Shorthand: Keras <c>return_sequences</c> of the SimpleRNN layer: the Dense layer is applied at every time step and the
    /// output holds <c>TimeSteps * DenseUnits</c> values. Default false.
    /// </summary>
    public bool ReturnSequences { get; set; }

    /// <summary>
    /// Keras <c>stateful</c>, for every recurrent layer: each call starts from <see cref="IRnnModel.State"/>
    /// and leaves the last step's states in it. Default false.
    /// </summary>
    public bool Stateful { get; set; }
}
