using System.Text;
using System.Text.Json;

namespace RnnGen.Persistence;

/// <summary>
/// Weights as JSON in Keras <c>get_weights()</c> order, with names and shapes, so they travel to and from
/// Keras or PyTorch scripts. Each weight's <c>values</c> is a nested array of its shape
/// (<c>np.array(w["values"], dtype="float32")</c> has the right shape for <c>model.set_weights</c>).
/// </summary>
/// <remarks>
/// <code>
/// {
///   "format": "rnngen-keras-weights", "version": 1,
///   "shape": { "cell": "SimpleRnn", "timeSteps": 12, "features": 1, "hiddenUnits": 3, "denseUnits": 1,
///              "hiddenActivation": "tanh", "denseActivation": "tanh", "returnSequences": false, "stateful": false },
///   "weights": [
///     { "name": "simple_rnn/kernel",           "shape": [1, 3], "values": [[…, …, …]] },
///     { "name": "simple_rnn/recurrent_kernel", "shape": [3, 3], "values": [[…], […], […]] },
///     { "name": "simple_rnn/bias",             "shape": [3],    "values": […] },
///     { "name": "dense/kernel",                "shape": [3, 1], "values": [[…], […], […]] },
///     { "name": "dense/bias",                  "shape": [1],    "values": […] }
///   ]
/// }
/// </code>
/// PyTorch's <c>nn.RNN</c> stores the transposes: <c>weight_ih_l0 = kernel.T</c>, <c>weight_hh_l0 = recurrent_kernel.T</c>,
/// <c>bias_ih_l0 = bias</c> with <c>bias_hh_l0 = 0</c>, and <c>nn.Linear.weight = dense kernel.T</c>.
/// Import reads weights by position; each must have the model's shape, and a name, when given, must end in the
/// expected Keras name (<c>kernel</c>, <c>recurrent_kernel</c>, <c>bias</c>), so layer prefixes such as
/// <c>simple_rnn_1/</c> are accepted.
/// </remarks>
public static class KerasWeightsJson
{
    // Strict: a lone surrogate in the text is refused rather than silently replaced.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The model's weights as indented JSON (layout in the remarks).</summary>
    /// <exception cref="ArgumentException">A parameter is NaN or infinite (JSON has no such numbers); the message names it.</exception>
    public static string Export(IRnnModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        FiniteWeights.Require(model, nameof(model));
        using var buffer = new MemoryStream();
        Export(model, buffer);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Writes the model's weights as UTF-8 JSON to <paramref name="utf8Json"/>.</summary>
    /// <exception cref="ArgumentException">A parameter is NaN or infinite (JSON has no such numbers); the message names it,
    /// and nothing is written to <paramref name="utf8Json"/>.</exception>
    public static void Export(IRnnModel model, Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(utf8Json);
        FiniteWeights.Require(model, nameof(model));
        RnnShape shape = model.Shape;
        using var writer = new Utf8JsonWriter(utf8Json, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteString("format", KerasWeightsHeader.Format);
        writer.WriteNumber("version", KerasWeightsHeader.Version);
        writer.WriteStartObject("shape");
        writer.WriteString("cell", shape.Cell.ToString());
        writer.WriteNumber("timeSteps", shape.TimeSteps);
        writer.WriteNumber("features", shape.Features);
        writer.WriteNumber("hiddenUnits", shape.HiddenUnits);
        writer.WriteNumber("denseUnits", shape.DenseUnits);
        writer.WriteString("hiddenActivation", KerasWeightsHeader.KerasName(shape.HiddenActivation));
        writer.WriteString("denseActivation", KerasWeightsHeader.KerasName(shape.DenseActivation));
        writer.WriteBoolean("returnSequences", shape.ReturnSequences);
        writer.WriteBoolean("stateful", shape.Stateful);
        writer.WriteEndObject();
        writer.WriteStartArray("weights");
        foreach (KerasWeight weight in KerasWeight.Of(shape))
        {
            writer.WriteStartObject();
            writer.WriteString("name", weight.Name);
            writer.WriteStartArray("shape");
            writer.WriteNumberValue(weight.Rows);
            if (weight.Columns > 0)
            {
                writer.WriteNumberValue(weight.Columns);
            }

            writer.WriteEndArray();
            writer.WritePropertyName("values");
            WriteValues(writer, model.Parameters.Slice(weight.Offset, weight.Length), weight);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Reads weights exported by <see cref="Export(IRnnModel)"/> (or written by a script in that layout) into <paramref name="model"/>.</summary>
    /// <remarks><c>format</c>, <c>version</c> and <c>shape</c> may be left out (a script may write only <c>weights</c>);
    /// when present, they must be those <see cref="Export(IRnnModel)"/> writes for this model.</remarks>
    /// <exception cref="InvalidDataException">The JSON is malformed or not valid text (a lone surrogate); its format, version
    /// or shape is not this model's; a weight is missing, extra, misnamed or of another shape; or a value is not a finite
    /// number. The message says which. The model is unchanged.</exception>
    public static void Import(IRnnModel model, string json)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(json);
        using JsonDocument document = Parse(json);
        var parameters = new float[model.ParameterCount];
        JsonElement root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object)
        {
            KerasWeightsHeader.Check(root, model.Shape);
        }

        ReadWeights(root, model.Shape, parameters);
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
            throw Invalid($"The weights JSON is not valid text: a lone surrogate (U+{(int)e.CharUnknown:X4}) at character {e.Index}.");
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

    private static void ReadWeights(JsonElement root, RnnShape shape, float[] parameters)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("weights", out JsonElement weights) || weights.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException("Expected a JSON object with a \"weights\" array.");
        }

        KerasWeight[] expected = KerasWeight.Of(shape);
        if (weights.GetArrayLength() != expected.Length)
        {
            throw Invalid(
                $"Expected {expected.Length} weights (kernel, recurrent_kernel, bias, dense kernel, dense bias), but the JSON has {weights.GetArrayLength()}.");
        }

        int index = 0;
        foreach (JsonElement element in weights.EnumerateArray())
        {
            KerasWeight weight = expected[index++];
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("values", out JsonElement values))
            {
                throw Invalid($"Expected weight {index - 1} ({weight.Name}) to be an object with \"values\".");
            }

            if (element.TryGetProperty("name", out JsonElement name) && !NameMatches(name, weight))
            {
                throw Invalid($"Expected weight {index - 1} to be {weight.Name} (a name ending in \"{weight.KerasSuffix}\"), but it is named {name}.");
            }

            if (element.TryGetProperty("shape", out JsonElement declared) && !ShapeMatches(declared, weight))
            {
                throw Invalid($"Expected {weight.Name} of shape {weight.ShapeText}, but the JSON declares {DescribeShape(declared)}.");
            }

            ReadValues(values, weight, parameters.AsSpan(weight.Offset, weight.Length));
        }
    }

    private static void ReadValues(JsonElement values, KerasWeight weight, Span<float> destination)
    {
        if (weight.Columns == 0)
        {
            ReadRow(values, weight, destination, -1);
            return;
        }

        if (values.ValueKind != JsonValueKind.Array || values.GetArrayLength() != weight.Rows)
        {
            throw Invalid($"Expected {weight.Name} values as {weight.Rows} rows (shape {weight.ShapeText}).");
        }

        int row = 0;
        foreach (JsonElement rowValues in values.EnumerateArray())
        {
            ReadRow(rowValues, weight, destination.Slice(row * weight.Columns, weight.Columns), row);
            row++;
        }
    }

    private static void ReadRow(JsonElement values, KerasWeight weight, Span<float> destination, int row)
    {
        string where = row < 0 ? weight.Name : $"{weight.Name} row {row}";
        if (values.ValueKind != JsonValueKind.Array || values.GetArrayLength() != destination.Length)
        {
            throw Invalid($"Expected {where} to be an array of {destination.Length} numbers (shape {weight.ShapeText}).");
        }

        int i = 0;
        foreach (JsonElement value in values.EnumerateArray())
        {
            if (value.ValueKind != JsonValueKind.Number || !value.TryGetSingle(out float number) || !float.IsFinite(number))
            {
                throw Invalid($"Expected a finite number at {where}, index {i}, but found {value}.");
            }

            destination[i++] = number;
        }
    }

    private static void WriteValues(Utf8JsonWriter writer, ReadOnlySpan<float> values, KerasWeight weight)
    {
        if (weight.Columns == 0)
        {
            WriteRow(writer, values);
            return;
        }

        writer.WriteStartArray();
        for (int r = 0; r < weight.Rows; r++)
        {
            WriteRow(writer, values.Slice(r * weight.Columns, weight.Columns));
        }

        writer.WriteEndArray();
    }

    private static void WriteRow(Utf8JsonWriter writer, ReadOnlySpan<float> values)
    {
        writer.WriteStartArray();
        foreach (float value in values)
        {
            writer.WriteNumberValue(value);
        }

        writer.WriteEndArray();
    }

    private static bool NameMatches(JsonElement name, KerasWeight weight)
    {
        if (JsonText.Read(name, "a weight's name") is not string text)
        {
            return false;
        }

        int slash = text.LastIndexOf('/');
        string last = slash < 0 ? text : text[(slash + 1)..];
        // Keras names may carry a ":0" suffix (TensorFlow variables).
        int colon = last.IndexOf(':', StringComparison.Ordinal);
        return (colon < 0 ? last : last[..colon]) == weight.KerasSuffix;
    }

    private static bool ShapeMatches(JsonElement declared, KerasWeight weight)
    {
        if (declared.ValueKind != JsonValueKind.Array || declared.GetArrayLength() != (weight.Columns == 0 ? 1 : 2))
        {
            return false;
        }

        int d = 0;
        foreach (JsonElement dimension in declared.EnumerateArray())
        {
            int expected = d++ == 0 ? weight.Rows : weight.Columns;
            if (dimension.ValueKind != JsonValueKind.Number || !dimension.TryGetInt32(out int value) || value != expected)
            {
                return false;
            }
        }

        return true;
    }

    private static string DescribeShape(JsonElement declared)
    {
        if (declared.ValueKind != JsonValueKind.Array)
        {
            return declared.GetRawText();
        }

        var dimensions = new List<string>();
        foreach (JsonElement dimension in declared.EnumerateArray())
        {
            dimensions.Add(dimension.GetRawText());
        }

        return dimensions.Count == 1 ? $"({dimensions[0]},)" : $"({string.Join(", ", dimensions)})";
    }

    /// <summary>A refusal whose numbers read the same in every culture.</summary>
    private static InvalidDataException Invalid(FormattableString message) => new(FormattableString.Invariant(message));
}
