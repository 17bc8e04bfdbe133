namespace RnnGen;

/// <summary>
/// One weight array of a model: where it sits in <see cref="IRnnModel.Parameters"/> (and its gradient
/// in <see cref="IRnnModel.Gradients"/>), and its Keras shape, row-major.
/// </summary>
/// <param name="Name"><c>"{layer}/{kernel|recurrent_kernel|bias}"</c>, e.g. <c>simple_rnn_1/recurrent_kernel</c>.</param>
/// <param name="Layer">Index of the layer in <see cref="ModelLayout.Layers"/>.</param>
/// <param name="Offset">First float in Parameters.</param>
/// <param name="Rows">Rows of a matrix; 1 for a vector.</param>
/// <param name="Columns">Columns of a matrix, or the length of a vector.</param>
/// <param name="IsVector">A vector (<c>[Columns]</c>) rather than a matrix (<c>[Rows, Columns]</c>).</param>
public sealed record WeightLayout(string Name, int Layer, int Offset, int Rows, int Columns, bool IsVector)
{
    /// <summary>Floats in the array.</summary>
    public int Length => Rows * Columns;

    /// <summary>The Keras shape: <c>[Columns]</c> for a vector, else <c>[Rows, Columns]</c>.</summary>
    public IReadOnlyList<int> Shape => IsVector ? [Columns] : [Rows, Columns];

    /// <summary>The array's floats in <paramref name="parameters"/> (Parameters or Gradients).</summary>
    public Span<float> Of(Span<float> parameters) => parameters.Slice(Offset, Length);

    /// <inheritdoc/>
    public override string ToString() => IsVector ? $"{Name} [{Columns}]" : $"{Name} [{Rows}, {Columns}]";
}
