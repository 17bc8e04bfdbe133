namespace RnnGen;

/// <summary>
/// A Keras <c>LSTM</c> layer of the model declared by <see cref="RnnAttribute"/> on the same type. With
/// <c>z = x_t·kernel + h_{t-1}·recurrent_kernel + bias</c> split into the blocks i, f, c, o:
/// <c>c_t = f ⊙ c_{t-1} + i ⊙ activation(z_c)</c> and <c>h_t = o ⊙ activation(c_t)</c>, where
/// i, f, o are <see cref="RecurrentActivation"/> of their blocks. Its state is <c>[h, c]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = true, Inherited = false)]
public sealed class LstmAttribute : RecurrentLayerAttribute
{
    /// <summary>An LSTM layer of <paramref name="units"/> units (1 to <see cref="RnnAttribute.MaxDimension"/>).</summary>
    public LstmAttribute(int units)
        : base(units)
    {
    }

    /// <summary>Keras <c>recurrent_activation</c>, of the gates i, f and o. Default <see cref="Activation.Sigmoid"/> (Keras 2.x used its own hard_sigmoid).</summary>
    public Activation RecurrentActivation { get; set; } = Activation.Sigmoid;

    /// <summary>Keras <c>unit_forget_bias</c>: the forget block of the initial bias is ones (the weights the constructor draws). Default true.</summary>
    public bool UnitForgetBias { get; set; } = true;
}
