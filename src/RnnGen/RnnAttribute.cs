namespace RnnGen;

/// <summary>
/// Turns a <c>partial</c> class or struct into a compile-time specialized SimpleRNN + Dense model
/// (Keras <c>Sequential([SimpleRNN(HiddenUnits), Dense(DenseUnits)])</c>). The RnnGen generator
/// emits forward and backward (BPTT) code for exactly this shape and makes the type implement
/// <see cref="IRnnModel"/>.
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

    /// <summary>Units of the SimpleRNN layer. Required.</summary>
    public int HiddenUnits { get; set; }

    /// <summary>Units of the Dense layer. Default 1.</summary>
    public int DenseUnits { get; set; } = 1;

    /// <summary>Activation of the SimpleRNN layer. Default <see cref="Activation.Tanh"/>, as in Keras.</summary>
    public Activation HiddenActivation { get; set; } = Activation.Tanh;

    /// <summary>Activation of the Dense layer. Default <see cref="Activation.Linear"/>, as in Keras.</summary>
    public Activation DenseActivation { get; set; } = Activation.Linear;

    /// <summary>
    /// Keras <c>return_sequences</c>: the Dense layer is applied at every time step and the
    /// output holds <c>TimeSteps * DenseUnits</c> values. Default false.
    /// </summary>
    public bool ReturnSequences { get; set; }

    /// <summary>
    /// Keras <c>stateful</c>: each call starts from <see cref="IRnnModel.State"/> and leaves the last
    /// step's hidden state in it. Default false.
    /// </summary>
    public bool Stateful { get; set; }
}
