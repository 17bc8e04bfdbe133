namespace RnnGen.Generator.Model;

/// <summary>One weight array of a layer: its Keras name and where it sits in Parameters.</summary>
/// <param name="Name"><c>kernel</c>, <c>recurrent_kernel</c> or <c>bias</c>.</param>
/// <param name="Offset">First float in Parameters (and of its gradient in Gradients).</param>
internal sealed record WeightSpec(string Name, int Offset, int Rows, int Columns, bool IsVector)
{
    public int Length => Rows * Columns;
}
