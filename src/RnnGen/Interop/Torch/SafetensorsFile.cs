using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace RnnGen.Interop.Torch;

/// <summary>
/// Reads a <c>.safetensors</c> file: an 8-byte little-endian header length N, N bytes of UTF-8 JSON
/// (<c>{"name": {"dtype": "F32", "shape": [4, 3], "data_offsets": [begin, end]}, ..., "__metadata__": {...}}</c>,
/// offsets relative to the first byte after the header), then the tensors' little-endian bytes, row-major.
/// Checked as the format's reference reader checks it: the header fits (at most 100 MB), every tensor's byte
/// range is its shape times its dtype's size, the ranges do not overlap, and together they cover the data to
/// the file's last byte (so a truncated file is caught).
/// </summary>
internal static class SafetensorsFile
{
    private const long MaxHeaderBytes = 100_000_000;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Whether <paramref name="file"/> starts like a safetensors file: a header length that fits, then <c>{</c>.</summary>
    public static bool Looks(ReadOnlySpan<byte> file) =>
        file.Length >= 9 && file[8] == (byte)'{' && BinaryPrimitives.ReadUInt64LittleEndian(file) <= MaxHeaderBytes;

    /// <summary>The file's tensors, in the order of their data (safetensors keeps no state_dict order).</summary>
    /// <exception cref="InvalidDataException">The file is truncated or corrupt, or a tensor's dtype is not one RnnGen reads.</exception>
    public static List<StoredTensor> Read(ReadOnlySpan<byte> file, string source)
    {
        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(file);
        if (headerLength > (ulong)(file.Length - 8))
        {
            throw new InvalidDataException(FormattableString.Invariant(
                $"{source} is truncated: its safetensors header is {headerLength} bytes long, but only {file.Length - 8} bytes follow the length."));
        }

        ReadOnlySpan<byte> data = file[(8 + (int)headerLength)..];
        var entries = new List<(string Name, TensorDType DType, int[] Shape, long Begin, long End)>();
        using (JsonDocument header = ParseHeader(file.Slice(8, (int)headerLength), source))
        {
            if (header.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Corrupt(source, "its header is not a JSON object");
            }

            foreach (JsonProperty property in header.RootElement.EnumerateObject())
            {
                if (property.Name == "__metadata__")
                {
                    continue;
                }

                entries.Add(Entry(property, source));
            }
        }

        entries.Sort(static (a, b) => a.Begin.CompareTo(b.Begin));
        long end = 0;
        var tensors = new List<StoredTensor>(entries.Count);
        foreach (var (name, dtype, shape, begin, stop) in entries)
        {
            if (begin != end)
            {
                throw Corrupt(source, FormattableString.Invariant($"tensor '{name}' starts at data byte {begin}, but the tensor before it ends at {end}"));
            }

            if (stop > data.Length)
            {
                throw new InvalidDataException(FormattableString.Invariant(
                    $"{source} is truncated: tensor '{name}' ends at data byte {stop}, but the file holds {data.Length} bytes of data."));
            }

            end = stop;
            if (!dtype.IsFloat)
            {
                throw UnsupportedDType(source, name, dtype);
            }

            ReadOnlySpan<byte> bytes = data[(int)begin..(int)stop];
            var values = new double[(stop - begin) / dtype.Size];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = dtype.Read(bytes, i, bigEndian: false);
            }

            tensors.Add(new StoredTensor(name, shape, values));
        }

        if (end != data.Length)
        {
            throw Corrupt(source, FormattableString.Invariant($"its tensors cover {end} bytes of data, but {data.Length} follow the header"));
        }

        return tensors;
    }

    /// <summary>The refusal of a tensor whose element type RnnGen does not read.</summary>
    public static InvalidDataException UnsupportedDType(string source, string name, TensorDType dtype) =>
        new($"{source}: tensor '{name}' is {dtype.Name}; expected {TensorDType.Supported} (RnnGen converts those to float32).");

    private static JsonDocument ParseHeader(ReadOnlySpan<byte> header, string source)
    {
        try
        {
            _ = StrictUtf8.GetCharCount(header);
            return JsonDocument.Parse(header.ToArray(), new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (Exception e) when (e is JsonException or DecoderFallbackException)
        {
            throw Corrupt(source, "its header is not valid UTF-8 JSON (" + e.Message + ")", e);
        }
    }

    private static (string Name, TensorDType DType, int[] Shape, long Begin, long End) Entry(JsonProperty property, string source)
    {
        string name = property.Name;
        JsonElement entry = property.Value;
        if (entry.ValueKind != JsonValueKind.Object
            || !entry.TryGetProperty("dtype", out JsonElement dtypeElement) || dtypeElement.ValueKind != JsonValueKind.String
            || !entry.TryGetProperty("shape", out JsonElement shapeElement) || shapeElement.ValueKind != JsonValueKind.Array
            || !entry.TryGetProperty("data_offsets", out JsonElement offsets) || offsets.ValueKind != JsonValueKind.Array || offsets.GetArrayLength() != 2)
        {
            throw Corrupt(source, $"header entry '{name}' is not {{\"dtype\": ..., \"shape\": [...], \"data_offsets\": [begin, end]}}");
        }

        TensorDType dtype = DType(dtypeElement.GetString()!)
            ?? throw Corrupt(source, $"tensor '{name}' has dtype \"{dtypeElement.GetString()}\", which safetensors does not define");
        var shape = new int[shapeElement.GetArrayLength()];
        long elements = 1;
        int d = 0;
        foreach (JsonElement dimension in shapeElement.EnumerateArray())
        {
            if (dimension.ValueKind != JsonValueKind.Number || !dimension.TryGetInt32(out shape[d]) || shape[d] < 0)
            {
                throw Corrupt(source, $"tensor '{name}' has shape {shapeElement.GetRawText()}, which is not a list of sizes");
            }

            elements = checked(elements * shape[d]);
            d++;
        }

        if (!offsets[0].TryGetInt64(out long begin) || !offsets[1].TryGetInt64(out long end) || begin < 0 || end < begin)
        {
            throw Corrupt(source, $"tensor '{name}' has data_offsets {offsets.GetRawText()}, which is not a byte range");
        }

        if (end - begin != elements * dtype.Size)
        {
            throw Corrupt(source, FormattableString.Invariant(
                $"tensor '{name}' ({dtype.Name}, shape {StoredTensor.ShapeOf(shape)}) needs {elements * dtype.Size} bytes, but its data_offsets [{begin}, {end}] hold {end - begin}"));
        }

        return (name, dtype, shape, begin, end);
    }

    private static TensorDType? DType(string code) => code switch
    {
        "F32" => TensorDType.Float32,
        "F64" => TensorDType.Float64,
        "F16" => TensorDType.Float16,
        "BF16" => TensorDType.BFloat16,
        "I64" => TensorDType.Other("int64", 8),
        "U64" => TensorDType.Other("uint64", 8),
        "I32" => TensorDType.Other("int32", 4),
        "U32" => TensorDType.Other("uint32", 4),
        "I16" => TensorDType.Other("int16", 2),
        "U16" => TensorDType.Other("uint16", 2),
        "I8" => TensorDType.Other("int8", 1),
        "U8" => TensorDType.Other("uint8", 1),
        "BOOL" => TensorDType.Other("bool", 1),
        "F8_E4M3" => TensorDType.Other("float8_e4m3fn", 1),
        "F8_E5M2" => TensorDType.Other("float8_e5m2", 1),
        _ => null,
    };

    private static InvalidDataException Corrupt(string source, string what, Exception? inner = null) =>
        new($"{source} is corrupt: {what}.", inner);
}
