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

    /// <summary>The array's own Keras name, after the layer's: <c>kernel</c>, <c>recurrent_kernel</c> or <c>bias</c>.</summary>
    internal string KerasName => Name[(Name.LastIndexOf('/') + 1)..];

    /// <summary>The shape as Keras prints it: <c>(1, 3)</c>, or <c>(3,)</c> for a vector.</summary>
    internal string ShapeText => IsVector
        ? FormattableString.Invariant($"({Columns},)")
        : FormattableString.Invariant($"({Rows}, {Columns})");

    /// <summary>Names Parameters[<paramref name="parameterIndex"/>], inside this array: <c>simple_rnn/kernel[0, 2]</c> or <c>dense/bias[0]</c>.</summary>
    internal string ElementName(int parameterIndex)
    {
        int i = parameterIndex - Offset;
        return IsVector
            ? FormattableString.Invariant($"{Name}[{i}]")
            : FormattableString.Invariant($"{Name}[{i / Columns}, {i % Columns}]");
    }

    /// <inheritdoc/>
    public override string ToString() => IsVector ? $"{Name} [{Columns}]" : $"{Name} [{Rows}, {Columns}]";
}
