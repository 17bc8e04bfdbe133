using System.Buffers.Binary;

namespace RnnGen.Persistence;

/// <summary>
/// Saves and loads a model's <see cref="IRnnModel.Parameters"/> in a small binary format that names the shape,
/// so weights only ever load into a model of the same shape.
/// </summary>
/// <remarks>
/// <para>Layout, all integers and floats little-endian:</para>
/// <code>
/// offset  size  field
///      0     8  magic "RNNGENWT"
///      8     4  format version (1)
///     12     4  cell kind (CellKind)
///     16     4  time steps T
///     20     4  features F
///     24     4  hidden units H
///     28     4  dense units D
///     32     4  hidden activation (Activation)
///     36     4  dense activation (Activation)
///     40     4  flags: bit 0 return_sequences, bit 1 stateful
///     44     4  parameter count P
///     48    4P  parameters, float32, in Keras get_weights() order
///  48+4P     4  CRC-32 of bytes [0, 48+4P)
/// </code>
/// <para>Saving writes a temporary file beside the target, flushes it to disk and renames it over the target,
/// so a crash never leaves a half-written file where a good one was. Loading reads and checks the whole file
/// (size, magic, version, checksum, shape, finite values) before it writes a single parameter.</para>
/// </remarks>
public static class WeightFile
{
    /// <summary>The current format version.</summary>
    public const int Version = 1;

    /// <summary>Bytes before the parameters.</summary>
    public const int HeaderSize = 48;

    private const int ChecksumSize = 4;
    private static ReadOnlySpan<byte> Magic => "RNNGENWT"u8;

    /// <summary>Bytes of the file for a model with <paramref name="parameterCount"/> parameters: <c>48 + 4P + 4</c>.</summary>
    public static long FileSize(int parameterCount) => HeaderSize + 4L * parameterCount + ChecksumSize;

    /// <summary>Writes the model's shape and parameters to <paramref name="path"/>, atomically replacing any file there.</summary>
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

    /// <summary>Loads parameters saved by <see cref="Save"/> into <paramref name="model"/>.</summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is not a weight file, has another version, is truncated or corrupt,
    /// holds another shape, or holds NaN or infinity. The model is unchanged.</exception>
    public static void Load(IRnnModel model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] bytes = File.ReadAllBytes(path);
        Deserialize(model, bytes, path);
    }

    /// <summary>The file's bytes for <paramref name="model"/>: header, parameters, checksum.</summary>
    /// <exception cref="ArgumentException">A parameter is NaN or infinite; the message names it.</exception>
    public static byte[] Serialize(IRnnModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        FiniteWeights.Require(model, nameof(model));
        ReadOnlySpan<float> parameters = model.Parameters;
        var bytes = new byte[FileSize(parameters.Length)];
        Span<byte> span = bytes;
        Magic.CopyTo(span);
        WriteHeader(span, model.Shape, parameters.Length);
        for (int i = 0; i < parameters.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(span.Slice(HeaderSize + 4 * i), parameters[i]);
        }

        int body = bytes.Length - ChecksumSize;
        BinaryPrimitives.WriteUInt32LittleEndian(span.Slice(body), Crc32.Compute(span[..body]));
        return bytes;
    }

    /// <summary>Checks <paramref name="bytes"/> completely, then copies its parameters into <paramref name="model"/>.</summary>
    /// <param name="model">The model to load into.</param>
    /// <param name="bytes">A whole weight file.</param>
    /// <param name="source">Names the bytes' origin in messages (a path).</param>
    /// <exception cref="InvalidDataException">See <see cref="Load"/>; the model is unchanged.</exception>
    public static void Deserialize(IRnnModel model, ReadOnlySpan<byte> bytes, string source = "the weight data")
    {
        ArgumentNullException.ThrowIfNull(model);
        if (bytes.Length < Magic.Length && Magic.StartsWith(bytes))
        {
            throw Invalid($"{source} is truncated: {bytes.Length} bytes, not even the 8-byte magic \"RNNGENWT\".");
        }

        if (bytes.Length < Magic.Length || !bytes[..Magic.Length].SequenceEqual(Magic))
        {
            throw Invalid($"{source} is not an RnnGen weight file: it does not start with \"RNNGENWT\".");
        }

        if (bytes.Length < HeaderSize + ChecksumSize)
        {
            throw Invalid(
                $"{source} is truncated: {bytes.Length} bytes, but a weight file has at least {HeaderSize + ChecksumSize} (header and checksum).");
        }

        int version = BinaryPrimitives.ReadInt32LittleEndian(bytes[8..]);
        if (version != Version)
        {
            throw Invalid($"{source} has format version {version}; this RnnGen reads version {Version}.");
        }

        int count = BinaryPrimitives.ReadInt32LittleEndian(bytes[44..]);
        if (count < 0)
        {
            throw Invalid($"{source} is corrupt: its header announces {count} parameters.");
        }

        if (bytes.Length != FileSize(count))
        {
            throw Invalid(
                $"{source} has {bytes.Length} bytes, but its header announces {count} parameters, which take {FileSize(count)} bytes: the file is truncated or corrupt.");
        }

        int body = bytes.Length - ChecksumSize;
        uint stored = BinaryPrimitives.ReadUInt32LittleEndian(bytes[body..]);
        uint computed = Crc32.Compute(bytes[..body]);
        if (stored != computed)
        {
            throw Invalid($"{source} is corrupt: its CRC-32 is 0x{computed:X8}, but it records 0x{stored:X8}.");
        }

        RnnShape shape = ReadShape(bytes);
        if (shape != model.Shape || count != model.ParameterCount)
        {
            throw Invalid(
                $"{source} holds weights of a {shape} model ({count} parameters), but this model is {model.Shape} ({model.ParameterCount} parameters).");
        }

        for (int i = 0; i < count; i++)
        {
            float value = BinaryPrimitives.ReadSingleLittleEndian(bytes[(HeaderSize + 4 * i)..]);
            if (!float.IsFinite(value))
            {
                throw Invalid($"{source} holds {value} at parameter {i}; weights must be finite.");
            }
        }

        Span<float> parameters = model.Parameters;
        for (int i = 0; i < count; i++)
        {
            parameters[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(HeaderSize + 4 * i)..]);
        }
    }

    private static void WriteHeader(Span<byte> span, RnnShape shape, int parameterCount)
    {
        BinaryPrimitives.WriteInt32LittleEndian(span[8..], Version);
        BinaryPrimitives.WriteInt32LittleEndian(span[12..], (int)shape.Cell);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], shape.TimeSteps);
        BinaryPrimitives.WriteInt32LittleEndian(span[20..], shape.Features);
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], shape.HiddenUnits);
        BinaryPrimitives.WriteInt32LittleEndian(span[28..], shape.DenseUnits);
        BinaryPrimitives.WriteInt32LittleEndian(span[32..], (int)shape.HiddenActivation);
        BinaryPrimitives.WriteInt32LittleEndian(span[36..], (int)shape.DenseActivation);
        BinaryPrimitives.WriteInt32LittleEndian(span[40..], (shape.ReturnSequences ? 1 : 0) | (shape.Stateful ? 2 : 0));
        BinaryPrimitives.WriteInt32LittleEndian(span[44..], parameterCount);
    }

    private static RnnShape ReadShape(ReadOnlySpan<byte> bytes)
    {
        int flags = BinaryPrimitives.ReadInt32LittleEndian(bytes[40..]);
        return new RnnShape(
            (CellKind)BinaryPrimitives.ReadInt32LittleEndian(bytes[12..]),
            BinaryPrimitives.ReadInt32LittleEndian(bytes[16..]),
            BinaryPrimitives.ReadInt32LittleEndian(bytes[20..]),
            BinaryPrimitives.ReadInt32LittleEndian(bytes[24..]),
            BinaryPrimitives.ReadInt32LittleEndian(bytes[28..]),
            (Activation)BinaryPrimitives.ReadInt32LittleEndian(bytes[32..]),
            (Activation)BinaryPrimitives.ReadInt32LittleEndian(bytes[36..]),
            (flags & 1) != 0,
            (flags & 2) != 0);
    }

    /// <summary>A refusal whose numbers read the same in every culture.</summary>
    private static InvalidDataException Invalid(FormattableString message) => new(FormattableString.Invariant(message));
}
