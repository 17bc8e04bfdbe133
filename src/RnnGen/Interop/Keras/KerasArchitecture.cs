using System.Text.Json;
using RnnGen.Persistence;

namespace RnnGen.Interop.Keras;

/// <summary>
/// Checks the architecture a Keras file states (a Sequential model's config: Keras 3's <c>config.json</c>, a legacy
/// file's <c>model_config</c> attribute) against a model's <see cref="ModelLayout"/>: every layer's class and options,
/// the input shape and stateful, with the layer checks the weights JSON uses.
/// </summary>
internal static class KerasArchitecture
{
    /// <summary>Layers that hold no weights and are the identity at inference: skipped.</summary>
    private static readonly string[] Skipped = ["InputLayer", "Dropout", "SpatialDropout1D", "GaussianDropout", "GaussianNoise", "AlphaDropout"];

    private static readonly string[] Supported = ["SimpleRNN", "LSTM", "GRU", "Dense", LayerWeights.BidirectionalClassName];

    /// <summary>Whether a file of this <c>keras_version</c> is Keras 1 or 2's (a legacy file without one is).</summary>
    public static bool IsKeras2(string? kerasVersion) =>
        kerasVersion is null || kerasVersion.StartsWith("1.", StringComparison.Ordinal) || kerasVersion.StartsWith("2.", StringComparison.Ordinal);

    /// <summary>
    /// Throws unless <paramref name="model"/> (<c>{"class_name": "Sequential", "config": {...}}</c>) is the architecture
    /// of <paramref name="layout"/>. <paramref name="keras2"/>: the file is Keras 2's, whose <c>hard_sigmoid</c> is
    /// <see cref="Activation.HardSigmoidKeras2"/> (Keras 3's is <see cref="Activation.HardSigmoid"/>).
    /// </summary>
    /// <exception cref="InvalidDataException">Another model class, a layer RnnGen does not have (named), another number
    /// of layers, or any difference in a layer's options or the input shape (each listed, expected and found).</exception>
    public static void Check(JsonElement model, bool keras2, ModelLayout layout, string source)
    {
        string? modelClass = model.ValueKind == JsonValueKind.Object && model.TryGetProperty("class_name", out JsonElement c) ? JsonText.Read(c, "class_name") : null;
        if (modelClass != "Sequential")
        {
            throw KerasFileError.Invalid(source, $"holds a {modelClass ?? "model without a class_name"}; KerasWeights reads Sequential models.");
        }

        JsonElement config = model.TryGetProperty("config", out JsonElement found) ? found : default;
        // Keras 2.1 and earlier wrote the Sequential config as the list of layers itself.
        JsonElement layers = config.ValueKind == JsonValueKind.Array ? config
            : config.ValueKind == JsonValueKind.Object && config.TryGetProperty("layers", out JsonElement list) && list.ValueKind == JsonValueKind.Array ? list
            : throw KerasFileError.Invalid(source, $"holds a Sequential config without a list of layers.");

        List<JsonElement> kept = Layers(layers, source, out JsonElement? inputShape);
        if (kept.Count != layout.Layers.Count)
        {
            throw KerasFileError.Invalid(source,
                $"holds {kept.Count} layers with weights ({string.Join(", ", kept.Select(Describe))}), but this model has {layout.Layers.Count}: {layout}.");
        }

        var differences = new List<string>();
        CheckInputShape(differences, inputShape ?? InputShapeOf(config, kept[0]), layout);
        Func<Activation, string> activationName = keras2 ? Keras2ActivationName : Keras3ActivationName;
        for (int l = 0; l < kept.Count; l++)
        {
            LayerLayout layer = layout.Layers[l];
            string fileName = NameOf(kept[l]);
            string where = fileName == layer.Name || fileName.Length == 0
                ? FormattableString.Invariant($"layer {l} ({layer.Name}) ")
                : FormattableString.Invariant($"layer {l} ({layer.Name}; {fileName} in the file) ");
            KerasLayersDocument.CheckLayer(differences, where, kept[l], layer.Settings, layout.Stateful, activationName);
        }

        if (differences.Count > 0)
        {
            throw KerasFileError.Invalid(source, $"holds another model than this one ({layout}): {string.Join("; ", differences)}.");
        }
    }

    /// <summary>The layers with weights, in order; the InputLayer's batch shape, when there is one.</summary>
    private static List<JsonElement> Layers(JsonElement layers, string source, out JsonElement? inputShape)
    {
        inputShape = null;
        var kept = new List<JsonElement>();
        var unsupported = new List<string>();
        int index = 0;
        foreach (JsonElement layer in layers.EnumerateArray())
        {
            string? className = layer.ValueKind == JsonValueKind.Object && layer.TryGetProperty("class_name", out JsonElement c) ? JsonText.Read(c, "class_name") : null;
            if (className == "InputLayer" && Config(layer) is JsonElement input)
            {
                inputShape = input.TryGetProperty("batch_shape", out JsonElement shape) || input.TryGetProperty("batch_input_shape", out shape) ? shape : null;
            }

            else if (className is null || !Skipped.Contains(className))
            {
                if (className is null || !Supported.Contains(className))
                {
                    unsupported.Add(FormattableString.Invariant($"layer {index} ({NameOf(layer)}) is a {className ?? "layer without a class_name"}"));
                }

                kept.Add(layer);
            }

            // Numbered as Keras' model.layers, which leaves out the InputLayer.
            index += className == "InputLayer" ? 0 : 1;
        }

        if (unsupported.Count > 0)
        {
            throw KerasFileError.Invalid(source,
                $"holds layers RnnGen does not have: {string.Join("; ", unsupported)}. RnnGen reads SimpleRNN, LSTM, GRU, Dense and Bidirectional layers, and skips {string.Join(", ", Skipped)}.");
        }

        return kept;
    }

    /// <summary>Without an InputLayer: the first layer's <c>batch_input_shape</c>, the Sequential's <c>build_input_shape</c>, or Keras 3's <c>build_config</c>.</summary>
    private static JsonElement? InputShapeOf(JsonElement config, JsonElement first)
    {
        if (Config(first) is JsonElement firstConfig && firstConfig.TryGetProperty("batch_input_shape", out JsonElement shape))
        {
            return shape;
        }

        if (config.ValueKind == JsonValueKind.Object && config.TryGetProperty("build_input_shape", out shape))
        {
            return shape;
        }

        return first.TryGetProperty("build_config", out JsonElement build) && build.ValueKind == JsonValueKind.Object
            && build.TryGetProperty("input_shape", out shape) ? shape : null;
    }

    /// <summary><c>[batch, time steps, features]</c>: features must be the model's; time steps too unless the file leaves them open (<c>null</c>).</summary>
    private static void CheckInputShape(List<string> differences, JsonElement? shape, ModelLayout layout)
    {
        if (shape is not JsonElement dimensions)
        {
            return;
        }

        JsonElement[] d = dimensions.ValueKind == JsonValueKind.Array ? [.. dimensions.EnumerateArray()] : [];
        bool fits = d.Length == 3
            && (d[1].ValueKind == JsonValueKind.Null || Int(d[1]) == layout.TimeSteps)
            && Int(d[2]) == layout.Features;
        if (!fits)
        {
            string text = d.Length == 0 ? dimensions.GetRawText()
                : "(" + string.Join(", ", d.Select(static e => e.ValueKind == JsonValueKind.Null ? "None" : e.GetRawText())) + ")";
            differences.Add(FormattableString.Invariant(
                $"input shape (batch, time steps, features): expected (None, {layout.TimeSteps}, {layout.Features}), found {text}"));
        }
    }

    private static int? Int(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int number) ? number : null;

    private static JsonElement? Config(JsonElement layer) =>
        layer.ValueKind == JsonValueKind.Object && layer.TryGetProperty("config", out JsonElement config) && config.ValueKind == JsonValueKind.Object ? config : null;

    /// <summary>The layer's <c>config.name</c> (Keras 3 and 2 keep it there), or empty.</summary>
    private static string NameOf(JsonElement layer) =>
        Config(layer) is JsonElement config && config.TryGetProperty("name", out JsonElement name) ? JsonText.Read(name, "a layer's name") ?? "" : "";

    private static string Describe(JsonElement layer)
    {
        string className = layer.TryGetProperty("class_name", out JsonElement c) ? JsonText.Read(c, "class_name") ?? "?" : "?";
        string name = NameOf(layer);
        return name.Length == 0 ? className : $"{className} {name}";
    }

    /// <summary>Keras 2's names: its own hard sigmoid is <c>hard_sigmoid</c>; Keras 3's has none; silu is <c>swish</c>.</summary>
    private static string Keras2ActivationName(Activation activation) => activation switch
    {
        Activation.HardSigmoidKeras2 => "hard_sigmoid",
        Activation.HardSigmoid => "relu6(x + 3) / 6 (Keras 3's hard_sigmoid, which Keras 2 does not have)",
        Activation.Swish => "swish",
        _ => LayerWeights.ActivationName(activation),
    };

    /// <summary>Keras 3's names: Keras 2's hard sigmoid has none.</summary>
    private static string Keras3ActivationName(Activation activation) => activation == Activation.HardSigmoidKeras2
        ? "clip(0.2 x + 0.5, 0, 1) (Keras 2's hard_sigmoid, which Keras 3 does not have)"
        : LayerWeights.ActivationName(activation);
}
