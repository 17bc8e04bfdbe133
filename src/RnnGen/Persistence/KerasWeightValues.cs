using System.Text.Json;

namespace RnnGen.Persistence;

/// <summary>
/// One weight object of a weights JSON, <c>{"name": "simple_rnn/kernel", "shape": [1, 3], "values": [[…]]}</c>:
/// written from, and checked and read into, the place a <see cref="WeightLayout"/> gives it. Both document versions use it.
/// </summary>
internal static class KerasWeightValues
{
    /// <summary>Writes <paramref name="weight"/>'s object with its floats from <paramref name="parameters"/>, values nested in its shape.</summary>
    public static void Write(Utf8JsonWriter writer, WeightLayout weight, ReadOnlySpan<float> parameters)
    {
        writer.WriteStartObject();
        writer.WriteString("name", weight.Name);
        writer.WriteStartArray("shape");
        foreach (int dimension in weight.Shape)
        {
            writer.WriteNumberValue(dimension);
        }

        writer.WriteEndArray();
        writer.WritePropertyName("values");
        ReadOnlySpan<float> values = parameters.Slice(weight.Offset, weight.Length);
        if (weight.IsVector)
        {
            WriteRow(writer, values);
        }
        else
        {
            writer.WriteStartArray();
            for (int r = 0; r < weight.Rows; r++)
            {
                WriteRow(writer, values.Slice(r * weight.Columns, weight.Columns));
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary>Checks <paramref name="element"/> against <paramref name="weight"/> and reads its values into <paramref name="parameters"/>.</summary>
    /// <param name="element">The JSON weight object.</param>
    /// <param name="weight">The model's weight at that place.</param>
    /// <param name="where">Names the place in messages: <c>weight 2</c>, <c>layer 1 (dense) weight 0</c>.</param>
    /// <param name="parameters">A scratch copy of the whole parameter buffer.</param>
    /// <exception cref="InvalidDataException">The object has no values, another name or shape, or a value that is not a finite number.</exception>
    public static void Read(JsonElement element, WeightLayout weight, string where, Span<float> parameters)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("values", out JsonElement values))
        {
            throw Invalid($"Expected {where} ({weight.Name}) to be an object with \"values\".");
        }

        if (element.TryGetProperty("name", out JsonElement name) && !NameMatches(name, weight))
        {
            throw Invalid($"Expected {where} to be {weight.Name} (a name ending in \"{weight.KerasName}\"), but it is named {name.GetRawText()}.");
        }

        if (element.TryGetProperty("shape", out JsonElement declared) && !ShapeMatches(declared, weight))
        {
            throw Invalid($"Expected {weight.Name} of shape {weight.ShapeText}, but the JSON declares {DescribeShape(declared)}.");
        }

        Span<float> destination = parameters.Slice(weight.Offset, weight.Length);
        if (weight.IsVector)
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

    private static void ReadRow(JsonElement values, WeightLayout weight, Span<float> destination, int row)
    {
        string where = row < 0 ? weight.Name : FormattableString.Invariant($"{weight.Name} row {row}");
        if (values.ValueKind != JsonValueKind.Array || values.GetArrayLength() != destination.Length)
        {
            throw Invalid($"Expected {where} to be an array of {destination.Length} numbers (shape {weight.ShapeText}).");
        }

        int i = 0;
        foreach (JsonElement value in values.EnumerateArray())
        {
            if (value.ValueKind != JsonValueKind.Number || !value.TryGetSingle(out float number) || !float.IsFinite(number))
            {
                throw Invalid($"Expected a finite number at {where}, index {i}, but found {value.GetRawText()}.");
            }

            destination[i++] = number;
        }
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

    private static bool NameMatches(JsonElement name, WeightLayout weight)
    {
        if (JsonText.Read(name, "a weight's name") is not string text)
        {
            return false;
        }

        int slash = text.LastIndexOf('/');
        string last = slash < 0 ? text : text[(slash + 1)..];
        // Keras names may carry a ":0" suffix (TensorFlow variables).
        int colon = last.IndexOf(':', StringComparison.Ordinal);
        return (colon < 0 ? last : last[..colon]) == weight.KerasName;
    }

    private static bool ShapeMatches(JsonElement declared, WeightLayout weight)
    {
        IReadOnlyList<int> shape = weight.Shape;
        if (declared.ValueKind != JsonValueKind.Array || declared.GetArrayLength() != shape.Count)
        {
            return false;
        }

        int d = 0;
        foreach (JsonElement dimension in declared.EnumerateArray())
        {
            if (dimension.ValueKind != JsonValueKind.Number || !dimension.TryGetInt32(out int value) || value != shape[d++])
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
    internal static InvalidDataException Invalid(FormattableString message) => new(FormattableString.Invariant(message));
}
