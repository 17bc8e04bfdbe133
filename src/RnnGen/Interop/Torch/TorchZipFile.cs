using System.IO.Compression;
using System.IO.Hashing;
using System.Text;

namespace RnnGen.Interop.Torch;

/// <summary>
/// Reads a <c>torch.save</c> file (PyTorch 1.6 and later, torch/serialization.py's <c>_save</c>): a zip whose records sit
/// in one folder named after the file, <c>{archive}/data.pkl</c> (the pickled state_dict, each tensor's storage a
/// persistent id), <c>{archive}/data/{key}</c> (each storage's raw bytes), <c>{archive}/byteorder</c> (<c>little</c> or
/// <c>big</c>; absent before PyTorch 2.1, when the bytes are little-endian) and <c>{archive}/version</c>. Every record's
/// CRC-32 is checked.
/// </summary>
internal static class TorchZipFile
{
    /// <summary>Whether <paramref name="file"/> starts like a zip (a local file header, <c>PK\x03\x04</c>).</summary>
    public static bool Looks(ReadOnlySpan<byte> file) => file is [0x50, 0x4B, 0x03, 0x04, ..];

    /// <summary>Whether <paramref name="file"/> is a pickle (protocol 2 or later), as the pre-1.6 format and <c>torch.save(..., _use_new_zipfile_serialization=False)</c> write.</summary>
    public static bool LooksLegacy(ReadOnlySpan<byte> file) => file is [0x80, >= 2 and <= 5, ..];

    /// <summary>The file's tensors in state_dict order.</summary>
    /// <exception cref="InvalidDataException">The zip is truncated or corrupt, is not a torch.save file, its pickle is refused, or a tensor's dtype is not one RnnGen reads.</exception>
    public static List<StoredTensor> Read(byte[] file, string source)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(file, writable: false), ZipArchiveMode.Read);
            string archive = ArchiveFolder(zip, source);
            byte[] pickle = Record(zip, archive + "data.pkl", source);
            bool bigEndian = ByteOrder(zip, archive, source);
            var storages = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            var tensors = new List<StoredTensor>();
            foreach ((string name, PickledTensor tensor) in StateDictPickle.Read(pickle, source))
            {
                PickledStorage storage = tensor.Storage;
                if (!storage.DType.IsFloat)
                {
                    throw SafetensorsFile.UnsupportedDType(source, name, storage.DType);
                }

                if (!storages.TryGetValue(storage.Key, out byte[]? bytes))
                {
                    bytes = Record(zip, archive + "data/" + storage.Key, source);
                    if (bytes.LongLength != storage.Elements * storage.DType.Size)
                    {
                        throw new InvalidDataException(FormattableString.Invariant(
                            $"{source} is corrupt: storage data/{storage.Key} of tensor '{name}' holds {bytes.LongLength} bytes; its {storage.Elements} {storage.DType.Name} elements need {storage.Elements * storage.DType.Size}."));
                    }

                    storages.Add(storage.Key, bytes);
                }

                tensors.Add(new StoredTensor(name, Shape(tensor, name, source), Values(tensor, bytes, bigEndian, name, source)));
            }

            return tensors;
        }
        catch (Exception e) when (e is IOException or NotSupportedException || (e is InvalidDataException && !e.Message.StartsWith(source, StringComparison.Ordinal)))
        {
            // System.IO.Compression's own refusal of a zip it cannot read: no end of central directory (a truncated file),
            // a bad header, an unknown compression method. Refusals of ours already start with the file's name.
            throw new InvalidDataException($"{source} is truncated or corrupt: it is not a readable zip ({e.Message}).", e);
        }
    }

    private static string ArchiveFolder(ZipArchive zip, string source)
    {
        string[] pickles = zip.Entries.Select(static e => e.FullName).Where(static n => n.EndsWith("/data.pkl", StringComparison.Ordinal) && n.IndexOf('/') == n.Length - "/data.pkl".Length).ToArray();
        if (pickles.Length != 1)
        {
            throw new InvalidDataException(
                $"{source} is a zip but not a torch.save file: expected one '{{archive}}/data.pkl' record, found {(pickles.Length == 0 ? "none" : string.Join(", ", pickles))} "
                + $"(its records: {string.Join(", ", zip.Entries.Take(8).Select(static e => e.FullName))}{(zip.Entries.Count > 8 ? ", ..." : "")}).");
        }

        return pickles[0][..^"data.pkl".Length];
    }

    private static bool ByteOrder(ZipArchive zip, string archive, string source)
    {
        if (zip.GetEntry(archive + "byteorder") is null)
        {
            return false;
        }

        string order = Encoding.ASCII.GetString(Record(zip, archive + "byteorder", source));
        return order switch
        {
            "little" => false,
            "big" => true,
            _ => throw new InvalidDataException($"{source} is corrupt: its byteorder record says '{order}'; expected 'little' or 'big'."),
        };
    }

    private static byte[] Record(ZipArchive zip, string name, string source)
    {
        ZipArchiveEntry entry = zip.GetEntry(name)
            ?? throw new InvalidDataException($"{source} is corrupt: it has no record '{name}'.");
        if (entry.Length > int.MaxValue)
        {
            throw new InvalidDataException(FormattableString.Invariant($"{source}: record '{name}' is {entry.Length} bytes, more than RnnGen reads."));
        }

        var bytes = new byte[entry.Length];
        try
        {
            using Stream stream = entry.Open();
            stream.ReadExactly(bytes);
        }
        catch (IOException e)
        {
            throw new InvalidDataException(FormattableString.Invariant($"{source} is truncated or corrupt: record '{name}' does not hold the {entry.Length} bytes the zip says ({e.Message})."), e);
        }

        uint crc = Crc32.HashToUInt32(bytes);
        if (crc != entry.Crc32)
        {
            throw new InvalidDataException(FormattableString.Invariant(
                $"{source} is corrupt: record '{name}' has CRC-32 0x{crc:x8}; the zip says 0x{entry.Crc32:x8}."));
        }

        return bytes;
    }

    private static int[] Shape(PickledTensor tensor, string name, string source)
    {
        var shape = new int[tensor.Size.Length];
        for (int d = 0; d < shape.Length; d++)
        {
            shape[d] = tensor.Size[d] is >= 0 and <= int.MaxValue
                ? (int)tensor.Size[d]
                : throw new InvalidDataException(FormattableString.Invariant($"{source} is corrupt: tensor '{name}' has the size {tensor.Size[d]}."));
        }

        return shape;
    }

    // Element (i0, i1, ...) of a strided view is storage[offset + i0·stride0 + i1·stride1 + ...]; each must lie in the storage.
    private static double[] Values(PickledTensor tensor, byte[] storage, bool bigEndian, string name, string source)
    {
        long count = tensor.Size.Aggregate(1L, static (n, d) => checked(n * d));
        var values = new double[count];
        var index = new long[tensor.Size.Length];
        for (long i = 0; i < count; i++)
        {
            long element = tensor.Offset;
            for (int d = 0; d < index.Length; d++)
            {
                element += index[d] * tensor.Stride[d];
            }

            if (element < 0 || element >= tensor.Storage.Elements)
            {
                throw new InvalidDataException(FormattableString.Invariant(
                    $"{source} is corrupt: tensor '{name}' (shape {StoredTensor.ShapeOf(tensor.Size.Select(static s => (int)s))}, offset {tensor.Offset}, strides {StoredTensor.ShapeOf(tensor.Stride.Select(static s => (int)s))}) reaches element {element} of a storage of {tensor.Storage.Elements}."));
            }

            values[i] = tensor.Storage.DType.Read(storage, element, bigEndian);
            for (int d = index.Length - 1; d >= 0 && ++index[d] == tensor.Size[d]; d--)
            {
                index[d] = 0;
            }
        }

        return values;
    }
}
