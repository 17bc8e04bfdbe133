using System.IO.Compression;
using System.Text.Json;
using RnnGen.Persistence;

namespace RnnGen.Interop.Keras;

/// <summary>
/// A Keras 3 <c>.keras</c> file, as <c>saving_lib.save_model</c> writes it: a zip of <c>metadata.json</c>
/// (<c>keras_version</c>, <c>date_saved</c>), <c>config.json</c> (the serialized model) and <c>model.weights.h5</c>.
/// </summary>
internal static class KerasArchive
{
    public const string ConfigEntry = "config.json";
    public const string MetadataEntry = "metadata.json";
    public const string WeightsEntry = "model.weights.h5";

    /// <summary>Whether <paramref name="bytes"/> start as a zip archive does.</summary>
    public static bool IsZip(ReadOnlySpan<byte> bytes) => bytes.StartsWith("PK\u0003\u0004"u8) || bytes.StartsWith("PK\u0005\u0006"u8);

    /// <summary>Checks the archive's config against <paramref name="layout"/>, then reads its weights into <paramref name="parameters"/>.</summary>
    /// <exception cref="InvalidDataException">The zip is truncated or corrupt, an entry is missing, a JSON entry is not valid
    /// JSON, the config describes another architecture, or the weights do not fit.</exception>
    public static void Read(byte[] bytes, string source, ModelLayout layout, Span<float> parameters)
    {
        byte[] config, metadata, weights;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            config = Entry(zip, ConfigEntry, source);
            metadata = Entry(zip, MetadataEntry, source);
            weights = Entry(zip, WeightsEntry, source);
        }
        catch (InvalidDataException e) when (!e.Message.StartsWith(source, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{source} is a truncated or corrupt zip archive (a .keras file is a zip): {e.Message}", e);
        }

        using JsonDocument configJson = Parse(config, source, ConfigEntry);
        using JsonDocument metadataJson = Parse(metadata, source, MetadataEntry);
        string? version = metadataJson.RootElement.ValueKind == JsonValueKind.Object
            && metadataJson.RootElement.TryGetProperty("keras_version", out JsonElement v) ? JsonText.Read(v, "keras_version") : null;
        if (version is null)
        {
            throw KerasFileError.Invalid(source, $"has no keras_version in {MetadataEntry}.");
        }

        KerasArchitecture.Check(configJson.RootElement, KerasArchitecture.IsKeras2(version), layout, $"{source} ({ConfigEntry})");
        using Hdf5Reader file = Hdf5Reader.Open(weights, $"{source} ({WeightsEntry})");
        Keras3Weights.Read(file, layout, parameters);
    }

    private static byte[] Entry(ZipArchive zip, string name, string source)
    {
        ZipArchiveEntry entry = zip.GetEntry(name)
            ?? throw KerasFileError.Invalid(source, $"has no {name}: a .keras archive holds {MetadataEntry}, {ConfigEntry} and {WeightsEntry}, this one {string.Join(", ", zip.Entries.Select(static e => e.FullName))}.");
        using Stream stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static JsonDocument Parse(byte[] json, string source, string entry)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source} has a {entry} that is not valid JSON: {e.Message}", e);
        }
    }
}
