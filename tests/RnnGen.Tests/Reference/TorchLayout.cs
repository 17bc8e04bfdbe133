namespace RnnGen.Tests.Reference;

/// <summary>Which values a PyTorch state_dict-shaped set of tensors holds: the weights, or the gradients of a loss with respect to them.</summary>
internal enum TorchValues
{
    /// <summary>Parameters: PyTorch's two biases of a gate add up to Keras' one (LSTM, RNN).</summary>
    Weights,

    /// <summary>Gradients: the gradient with respect to a sum of two biases is either bias's gradient (PyTorch's two are equal).</summary>
    Gradients,
}

/// <summary>
/// PyTorch's layout of <c>nn.RNN</c>, <c>nn.LSTM</c>, <c>nn.GRU</c> and <c>nn.Linear</c> tensors onto
/// Keras' <c>get_weights()</c> layout, one layer direction at a time:
/// <list type="bullet">
/// <item><c>weight_ih_l{k}[G·H, in]</c> → kernel <c>[in, G·U]</c> and <c>weight_hh_l{k}[G·H, H]</c> →
/// recurrent_kernel <c>[U, G·U]</c>: transposed, gate blocks reordered;</item>
/// <item>LSTM gates i, f, g, o → Keras i, f, c, o (same order), bias = <c>bias_ih + bias_hh</c>;</item>
/// <item>GRU gates r, z, n → Keras z, r, h, bias <c>[2, 3U]</c> = rows <c>bias_ih</c>, <c>bias_hh</c>
/// (PyTorch's GRU is Keras' reset_after = true);</item>
/// <item>RNN (tanh): bias = <c>bias_ih + bias_hh</c>;</item>
/// <item><c>_reverse</c> tensors are the backward layer of a Keras Bidirectional, after the forward ones;</item>
/// <item>states <c>h_0</c>, <c>c_0</c> (and <c>h_n</c>, <c>c_n</c>) <c>[L·D, 1, H]</c> → each layer's and direction's <c>[h]</c> or <c>[h, c]</c> in turn;</item>
/// <item>Linear <c>weight[out, in]</c> → Dense kernel <c>[in, out]</c> (transposed), bias as it is.</item>
/// </list>
/// </summary>
internal static class TorchLayout
{
    /// <summary>The PyTorch gate block each Keras block takes, by cell (<c>"RNN"</c>, <c>"LSTM"</c>, <c>"GRU"</c>: PyTorch's class names).</summary>
    public static IReadOnlyDictionary<string, int[]> GateOrder { get; } = new Dictionary<string, int[]>
    {
        ["RNN"] = [0],
        ["LSTM"] = [0, 1, 2, 3],
        ["GRU"] = [1, 0, 2],
    };

    /// <summary>
    /// One direction of one recurrent layer in Keras' order: kernel, recurrent_kernel, bias.
    /// <paramref name="tensor"/> reads a state_dict entry by name (e.g. <c>"lstm.weight_ih_l1_reverse"</c>).
    /// </summary>
    /// <param name="cell"><c>"RNN"</c>, <c>"LSTM"</c> or <c>"GRU"</c>.</param>
    /// <param name="inputs">The direction's input width (the previous layer's H times its directions).</param>
    /// <param name="units">H, Keras' U.</param>
    /// <param name="tensor">The tensor of a full name, row-major.</param>
    /// <param name="prefix">The module's prefix in the state_dict, e.g. <c>"lstm."</c> or empty.</param>
    /// <param name="suffix"><c>"_l{k}"</c>, or <c>"_l{k}_reverse"</c> for the backward direction.</param>
    /// <param name="values">Whether the tensors are weights or gradients (how two biases become one).</param>
    public static double[] Recurrent(
        string cell, int inputs, int units, Func<string, double[]> tensor, string prefix, string suffix, TorchValues values)
    {
        int[] order = GateOrder[cell];
        double[] kernel = Kernel(tensor($"{prefix}weight_ih{suffix}"), inputs, units, order);
        double[] recurrentKernel = Kernel(tensor($"{prefix}weight_hh{suffix}"), units, units, order);
        double[] inputBias = Blocks(tensor($"{prefix}bias_ih{suffix}"), units, order);
        double[] recurrentBias = Blocks(tensor($"{prefix}bias_hh{suffix}"), units, order);
        double[] bias = (cell, values) switch
        {
            ("GRU", _) => [.. inputBias, .. recurrentBias],
            (_, TorchValues.Weights) => [.. inputBias.Select((b, j) => b + recurrentBias[j])],
            _ => inputBias,
        };
        return [.. kernel, .. recurrentKernel, .. bias];
    }

    /// <summary>
    /// PyTorch's state of one module, <c>h[num_layers · directions, 1, H]</c> (and <c>c</c>, LSTM only),
    /// in the reference's layout: layer by layer, the forward direction then the backward one, each
    /// <c>[h]</c> or <c>[h, c]</c> (Keras' LSTM state order).
    /// </summary>
    public static double[] State(int layers, int directions, int units, double[] h, double[]? c)
    {
        var state = new List<double>();
        for (int k = 0; k < layers * directions; k++)
        {
            state.AddRange(h.AsSpan(k * units, units));
            if (c is not null)
            {
                state.AddRange(c.AsSpan(k * units, units));
            }
        }

        return [.. state];
    }

    /// <summary>A Linear layer as Keras' Dense: kernel <c>[in, out]</c> = weightᵀ, then the bias.</summary>
    public static double[] Linear(Func<string, double[]> tensor, string prefix, int inFeatures, int outFeatures) =>
        [.. Transposed(tensor($"{prefix}weight"), outFeatures, inFeatures), .. tensor($"{prefix}bias")];

    /// <summary>PyTorch <c>[G·H, in]</c> (gate blocks of H rows) → Keras <c>[in, G·U]</c> with the blocks in Keras' order.</summary>
    private static double[] Kernel(double[] weight, int inputs, int units, int[] order)
    {
        var reordered = new double[weight.Length];
        for (int k = 0; k < order.Length; k++)
        {
            weight.AsSpan(order[k] * units * inputs, units * inputs).CopyTo(reordered.AsSpan(k * units * inputs));
        }

        return Transposed(reordered, order.Length * units, inputs);
    }

    /// <summary>A bias <c>[G·H]</c> with its gate blocks in Keras' order.</summary>
    private static double[] Blocks(double[] bias, int units, int[] order) =>
        [.. order.SelectMany(block => bias.AsSpan(block * units, units).ToArray())];

    /// <summary>A row-major <c>[rows, columns]</c> matrix as <c>[columns, rows]</c>.</summary>
    private static double[] Transposed(double[] matrix, int rows, int columns)
    {
        var transposed = new double[matrix.Length];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                transposed[j * rows + i] = matrix[i * columns + j];
            }
        }

        return transposed;
    }
}
