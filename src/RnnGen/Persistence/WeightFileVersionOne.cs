using System.Buffers.Binary;

namespace RnnGen.Persistence;

/// <summary>Reads the header of a version-1 weight file: the single-layer shape, 48 bytes (layout in <see cref="WeightFile"/>'s remarks).</summary>
internal static class WeightFileVersionOne
{
    /// <summary>Bytes before the parameters.</summary>
    public const int HeaderSize = 48;

    /// <summary>The parameter count the header announces.</summary>
    public static int ParameterCount(ReadOnlySpan<byte> bytes) => BinaryPrimitives.ReadInt32LittleEndian(bytes[44..]);

    /// <summary>The shape the header names.</summary>
    public static RnnShape Shape(ReadOnlySpan<byte> bytes)
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
}
