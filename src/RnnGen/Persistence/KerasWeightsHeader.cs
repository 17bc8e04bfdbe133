using System.Text.Json;

namespace RnnGen.Persistence;

/// <summary>
/// Checks what a weights JSON says it is (<c>format</c>, <c>version</c>; a version-1 document's <c>shape</c>) against the
/// model, as the binary format checks its header. Each field is optional, for scripts that write only the weights; one
/// that is present must match.
/// </summary>
internal static class KerasWeightsHeader
{
    public const string Format = "rnngen-keras-weights";

    /// <summary>The version <see cref="KerasWeightsJson.Export(IRnnModel)"/> writes: the per-layer document.</summary>
    public const int Version = 2;

    /// <summary>The single-layer document (a <c>shape</c> object and one flat <c>weights</c> array), still read.</summary>
    public const int VersionOne = 1;

    /// <summary>
    /// The document's version, after checking its <c>format</c>: the declared <c>version</c>, or without one, 2 for a
    /// document with <c>layers</c> and 1 for one without.
    /// </summary>
    /// <exception cref="InvalidDataException">Another format, or a version other than 1 and 2.</exception>
    public static int VersionOf(JsonElement root)
    {
        if (root.TryGetProperty("format", out JsonElement format)
            && JsonText.Read(format, "\"format\"") != Format)
        {
            throw new InvalidDataException($"Expected \"format\": \"{Format}\", but the JSON has {format.GetRawText()}.");
        }

        if (!root.TryGetProperty("version", out JsonElement version))
        {
            return root.TryGetProperty("layers", out _) ? Version : VersionOne;
        }

        if (version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out int number) || number is not (VersionOne or Version))
        {
            throw new InvalidDataException(
                $"The weights JSON has \"version\": {version.GetRawText()}; this RnnGen reads versions {VersionOne} and {Version}.");
        }

        return number;
    }

    /// <summary>Throws an <see cref="InvalidDataException"/> unless a version-1 document's <c>shape</c>, when present, names <paramref name="layout"/>.</summary>
    public static void CheckVersionOneShape(JsonElement root, ModelLayout layout)
    {
        if (!root.TryGetProperty("shape", out JsonElement declared))
        {
            return;
        }

        RnnShape? read = ReadShape(declared);
        ModelLayout? found = read is RnnShape shape ? VersionOneShape.ToLayout(shape) : null;
        if (found is null)
        {
            throw new InvalidDataException(
                $"The weights JSON holds weights of a {(read is null ? declared.GetRawText() : read.Value.ToString())} model, but this model is {layout}.");
        }

        if (found != layout)
        {
            throw new InvalidDataException(
                $"The weights JSON holds weights of {found}, but this model is {layout}: {LayoutMismatch.Describe(layout, found)}.");
        }
    }

    /// <summary>The shape object of a version-1 document, or null when a field is missing or malformed.</summary>
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

    // Version 1 wrote the enum member's name in lower case.
    private static Activation? ActivationNamed(string? name)
    {
        foreach (Activation activation in Enum.GetValues<Activation>())
        {
            if (activation.ToString().ToLowerInvariant() == name)
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
