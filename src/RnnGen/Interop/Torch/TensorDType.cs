using System.Buffers.Binary;

namespace RnnGen.Interop.Torch;

/// <summary>
/// An element type of a stored tensor: PyTorch's name (<c>float32</c>, <c>int64</c>, ...), its size, and whether
/// RnnGen converts it. The floating types are read (float32 as is, float64, float16 and bfloat16 converted);
/// every other type is known only to be named in a refusal.
/// </summary>
internal sealed class TensorDType
{
    private TensorDType(string name, int size, bool isFloat)
    {
        Name = name;
        Size = size;
        IsFloat = isFloat;
    }

    public static TensorDType Float32 { get; } = new("float32", 4, true);

    public static TensorDType Float64 { get; } = new("float64", 8, true);

    public static TensorDType Float16 { get; } = new("float16", 2, true);

    public static TensorDType BFloat16 { get; } = new("bfloat16", 2, true);

    /// <summary>PyTorch's name of the type.</summary>
    public string Name { get; }

    /// <summary>Bytes per element.</summary>
    public int Size { get; }

    /// <summary>Whether RnnGen reads tensors of this type.</summary>
    public bool IsFloat { get; }

    /// <summary>The types RnnGen reads, as a message lists them.</summary>
    public const string Supported = "float32, float64, float16 and bfloat16";

    /// <summary>A type RnnGen knows by name but does not read (<c>int64</c>, <c>bool</c>, ...).</summary>
    public static TensorDType Other(string name, int size) => new(name, size, false);

    /// <summary>Element <paramref name="index"/> of little-endian (or, when <paramref name="bigEndian"/>, big-endian) <paramref name="bytes"/>.</summary>
    public double Read(ReadOnlySpan<byte> bytes, long index, bool bigEndian)
    {
        ReadOnlySpan<byte> element = bytes.Slice(checked((int)(index * Size)), Size);
        return Name switch
        {
            "float32" => BitConverter.Int32BitsToSingle(bigEndian ? BinaryPrimitives.ReadInt32BigEndian(element) : BinaryPrimitives.ReadInt32LittleEndian(element)),
            "float64" => BitConverter.Int64BitsToDouble(bigEndian ? BinaryPrimitives.ReadInt64BigEndian(element) : BinaryPrimitives.ReadInt64LittleEndian(element)),
            "float16" => (double)BitConverter.Int16BitsToHalf(bigEndian ? BinaryPrimitives.ReadInt16BigEndian(element) : BinaryPrimitives.ReadInt16LittleEndian(element)),
            "bfloat16" => BitConverter.Int32BitsToSingle((bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(element) : BinaryPrimitives.ReadUInt16LittleEndian(element)) << 16),
            _ => throw new InvalidOperationException($"{Name} tensors are not read."),
        };
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
