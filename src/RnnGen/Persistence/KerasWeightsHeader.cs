using System.Text.Json;

namespace RnnGen.Persistence;

/// <summary>
/// Checks what a weights JSON says it is (<c>format</c>, <c>version</c>, <c>shape</c>) against the model, as the binary
/// format checks its header. Each field is optional, for scripts that write only <c>weights</c>; one that is present must match.
/// </summary>
internal static class KerasWeightsHeader
{
    public const string Format = "rnngen-keras-weights";
    public const int Version = 1;

    /// <summary>Throws an <see cref="InvalidDataException"/> unless <paramref name="root"/>'s header fits <paramref name="shape"/>.</summary>
    public static void Check(JsonElement root, RnnShape shape)
    {
        if (root.TryGetProperty("format", out JsonElement format)
            && JsonText.Read(format, "\"format\"") != Format)
        {
            throw new InvalidDataException($"Expected \"format\": \"{Format}\", but the JSON has {format.GetRawText()}.");
        }

        if (root.TryGetProperty("version", out JsonElement version)
            && (version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out int number) || number != Version))
        {
            throw new InvalidDataException($"The weights JSON has \"version\": {version.GetRawText()}; this RnnGen reads version {Version}.");
        }

        if (root.TryGetProperty("shape", out JsonElement declared))
        {
            RnnShape? read = ReadShape(declared);
            if (read != shape)
            {
                throw new InvalidDataException(
                    $"The weights JSON holds weights of a {(read is null ? declared.GetRawText() : read.Value.ToString())} model, but this model is {shape}.");
            }
        }
    }

    /// <summary>The shape object written by <see cref="KerasWeightsJson.Export(IRnnModel)"/>, or null when a field is missing or malformed.</summary>
    private static RnnShape? ReadShape(JsonElement shape)
    {
        if (shape.ValueKind == JsonValueKind.Object
            && Enum.TryParse(String(shape, "cell"), ignoreCase: false, out CellKind cell) && Enum.IsDefined(cell)
            && Int(shape, "timeSteps") is int timeSteps && Int(shape, "features") is int features
            && Int(shape, "hiddenUnits") is int hiddenUnits && Int(shape, "denseUnits") is int denseUnits
            && ActivationNamed(String(shape, "hiddenActivation")) is Activation hidden
            && ActivationNamed(String(shape, "denseActivation")) is Activation dense
            && Bool(shape, "returnSequences") is bool returnSequences && Bool(shape, "stateful") is bool stateful)
        {
            return new RnnShape(cell, timeSteps, features, hiddenUnits, denseUnits, hidden, dense, returnSequences, stateful);
        }

        return null;
    }

    /// <summary>Keras' name of <paramref name="activation"/>: <c>tanh</c>, <c>relu</c>, …</summary>
    public static string KerasName(Activation activation) => activation.ToString().ToLowerInvariant();

    private static Activation? ActivationNamed(string? name)
    {
        foreach (Activation activation in Enum.GetValues<Activation>())
        {
            if (KerasName(activation) == name)
            {
                return activation;
            }
        }

        return null;
    }

    private static string? String(JsonElement shape, string name) =>
        shape.TryGetProperty(name, out JsonElement value) ? JsonText.Read(value, $"shape.{name}") : null;

    private static int? Int(JsonElement shape, string name) =>
        shape.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int number) ? number : null;

    private static bool? Bool(JsonElement shape, string name) =>
        shape.TryGetProperty(name, out JsonElement value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;
}
