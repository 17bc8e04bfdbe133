using System.Globalization;

namespace RnnGen.Persistence;

/// <summary>One Keras variable of a SimpleRNN + Dense model: its name, shape and place in <see cref="IRnnModel.Parameters"/>.</summary>
/// <param name="Name">Keras-style name, e.g. <c>simple_rnn/recurrent_kernel</c>.</param>
/// <param name="KerasSuffix">The variable's own name: <c>kernel</c>, <c>recurrent_kernel</c> or <c>bias</c>.</param>
/// <param name="Offset">First index in the parameter buffer.</param>
/// <param name="Rows">First dimension.</param>
/// <param name="Columns">Second dimension, or 0 for a vector.</param>
internal readonly record struct KerasWeight(string Name, string KerasSuffix, int Offset, int Rows, int Columns)
{
    /// <summary>Floats in the variable.</summary>
    public int Length => Columns == 0 ? Rows : Rows * Columns;

    /// <summary>The shape as Keras prints it: <c>(1, 3)</c> or <c>(3,)</c>.</summary>
    public string ShapeText => Columns == 0 ? $"({Rows},)" : $"({Rows}, {Columns})";

    /// <summary>Names parameter <paramref name="index"/> of the buffer, inside this variable: <c>simple_rnn/kernel[0, 2]</c> or <c>dense/bias[0]</c>.</summary>
    public string ElementName(int index)
    {
        int i = index - Offset;
        return Columns == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{Name}[{i}]")
            : string.Create(CultureInfo.InvariantCulture, $"{Name}[{i / Columns}, {i % Columns}]");
    }

    /// <summary>The variable of <paramref name="shape"/> that holds parameter <paramref name="index"/>.</summary>
    public static KerasWeight Containing(RnnShape shape, int index)
    {
        foreach (KerasWeight weight in Of(shape))
        {
            if (index < weight.Offset + weight.Length)
            {
                return weight;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(index), index, "Expected an index inside the parameter buffer.");
    }

    /// <summary>The five variables of <paramref name="shape"/> in <c>get_weights()</c> order.</summary>
    public static KerasWeight[] Of(RnnShape shape)
    {
        int f = shape.Features, h = shape.HiddenUnits, d = shape.DenseUnits;
        int recurrent = f * h;
        int bias = recurrent + h * h;
        int denseKernel = bias + h;
        int denseBias = denseKernel + h * d;
        return
        [
            new("simple_rnn/kernel", "kernel", 0, f, h),
            new("simple_rnn/recurrent_kernel", "recurrent_kernel", recurrent, h, h),
            new("simple_rnn/bias", "bias", bias, h, 0),
            new("dense/kernel", "kernel", denseKernel, h, d),
            new("dense/bias", "bias", denseBias, d, 0),
        ];
    }
}
