using System.Buffers.Binary;
using System.IO.Hashing;

namespace RnnGen.Persistence;

/// <summary>
/// Saves and loads a model's <see cref="IRnnModel.Parameters"/> in a small binary format that names the architecture
/// (the <see cref="ModelLayout"/>), so weights only ever load into a model they fit.
/// </summary>
/// <remarks>
/// <para>Format version 2, all integers and floats little-endian (L layers, P parameters, header size H = 40 + 24L):</para>
/// <code>
/// offset  size  field
///      0     8  magic "RNNGENWT"
///      8     4  format version (2)
///     12     4  header size H: where the parameters start
///     16     4  parameter count P
///     20     4  time steps T
///     24     4  features F
///     28     4  model flags: bit 0 stateful
///     32     4  layer count L
///     36     4  layer record size R (24)
///     40    RL  one record per layer, in order:
///                 +0  4  kind (LayerKind: 0 SimpleRNN, 1 Dense, 2 LSTM, 3 GRU)
///                 +4  4  units
///                 +8  4  activation (Activation)
///                +12  4  flags: bit 0 use_bias, bit 1 return_sequences, bit 2 go_backwards,
///                        bit 3 unit_forget_bias, bit 4 reset_after, bit 5 bidirectional
///                +16  4  recurrent activation (Activation)
///                +20  4  merge mode (MergeMode)
///      H    4P  parameters, float32, in Keras model.get_weights() order
///   H+4P     4  CRC-32 of bytes [0, H+4P)
/// </code>
/// <para>Flag bits that version 2 does not define are zero. Later versions add layer options as new flag bits and
/// as fields appended to the record, announced by R and H, so every field above keeps its offset and meaning.</para>
/// <para>Version 1 (still read, never written) named only the single-layer shape, in a 48-byte header: version (1),
/// cell kind (0 = SimpleRNN), T, F, hidden units, dense units, hidden activation, dense activation, flags (bit 0
/// return_sequences, bit 1 stateful), P; then the parameters and the CRC-32 as above. It loads into the equivalent model
/// <c>SimpleRNN(hidden units, hidden activation, return_sequences) → Dense(dense units, dense activation)</c>, which the
/// <see cref="RnnAttribute"/> shorthand or the same two layer attributes generate.</para>
/// <para>Saving writes a temporary file beside the target, flushes it to disk and renames it over the target,
/// so a crash never leaves a half-written file where a good one was. Loading reads and checks the whole file
/// (size, magic, version, checksum, architecture, finite values) before it writes a single parameter.</para>
/// </remarks>
public static class WeightFile
{
    /// <summary>The format version <see cref="Save"/> writes; <see cref="Load"/> also reads version 1.</summary>
    public const int Version = 2;

    private const int ChecksumSize = 4;

    // Magic and version: what a file must hold before anything else can be said about it.
    private const int StartSize = 12;

    private static ReadOnlySpan<byte> Magic => "RNNGENWT"u8;

    /// <summary>Bytes before the parameters in a file of <paramref name="layout"/>: <c>40 + 24 L</c> for L layers.</summary>
    public static int HeaderSize(ModelLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return WeightFileHeader.Size(layout);
    }

    /// <summary>Bytes of the file for a model of <paramref name="layout"/>: <c>HeaderSize + 4P + 4</c>.</summary>
    public static long FileSize(ModelLayout layout) => HeaderSize(layout) + 4L * layout.ParameterCount + ChecksumSize;

    /// <summary>Writes the model's architecture and parameters (format version 2) to <paramref name="path"/>, atomically replacing any file there.</summary>
    /// <remarks>The bytes go to a short-named temporary file in the same folder (so a file name the folder accepts is
    /// never made too long by it), which is flushed to disk and renamed over <paramref name="path"/>.</remarks>
    /// <exception cref="ArgumentException">A parameter is NaN or infinite (the message names it): <see cref="Load"/> would
    /// refuse the file, so nothing is written and a file already at <paramref name="path"/> is left as it was.</exception>
    /// <exception cref="UnauthorizedAccessException">The process may not create files in the folder of <paramref name="path"/>
    /// (a read-only folder), or <paramref name="path"/> is a read-only location; a file already there is left as it was.</exception>
    /// <exception cref="IOException">The file could not be written for another reason: the folder does not exist or is a file,
    /// <paramref name="path"/> is a folder, the disk is full. A file already at <paramref name="path"/> is left as it was.</exception>
    public static void Save(IRnnModel model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] bytes = Serialize(model);
        string fullPath = Path.GetFullPath(path);
        // A fixed 20-character name: appending to the target's name could push a legal name past the 255-byte limit.
        string temporary = Path.Combine(Path.GetDirectoryName(fullPath)!, $".rnngen-{Path.GetRandomFileName()}");
        bool created = false;
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                created = true;
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        catch when (created)
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>Loads parameters saved by <see cref="Save"/> (format version 2 or 1) into <paramref name="model"/>.</summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is not a weight file, has an unknown version, is truncated or corrupt,
    /// holds weights of another architecture (the message lists each difference, per layer, expected and found), or holds
    /// NaN or infinity. The model is unchanged.</exception>
    public static void Load(IRnnModel model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] bytes = File.ReadAllBytes(path);
        Deserialize(model, bytes, path);
    }

    /// <summary>The file's bytes for <paramref name="model"/> (format version 2): header, parameters, checksum.</summary>
    /// <exception cref="ArgumentException">A parameter is NaN or infinite; the message names it.</exception>
    public static byte[] Serialize(IRnnModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        FiniteWeights.Require(model, nameof(model));
        ModelLayout layout = model.Layout;
        ReadOnlySpan<float> parameters = model.Parameters;
        int headerSize = WeightFileHeader.Size(layout);
        var bytes = new byte[FileSize(layout)];
        Span<byte> span = bytes;
        Magic.CopyTo(span);
        WeightFileHeader.Write(span, layout);
        for (int i = 0; i < parameters.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(span.Slice(headerSize + 4 * i), parameters[i]);
        }

        int body = bytes.Length - ChecksumSize;
        BinaryPrimitives.WriteUInt32LittleEndian(span.Slice(body), Crc32.HashToUInt32(span[..body]));
        return bytes;
    }

    /// <summary>Checks <paramref name="bytes"/> completely, then copies its parameters into <paramref name="model"/>.</summary>
    /// <param name="model">The model to load into.</param>
    /// <param name="bytes">A whole weight file, format version 2 or 1.</param>
    /// <param name="source">Names the bytes' origin in messages (a path).</param>
    /// <exception cref="InvalidDataException">See <see cref="Load"/>; the model is unchanged.</exception>
    public static void Deserialize(IRnnModel model, ReadOnlySpan<byte> bytes, string source = "the weight data")
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(source);
        if (bytes.Length < Magic.Length && Magic.StartsWith(bytes))
        {
            throw Invalid($"{source} is truncated: {bytes.Length} bytes, not even the 8-byte magic \"RNNGENWT\".");
        }

        if (bytes.Length < Magic.Length || !bytes[..Magic.Length].SequenceEqual(Magic))
        {
            throw Invalid($"{source} is not an RnnGen weight file: it does not start with \"RNNGENWT\".");
        }

        if (bytes.Length < StartSize)
        {
            throw Invalid($"{source} is truncated: {bytes.Length} bytes, not even the magic and the 4-byte format version.");
        }

        int version = BinaryPrimitives.ReadInt32LittleEndian(bytes[8..]);
        (ModelLayout found, int headerSize) = version switch
        {
            1 => ReadVersionOne(bytes, source),
            Version => ReadVersionTwo(bytes, source),
            _ => throw Invalid($"{source} has format version {version}; this RnnGen reads versions 1 and {Version}."),
        };

        ModelLayout expected = model.Layout;
        if (found != expected)
        {
            throw Invalid(
                $"{source} holds weights of {found} ({found.ParameterCount} parameters), but this model is {expected} ({expected.ParameterCount} parameters): {LayoutMismatch.Describe(expected, found)}.");
        }

        ReadOnlySpan<byte> floats = bytes.Slice(headerSize, 4 * found.ParameterCount);
        for (int i = 0; i < found.ParameterCount; i++)
        {
            float value = BinaryPrimitives.ReadSingleLittleEndian(floats[(4 * i)..]);
            if (!float.IsFinite(value))
            {
                throw Invalid($"{source} holds {value} at parameter {i} ({found.WeightContaining(i).ElementName(i)}); weights must be finite.");
            }
        }

        Span<float> parameters = model.Parameters;
        for (int i = 0; i < found.ParameterCount; i++)
        {
            parameters[i] = BinaryPrimitives.ReadSingleLittleEndian(floats[(4 * i)..]);
        }
    }

    private static (ModelLayout Layout, int HeaderSize) ReadVersionTwo(ReadOnlySpan<byte> bytes, string source)
    {
        const int minimum = WeightFileHeader.FixedSize + ChecksumSize;
        if (bytes.Length < minimum)
        {
            throw Invalid($"{source} is truncated: {bytes.Length} bytes, but a version-2 weight file has at least {minimum} (header and checksum).");
        }

        int headerSize = BinaryPrimitives.ReadInt32LittleEndian(bytes[12..]);
        int count = BinaryPrimitives.ReadInt32LittleEndian(bytes[16..]);
        if (headerSize < WeightFileHeader.FixedSize)
        {
            throw Invalid($"{source} is corrupt: its header announces a header of {headerSize} bytes; version 2 has at least {WeightFileHeader.FixedSize}.");
        }

        CheckSizeAndChecksum(bytes, headerSize, count, source);
        ModelLayout layout = WeightFileHeader.Read(bytes, headerSize, source);
        RequireCount(layout, count, source);
        return (layout, headerSize);
    }

    private static (ModelLayout Layout, int HeaderSize) ReadVersionOne(ReadOnlySpan<byte> bytes, string source)
    {
        const int headerSize = WeightFileVersionOne.HeaderSize;
        if (bytes.Length < headerSize + ChecksumSize)
        {
            throw Invalid(
                $"{source} is truncated: {bytes.Length} bytes, but a version-1 weight file has at least {headerSize + ChecksumSize} (header and checksum).");
        }

        int count = WeightFileVersionOne.ParameterCount(bytes);
        CheckSizeAndChecksum(bytes, headerSize, count, source);
        RnnShape shape = WeightFileVersionOne.Shape(bytes);
        ModelLayout layout = VersionOneShape.ToLayout(shape)
            ?? throw Invalid($"{source} is corrupt: its version-1 header names {shape}, which is no possible model.");
        RequireCount(layout, count, source);
        return (layout, headerSize);
    }

    private static void CheckSizeAndChecksum(ReadOnlySpan<byte> bytes, int headerSize, int count, string source)
    {
        if (count < 0)
        {
            throw Invalid($"{source} is corrupt: its header announces {count} parameters.");
        }

        long size = headerSize + 4L * count + ChecksumSize;
        if (bytes.Length != size)
        {
            throw Invalid(
                $"{source} has {bytes.Length} bytes, but its header announces {headerSize} header bytes and {count} parameters, which take {size} bytes: the file is truncated or corrupt.");
        }

        int body = bytes.Length - ChecksumSize;
        uint stored = BinaryPrimitives.ReadUInt32LittleEndian(bytes[body..]);
        uint computed = Crc32.HashToUInt32(bytes[..body]);
        if (stored != computed)
        {
            throw Invalid($"{source} is corrupt: its CRC-32 is 0x{computed:X8}, but it records 0x{stored:X8}.");
        }
    }

    private static void RequireCount(ModelLayout layout, int count, string source)
    {
        if (count != layout.ParameterCount)
        {
            throw Invalid($"{source} is corrupt: its header announces {count} parameters, but the architecture it names ({layout}) has {layout.ParameterCount}.");
        }
    }

    /// <summary>A refusal whose numbers read the same in every culture.</summary>
    internal static InvalidDataException Invalid(FormattableString message) => new(FormattableString.Invariant(message));
}
