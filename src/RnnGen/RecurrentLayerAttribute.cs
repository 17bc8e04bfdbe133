namespace RnnGen;

/// <summary>
/// What every recurrent layer attribute has (<see cref="SimpleRnnAttribute"/>, <see cref="LstmAttribute"/>,
/// <see cref="GruAttribute"/>): Keras' options of its <c>RNN</c> base layer, and the <c>Bidirectional</c> wrapper.
/// </summary>
public abstract class RecurrentLayerAttribute : Attribute
{
    /// <summary>A recurrent layer of <paramref name="units"/> units (1 to <see cref="RnnAttribute.MaxDimension"/>).</summary>
    protected RecurrentLayerAttribute(int units) => Units = units;

    /// <summary>Keras <c>units</c>: the size of h (and, for LSTM, of c), and of the output at each step.</summary>
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
