namespace RnnGen;

/// <summary>
/// A Keras <c>SimpleRNN</c> layer of the model declared by <see cref="RnnAttribute"/> on the same type:
/// <c>h_t = activation(x_t·kernel + h_{t-1}·recurrent_kernel + bias)</c>. Layer attributes are read in
/// source order, as the list given to Keras' <c>Sequential([...])</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = true, Inherited = false)]
public sealed class SimpleRnnAttribute : Attribute
{
    /// <summary>A SimpleRNN layer of <paramref name="units"/> units (1 to <see cref="RnnAttribute.MaxDimension"/>).</summary>
    public SimpleRnnAttribute(int units) => Units = units;

    /// <summary>Keras <c>units</c>: the size of the hidden state and of the output at each step.</summary>
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
}
