namespace RnnGen.Interop.Keras;

/// <summary>
/// Reads weights laid out as Keras 3's <c>saving_lib</c> writes them (<c>model.weights.h5</c> in a <c>.keras</c> archive,
/// or a <c>.weights.h5</c> file): each layer of the Sequential at <c>layers/&lt;class name in snake_case&gt;[_&lt;n&gt;]</c>,
/// numbered per class in order; a Dense layer's variables in <c>vars/0</c>, <c>vars/1</c>; a recurrent layer's in its
/// cell's, <c>cell/vars/&lt;i&gt;</c>; a Bidirectional layer's under <c>forward_layer/cell/vars</c> and
/// <c>backward_layer/cell/vars</c>. Groups that hold no datasets (the model's own <c>vars</c>, a Dropout's) are ignored,
/// as is anything outside <c>layers</c> (a compiled model's <c>optimizer</c>).
/// </summary>
internal static class Keras3Weights
{
    /// <summary>Whether the file has the <c>layers</c> group of this layout.</summary>
    public static bool Recognizes(Hdf5Reader file) => file.Group("layers") is not null;

    /// <summary>Reads every weight of <paramref name="layout"/> into <paramref name="parameters"/>.</summary>
    /// <exception cref="InvalidDataException">A weight is missing, extra, of another shape or type, or unreadable; the message lists them.</exception>
    public static void Read(Hdf5Reader file, ModelLayout layout, Span<float> parameters)
    {
        var expected = new List<(string Path, WeightLayout Weight)>();
        var ordinals = new Dictionary<string, int>();
        foreach (LayerLayout layer in layout.Layers)
        {
            LayerSettings settings = layer.Settings;
            string stem = settings.Bidirectional ? LayerWeights.BidirectionalStem : LayerWeights.NameStem(layer.Kind);
            ordinals.TryGetValue(stem, out int ordinal);
            ordinals[stem] = ordinal + 1;
            string group = "layers/" + LayerWeights.Numbered(stem, ordinal);
            int perDirection = LayerWeights.Count(layer.Kind, settings.UseBias);
            for (int w = 0; w < layer.Weights.Count; w++)
            {
                string variables = !settings.IsRecurrent ? group + "/vars"
                    : !settings.Bidirectional ? group + "/cell/vars"
                    : group + (w < perDirection ? "/forward_layer" : "/backward_layer") + "/cell/vars";
                expected.Add((variables + "/" + (w % perDirection).ToString(System.Globalization.CultureInfo.InvariantCulture), layer.Weights[w]));
            }
        }

        List<string> present = file.DatasetsUnder("layers");
        string[] missing = [.. expected.Where(e => !present.Contains(e.Path)).Select(static e => $"{e.Path} ({e.Weight.Name} {e.Weight.ShapeText})")];
        string[] extra = [.. present.Where(p => !expected.Any(e => e.Path == p))];
        if (missing.Length > 0 || extra.Length > 0)
        {
            throw KerasFileError.Invalid(file.Source,
                $"does not hold this model's weights ({layout}):{(missing.Length > 0 ? " missing " + string.Join(", ", missing) + ";" : "")}{(extra.Length > 0 ? " extra " + string.Join(", ", extra) + ", for which this model has no place;" : "")} expected exactly {string.Join(", ", expected.Select(static e => e.Path))}.");
        }

        foreach ((string path, WeightLayout weight) in expected)
        {
            file.Floats(path, weight.Shape, weight.Name).CopyTo(weight.Of(parameters));
        }
    }
}
