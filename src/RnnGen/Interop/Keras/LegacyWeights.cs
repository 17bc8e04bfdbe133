namespace RnnGen.Interop.Keras;

/// <summary>
/// Reads weights laid out as Keras 2 and tf.keras write HDF5 (<c>hdf5_format.py</c>, Keras 3's <c>legacy_h5_format.py</c>):
/// under <c>model_weights</c> for <c>model.save</c>, at the root for <c>model.save_weights</c>; a <c>layer_names</c>
/// attribute lists the layers in order, each a group whose <c>weight_names</c> attribute lists its weights in
/// <c>get_weights()</c> order, each a dataset at that (nested) name inside the group, e.g.
/// <c>lstm/lstm/lstm_cell/kernel:0</c> (tf.keras) or <c>gru_1/gru_1/kernel:0</c> (Keras 2.2). Layers with no weights
/// (Dropout) have an empty <c>weight_names</c> and are skipped; the rest are matched to the model's layers in order,
/// as Keras' own topological loading matches them.
/// </summary>
internal static class LegacyWeights
{
    /// <summary>The group the layer groups are in: <c>model_weights</c>, or the root; null when the file has no <c>layer_names</c>.</summary>
    public static string? LayersGroup(Hdf5Reader file) =>
        file.Group("model_weights") is not null && Names(file, "model_weights", "layer_names") is not null ? "model_weights"
        : Names(file, "", "layer_names") is not null ? ""
        : null;

    /// <summary>Reads every weight of <paramref name="layout"/> from the layer groups in <paramref name="root"/> into <paramref name="parameters"/>.</summary>
    /// <exception cref="InvalidDataException">Another number of layers with weights or of weights in a layer, a weight of
    /// another name, shape or type, or a group or dataset that is missing or unreadable.</exception>
    public static void Read(Hdf5Reader file, string root, ModelLayout layout, Span<float> parameters)
    {
        string prefix = root.Length == 0 ? "" : root + "/";
        var layers = new List<(string Name, string[] Weights)>();
        foreach (string name in Names(file, root, "layer_names")!)
        {
            if (file.Group(prefix + name) is null)
            {
                throw KerasFileError.Invalid(file.Source, $"lists layer {name} in {prefix}layer_names but has no group /{prefix}{name}.");
            }

            string[] weights = Names(file, prefix + name, "weight_names") ?? [];
            if (weights.Length > 0)
            {
                layers.Add((name, weights));
            }
        }

        if (layers.Count != layout.Layers.Count)
        {
            throw KerasFileError.Invalid(file.Source,
                $"holds weights of {layers.Count} layers ({string.Join(", ", layers.Select(static l => l.Name))}), but this model has {layout.Layers.Count}: {layout}.");
        }

        for (int l = 0; l < layers.Count; l++)
        {
            (string name, string[] weights) = layers[l];
            LayerLayout layer = layout.Layers[l];
            if (weights.Length != layer.Weights.Count)
            {
                throw KerasFileError.Invalid(file.Source,
                    $"holds {weights.Length} weights for layer {l} ({name}: {string.Join(", ", weights)}), but this model's {layer.Name} has {layer.Weights.Count} ({string.Join(", ", layer.Weights.Select(static w => $"{w.Name} {w.ShapeText}"))}).");
            }

            for (int w = 0; w < weights.Length; w++)
            {
                WeightLayout weight = layer.Weights[w];
                if (KerasName(weights[w]) != weight.KerasName)
                {
                    throw KerasFileError.Invalid(file.Source,
                        $"holds {weights[w]} as weight {w} of layer {l} ({name}), where this model has {weight.Name} {weight.ShapeText}.");
                }

                file.Floats(prefix + name + "/" + weights[w], weight.Shape, weight.Name).CopyTo(weight.Of(parameters));
            }
        }
    }

    /// <summary>
    /// The strings of attribute <paramref name="name"/>, or of its chunks <c>name0</c>, <c>name1</c>, ... (Keras splits
    /// attributes longer than HDF5's header limit so); null when there is neither.
    /// </summary>
    private static string[]? Names(Hdf5Reader file, string path, string name)
    {
        if (file.Strings(path, name) is string[] whole)
        {
            return whole;
        }

        var chunks = new List<string>();
        for (int chunk = 0; file.Strings(path, name + chunk.ToString(System.Globalization.CultureInfo.InvariantCulture)) is string[] part; chunk++)
        {
            chunks.AddRange(part);
        }

        return chunks.Count > 0 ? [.. chunks] : null;
    }

    /// <summary><c>lstm/lstm_cell/kernel:0</c> → <c>kernel</c>: the last name, without TensorFlow's <c>:0</c>.</summary>
    private static string KerasName(string weightName)
    {
        string last = weightName[(weightName.LastIndexOf('/') + 1)..];
        int colon = last.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? last : last[..colon];
    }
}
