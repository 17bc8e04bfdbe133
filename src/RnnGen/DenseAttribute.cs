namespace RnnGen;

/// <summary>
/// A Keras <c>Dense</c> layer of the model declared by <see cref="RnnAttribute"/> on the same type:
/// <c>y = activation(x·kernel + bias)</c>. Fed a sequence (before a recurrent layer, or after one that
/// returns sequences) it acts on every step, as Keras applies Dense to the last axis.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = true, Inherited = false)]
public sealed class DenseAttribute : Attribute
{
    /// <summary>A Dense layer of <paramref name="units"/> units (1 to <see cref="RnnAttribute.MaxDimension"/>).</summary>
    public DenseAttribute(int units) => Units = units;

    /// <summary>Keras <c>units</c>: the size of the output.</summary>
    public int Units { get; }

    /// <summary>Keras <c>activation</c>. Default <see cref="Activation.Linear"/>.</summary>
    public Activation Activation { get; set; } = Activation.Linear;

    /// <summary>Keras <c>use_bias</c>: false leaves the layer without a bias weight. Default true.</summary>
    public bool UseBias { get; set; } = true;
}
