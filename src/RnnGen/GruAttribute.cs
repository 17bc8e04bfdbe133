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
public sealed class GruAttribute : Attribute
{
    /// <summary>A GRU layer of <paramref name="units"/> units (1 to <see cref="RnnAttribute.MaxDimension"/>).</summary>
    public GruAttribute(int units) => Units = units;

    /// <summary>Keras <c>units</c>: the size of h, and of the output at each step.</summary>
    public int Units { get; }

    /// <summary>Keras <c>activation</c>. Default <see cref="Activation.Tanh"/>.</summary>
    public Activation Activation { get; set; } = Activation.Tanh;

    /// <summary>Keras <c>use_bias</c>: false leaves the layer without a bias weight. Default true.</summary>
    public bool UseBias { get; set; } = true;

    /// <summary>
    /// Keras <c>return_sequences</c>: output the state of every step, not only the last. Every recurrent
    /// layer but the last must return sequences. Default false.
    /// </summary>
    public bool ReturnSequences { get; set; }

    /// <summary>
    /// Keras <c>go_backwards</c>: process the steps last to first; with <see cref="ReturnSequences"/> the
    /// outputs come in processing order (reversed). Such a model cannot stream with <c>Step</c>. Default false.
    /// </summary>
    public bool GoBackwards { get; set; }

    /// <summary>
    /// Keras <c>Bidirectional(layer)</c>: a forward and a backward copy of the layer over the same input, merged by
    /// <see cref="MergeMode"/>. Such a model cannot stream with <c>Step</c>. Default false.
    /// </summary>
    public bool Bidirectional { get; set; }

    /// <summary>Keras <c>Bidirectional(merge_mode)</c>, for a <see cref="Bidirectional"/> layer only. Default <see cref="MergeMode.Concat"/>.</summary>
    public MergeMode MergeMode { get; set; } = MergeMode.Concat;

    /// <summary>Keras <c>recurrent_activation</c>, of the gates z and r. Default <see cref="Activation.Sigmoid"/> (Keras 2.x used its own hard_sigmoid).</summary>
    public Activation RecurrentActivation { get; set; } = Activation.Sigmoid;

    /// <summary>Keras <c>reset_after</c>: apply the reset gate after the recurrent product, with separate input and recurrent bias rows. Default true.</summary>
    public bool ResetAfter { get; set; } = true;
}
