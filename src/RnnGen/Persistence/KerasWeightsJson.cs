using System.Text;
using System.Text.Json;

namespace RnnGen.Persistence;

/// <summary>
/// Weights as JSON, one object per layer as Keras describes its layers, each with its <c>get_weights()</c> arrays
/// (names, shapes, values), so they travel to and from Keras or PyTorch scripts. Each weight's <c>values</c> is a
/// nested array of its shape (<c>np.array(w["values"], dtype="float32")</c> has the right shape for
/// <c>layer.set_weights</c>).
/// </summary>
/// <remarks>
/// <para>Version 2, written by <see cref="Export(IRnnModel)"/> (for <c>[Rnn(TimeSteps = 12)] [SimpleRnn(3)] [Dense(1, Activation = Activation.Tanh)]</c>):</para>
/// <code>
/// {
///   "format": "rnngen-keras-weights", "version": 2, "time_steps": 12, "features": 1, "stateful": false,
///   "layers": [
///     { "class_name": "SimpleRNN", "name": "simple_rnn",
///       "config": { "units": 3, "activation": "tanh", "use_bias": true, "return_sequences": false, "go_backwards": false },
///       "weights": [
///         { "name": "simple_rnn/kernel",           "shape": [1, 3], "values": [[…, …, …]] },
///         { "name": "simple_rnn/recurrent_kernel", "shape": [3, 3], "values": [[…], […], […]] },
///         { "name": "simple_rnn/bias",             "shape": [3],    "values": […] } ] },
///     { "class_name": "Dense", "name": "dense",
///       "config": { "units": 1, "activation": "tanh", "use_bias": true },
///       "weights": [
///         { "name": "dense/kernel", "shape": [3, 1], "values": [[…], […], […]] },
///         { "name": "dense/bias",   "shape": [1],    "values": […] } ] }
///   ]
/// }
/// </code>
/// <para><c>class_name</c> and the <c>config</c> keys are spelled as Keras spells them, so a script can write
/// <c>{"class_name": type(layer).__name__, "name": layer.name, "config": layer.get_config(), "weights": …}</c> for
/// each layer of a Keras <c>Sequential</c>: config keys that RnnGen has no counterpart for (initializers, dtype, …)
/// are ignored, and a layer's own <c>name</c> is not checked (Keras numbers layers per session). Every other field
/// is optional, for scripts that write only the weights; one that is present must match the model. A layer with
/// <c>use_bias=False</c> has no bias weight.</para>
/// <para>Version 1 (read, no longer written) held a single SimpleRNN + Dense model: a <c>shape</c> object
/// (<c>cell</c>, <c>timeSteps</c>, <c>features</c>, <c>hiddenUnits</c>, <c>denseUnits</c>, <c>hiddenActivation</c>,
/// <c>denseActivation</c>, <c>returnSequences</c>, <c>stateful</c>) and one flat <c>weights</c> array; it imports into
/// the equivalent model. A document with neither <c>version</c> nor <c>layers</c> is read as version 1: a flat
/// <c>weights</c> array in <c>model.get_weights()</c> order, which fits any model.</para>
/// <para>PyTorch's <c>nn.RNN</c> stores the transposes: <c>weight_ih_l0 = kernel.T</c>, <c>weight_hh_l0 = recurrent_kernel.T</c>,
/// <c>bias_ih_l0 = bias</c> with <c>bias_hh_l0 = 0</c>, and <c>nn.Linear.weight = kernel.T</c>.
/// Import reads weights by position; each must have the model's shape, and a name, when given, must end in the
/// expected Keras name (<c>kernel</c>, <c>recurrent_kernel</c>, <c>bias</c>; a <c>:0</c> suffix is allowed), so
/// prefixes such as <c>simple_rnn_1/simple_rnn_cell/</c> are accepted.</para>
/// </remarks>
public static class KerasWeightsJson
{
    // Strict: a lone surrogate in the text is refused rather than silently replaced.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The model's weights as an indented version-2 document (layout in the remarks).</summary>
    /// <exception cref="ArgumentException">A parameter is NaN or infinite (JSON has no such numbers); the message names it.</exception>
    public static string Export(IRnnModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        FiniteWeights.Require(model, nameof(model));
        using var buffer = new MemoryStream();
        Export(model, buffer);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Writes the model's weights as a UTF-8 version-2 document to <paramref name="utf8Json"/>.</summary>
    /// <exception cref="ArgumentException">A parameter is NaN or infinite (JSON has no such numbers); the message names it,
    /// and nothing is written to <paramref name="utf8Json"/>.</exception>
    public static void Export(IRnnModel model, Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(utf8Json);
        FiniteWeights.Require(model, nameof(model));
        using var writer = new Utf8JsonWriter(utf8Json, new JsonWriterOptions { Indented = true });
        KerasLayersDocument.Write(writer, model);
    }

    /// <summary>Reads weights exported by <see cref="Export(IRnnModel)"/> (version 2 or 1, or written by a script in either layout) into <paramref name="model"/>.</summary>
    /// <remarks>Everything but the weights' values may be left out; what is present must be what <see cref="Export(IRnnModel)"/>
    /// writes for this model. The whole document is checked before a single parameter is written.</remarks>
    /// <exception cref="InvalidDataException">The JSON is malformed or not valid text (a lone surrogate); its format or version
    /// is not one this RnnGen reads; it describes another architecture (the message lists each difference, per layer,
    /// expected and found); a layer or weight is missing, extra, misnamed or of another shape; or a value is not a finite
    /// number. The message says which. The model is unchanged.</exception>
    public static void Import(IRnnModel model, string json)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(json);
        using JsonDocument document = Parse(json);
        JsonElement root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException(
                $"Expected a JSON object with a \"layers\" array (version 2) or a \"weights\" array (version 1), but the JSON is {root.ValueKind.ToString().ToLowerInvariant()}.");
        }

        ModelLayout layout = model.Layout;
        var parameters = new float[layout.ParameterCount];
        if (KerasWeightsHeader.VersionOf(root) == KerasWeightsHeader.Version)
        {
            KerasLayersDocument.Read(root, layout, parameters);
        }
        else
        {
            KerasWeightsHeader.CheckVersionOneShape(root, layout);
            ReadVersionOneWeights(root, layout, parameters);
        }

        parameters.CopyTo(model.Parameters);
    }

    private static JsonDocument Parse(string json)
    {
        byte[] utf8;
        try
        {
            utf8 = StrictUtf8.GetBytes(json);
        }
        catch (EncoderFallbackException e)
        {
            throw KerasWeightValues.Invalid($"The weights JSON is not valid text: a lone surrogate (U+{(int)e.CharUnknown:X4}) at character {e.Index}.");
        }

        try
        {
            return JsonDocument.Parse(utf8);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The weights JSON is malformed: {e.Message}", e);
        }
    }

    private static void ReadVersionOneWeights(JsonElement root, ModelLayout layout, Span<float> parameters)
    {
        if (!root.TryGetProperty("weights", out JsonElement weights) || weights.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException("Expected a JSON object with a \"layers\" array (version 2) or a \"weights\" array (version 1).");
        }

        IReadOnlyList<WeightLayout> expected = layout.Weights;
        if (weights.GetArrayLength() != expected.Count)
        {
            throw KerasWeightValues.Invalid(
                $"Expected {expected.Count} weights ({string.Join(", ", expected.Select(static w => w.Name))}), but the JSON has {weights.GetArrayLength()}.");
        }

        int index = 0;
        foreach (JsonElement element in weights.EnumerateArray())
        {
            KerasWeightValues.Read(element, expected[index], FormattableString.Invariant($"weight {index}"), parameters);
            index++;
        }
    }
}
