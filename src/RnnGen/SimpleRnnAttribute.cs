namespace RnnGen;

/// <summary>
/// A Keras <c>SimpleRNN</c> layer of the model declared by <see cref="RnnAttribute"/> on the same type:
/// <c>h_t = activation(x_t·kernel + h_{t-1}·recurrent_kernel + bias)</c>. Layer attributes are read in
/// source order, as the list given to Keras' <c>Sequential([...])</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = true, Inherited = false)]
public sealed class SimpleRnnAttribute : RecurrentLayerAttribute
{
    /// <summary>A SimpleRNN layer of <paramref name="units"/> units (1 to <see cref="RnnAttribute.MaxDimension"/>).</summary>
    public SimpleRnnAttribute(int units)
        : base(units)
    {
    }
}
