namespace RnnGen;

/// <summary>
/// A Keras <c>GRU</c> layer of the model declared by <see cref="RnnAttribute"/> on the same type, blocks
/// z, r, h: <c>z</c> and <c>r</c> are <see cref="RecurrentActivation"/> of their blocks, and
/// <c>h_t = z ⊙ h_{t-1} + (1 - z) ⊙ hh</c>. With <see cref="ResetAfter"/> (Keras 3's default and
/// PyTorch's GRU) <c>hh = activation(x_t·W_h + b0_h + r ⊙ (h_{t-1}·U_h + b1_h))</c> and the bias is
/// <c>[2, 3U]</c>; without it (Keras 2's default) <c>hh = activation(x_t·W_h + b_h + (r ⊙ h_{t-1})·U_h)</c>
/// and the bias is <c>[3U]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = true, Inherited = false)]
public sealed class GruAttribute : RecurrentLayerAttribute
{
    /// <summary>A GRU layer of <paramref name="units"/> units (1 to <see cref="RnnAttribute.MaxDimension"/>).</summary>
    public GruAttribute(int units)
        : base(units)
    {
    }

    /// <summary>Keras <c>recurrent_activation</c>, of the gates z and r. Default <see cref="Activation.Sigmoid"/> (Keras 2.x used its own hard_sigmoid).</summary>
    public Activation RecurrentActivation { get; set; } = Activation.Sigmoid;

    /// <summary>Keras <c>reset_after</c>: apply the reset gate after the recurrent product, with separate input and recurrent bias rows. Default true.</summary>
    public bool ResetAfter { get; set; } = true;
}
