using System.Text.Json;

namespace RnnGen.Persistence;

/// <summary>
/// The version-2 weights JSON: the model's options, then one object per layer as Keras describes a layer
/// (<c>class_name</c>, <c>name</c>, <c>config</c>) with that layer's <c>weights</c>. Layout in <see cref="KerasWeightsJson"/>'s remarks.
/// </summary>
internal static class KerasLayersDocument
{
    /// <summary>Writes the whole document for <paramref name="model"/>.</summary>
    public static void Write(Utf8JsonWriter writer, IRnnModel model)
    {
        ModelLayout layout = model.Layout;
        writer.WriteStartObject();
        writer.WriteString("format", KerasWeightsHeader.Format);
        writer.WriteNumber("version", KerasWeightsHeader.Version);
        writer.WriteNumber("time_steps", layout.TimeSteps);
        writer.WriteNumber("features", layout.Features);
        writer.WriteBoolean("stateful", layout.Stateful);
        writer.WriteStartArray("layers");
        foreach (LayerLayout layer in layout.Layers)
        {
            LayerSettings settings = layer.Settings;
            writer.WriteStartObject();
            if (settings.Bidirectional)
            {
                // As Keras serializes a wrapper: its own class and name, the wrapped layer's config inside its own.
                writer.WriteString("class_name", LayerWeights.BidirectionalClassName);
                writer.WriteString("name", layer.Name);
                writer.WriteStartObject("config");
                writer.WriteString("merge_mode", LayerWeights.MergeModeName(settings.MergeMode));
                writer.WriteStartObject("layer");
                writer.WriteString("class_name", LayerWeights.ClassName(layer.Kind));
                WriteConfig(writer, settings);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }
            else
            {
                writer.WriteString("class_name", LayerWeights.ClassName(layer.Kind));
                writer.WriteString("name", layer.Name);
                WriteConfig(writer, settings);
            }

            writer.WriteStartArray("weights");
            foreach (WeightLayout weight in layer.Weights)
            {
                KerasWeightValues.Write(writer, weight, model.Parameters);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>A layer's <c>config</c> object, with the keys Keras' <c>get_config()</c> uses for the options RnnGen has.</summary>
    private static void WriteConfig(Utf8JsonWriter writer, LayerSettings settings)
    {
        writer.WriteStartObject("config");
        writer.WriteNumber("units", settings.Units);
        writer.WriteString("activation", LayerWeights.ActivationName(settings.Activation));
        if (settings.IsGated)
        {
            writer.WriteString("recurrent_activation", LayerWeights.ActivationName(settings.RecurrentActivation));
        }

        writer.WriteBoolean("use_bias", settings.UseBias);
        if (settings.Kind == LayerKind.Lstm)
        {
            writer.WriteBoolean("unit_forget_bias", settings.UnitForgetBias);
        }

        if (settings.Kind == LayerKind.Gru)
        {
            writer.WriteBoolean("reset_after", settings.ResetAfter);
        }

        if (settings.IsRecurrent)
        {
            writer.WriteBoolean("return_sequences", settings.ReturnSequences);
            writer.WriteBoolean("go_backwards", settings.GoBackwards);
        }

        writer.WriteEndObject();
    }

    /// <summary>Checks the document's architecture against <paramref name="layout"/>, then reads every layer's weights into <paramref name="parameters"/>.</summary>
    /// <exception cref="InvalidDataException">The document describes another architecture (the message lists every difference,
    /// per layer, expected and found), or a weight is missing, extra, misnamed, of another shape or not finite.</exception>
    public static void Read(JsonElement root, ModelLayout layout, Span<float> parameters)
    {
        if (!root.TryGetProperty("layers", out JsonElement layers) || layers.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException("Expected a version-2 weights JSON to have a \"layers\" array.");
        }

        if (layers.GetArrayLength() != layout.Layers.Count)
        {
            throw KerasWeightValues.Invalid(
                $"Expected {layout.Layers.Count} layers ({layout}), but the JSON has {layers.GetArrayLength()}.");
        }

        CheckArchitecture(root, layers, layout);
        int l = 0;
        foreach (JsonElement element in layers.EnumerateArray())
        {
            LayerLayout layer = layout.Layers[l];
            string where = FormattableString.Invariant($"layer {l} ({layer.Name})");
            if (!element.TryGetProperty("weights", out JsonElement weights) || weights.ValueKind != JsonValueKind.Array)
            {
                throw KerasWeightValues.Invalid($"Expected {where} to have a \"weights\" array.");
            }

            if (weights.GetArrayLength() != layer.Weights.Count)
            {
                throw KerasWeightValues.Invalid(
                    $"Expected {where} to have {layer.Weights.Count} weights ({string.Join(", ", layer.Weights.Select(static w => w.Name))}), but the JSON has {weights.GetArrayLength()}.");
            }

            int w = 0;
            foreach (JsonElement weight in weights.EnumerateArray())
            {
                KerasWeightValues.Read(weight, layer.Weights[w], FormattableString.Invariant($"{where} weight {w}"), parameters);
                w++;
            }

            l++;
        }
    }

    /// <summary>
    /// Every option the document states, against the model's: the header's <c>time_steps</c>, <c>features</c>,
    /// <c>stateful</c>, and each layer's <c>class_name</c> and <c>config</c> (units, activation, recurrent_activation,
    /// use_bias, unit_forget_bias, reset_after, return_sequences, go_backwards, stateful; a Bidirectional wrapper's
    /// merge_mode, wrapped layer and backward layer). Keys the model has no counterpart for, such as a Keras
    /// <c>get_config()</c>'s initializers, are ignored, so a script may write a Keras config as it is.
    /// </summary>
    private static void CheckArchitecture(JsonElement root, JsonElement layers, ModelLayout layout)
    {
        var differences = new List<string>();
        Expect(differences, "", root, "time_steps", layout.TimeSteps);
        Expect(differences, "", root, "features", layout.Features);
        Expect(differences, "", root, "stateful", layout.Stateful);
        int l = 0;
        foreach (JsonElement element in layers.EnumerateArray())
        {
            LayerLayout layer = layout.Layers[l];
            CheckLayer(differences, FormattableString.Invariant($"layer {l} ({layer.Name}) "), element, layer.Settings, layout.Stateful, LayerWeights.ActivationName);
            l++;
        }

        if (differences.Count > 0)
        {
            throw new InvalidDataException($"The weights JSON describes another model than this one, {layout}: {string.Join("; ", differences)}.");
        }
    }

    /// <summary>
    /// Adds to <paramref name="differences"/> every way one layer object (<c>class_name</c>, <c>config</c>; a Bidirectional
    /// wrapper's <c>merge_mode</c>, <c>layer</c> and <c>backward_layer</c>) differs from <paramref name="settings"/>, each
    /// prefixed by <paramref name="where"/>. <paramref name="activationName"/> spells an activation as the document does
    /// (Keras 2 files call Keras 2's hard sigmoid <c>hard_sigmoid</c>).
    /// </summary>
    internal static void CheckLayer(List<string> differences, string where, JsonElement element, LayerSettings settings, bool stateful, Func<Activation, string> activationName)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            differences.Add($"{where}is {element.ValueKind.ToString().ToLowerInvariant()}, not an object");
            return;
        }

        if (element.TryGetProperty("name", out JsonElement name))
        {
            JsonText.Read(name, "a layer's name");
        }

        if (!settings.Bidirectional)
        {
            CheckDescribed(differences, where, element, settings, stateful, activationName);
            return;
        }

        // As Keras serializes a wrapper: inside its config, the merge mode and the wrapped (forward) layer, and the backward layer.
        Expect(differences, where, element, "class_name", LayerWeights.BidirectionalClassName);
        if (!Config(differences, where, element, out JsonElement wrapper))
        {
            return;
        }

        where += "config.";
        Expect(differences, where, wrapper, "merge_mode", LayerWeights.MergeModeName(settings.MergeMode));
        CheckWrapped(differences, where + "layer", wrapper, "layer", settings, stateful, activationName);
        CheckWrapped(differences, where + "backward_layer", wrapper, "backward_layer", settings with { GoBackwards = !settings.GoBackwards }, stateful, activationName);
    }

    private static void CheckWrapped(List<string> differences, string where, JsonElement wrapper, string key, LayerSettings settings, bool stateful, Func<Activation, string> activationName)
    {
        if (!wrapper.TryGetProperty(key, out JsonElement wrapped))
        {
            return;
        }

        if (wrapped.ValueKind != JsonValueKind.Object)
        {
            differences.Add($"{where} is {wrapped.GetRawText()}, not an object");
            return;
        }

        CheckDescribed(differences, where + ".", wrapped, settings, stateful, activationName);
    }

    /// <summary>A layer described by its own <c>class_name</c> and <c>config</c>: not a wrapper.</summary>
    private static void CheckDescribed(List<string> differences, string where, JsonElement described, LayerSettings settings, bool stateful, Func<Activation, string> activationName)
    {
        Expect(differences, where, described, "class_name", LayerWeights.ClassName(settings.Kind));
        if (Config(differences, where, described, out JsonElement config))
        {
            CheckConfig(differences, where + "config.", config, settings, stateful, activationName);
        }
    }

    /// <summary>The element's <c>config</c> object, when it has one (a difference when it is not an object).</summary>
    private static bool Config(List<string> differences, string where, JsonElement element, out JsonElement config)
    {
        if (!element.TryGetProperty("config", out config))
        {
            return false;
        }

        if (config.ValueKind != JsonValueKind.Object)
        {
            differences.Add($"{where}config is {config.GetRawText()}, not an object");
            return false;
        }

        return true;
    }

    private static void CheckConfig(List<string> differences, string where, JsonElement config, LayerSettings settings, bool stateful, Func<Activation, string> activationName)
    {
        Expect(differences, where, config, "units", settings.Units);
        Expect(differences, where, config, "activation", activationName(settings.Activation));
        Expect(differences, where, config, "use_bias", settings.UseBias);
        if (settings.IsGated)
        {
            Expect(differences, where, config, "recurrent_activation", activationName(settings.RecurrentActivation));
        }

        if (settings.Kind == LayerKind.Lstm)
        {
            Expect(differences, where, config, "unit_forget_bias", settings.UnitForgetBias);
        }

        if (settings.Kind == LayerKind.Gru)
        {
            Expect(differences, where, config, "reset_after", settings.ResetAfter);
        }

        if (settings.IsRecurrent)
        {
            Expect(differences, where, config, "return_sequences", settings.ReturnSequences);
            Expect(differences, where, config, "go_backwards", settings.GoBackwards);
            Expect(differences, where, config, "stateful", stateful);
        }
    }

    private static void Expect(List<string> differences, string where, JsonElement owner, string key, int expected)
    {
        if (owner.TryGetProperty(key, out JsonElement found)
            && !(found.ValueKind == JsonValueKind.Number && found.TryGetInt32(out int value) && value == expected))
        {
            differences.Add(FormattableString.Invariant($"{where}{key}: expected {expected}, found {found.GetRawText()}"));
        }
    }

    private static void Expect(List<string> differences, string where, JsonElement owner, string key, bool expected)
    {
        if (owner.TryGetProperty(key, out JsonElement found)
            && !(found.ValueKind is JsonValueKind.True or JsonValueKind.False && found.GetBoolean() == expected))
        {
            differences.Add($"{where}{key}: expected {(expected ? "true" : "false")}, found {found.GetRawText()}");
        }
    }

    private static void Expect(List<string> differences, string where, JsonElement owner, string key, string expected)
    {
        if (owner.TryGetProperty(key, out JsonElement found) && JsonText.Read(found, $"{where}{key}") != expected)
        {
            differences.Add($"{where}{key}: expected \"{expected}\", found {found.GetRawText()}");
        }
    }
}
