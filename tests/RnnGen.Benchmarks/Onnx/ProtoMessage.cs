using Google.Protobuf;

namespace RnnGen.Benchmarks.Onnx;

/// <summary>
/// Writes one protobuf message field by field with <see cref="CodedOutputStream"/>: just enough
/// of the wire format to hand-build an ONNX model without generated protobuf classes.
/// Nested messages are written whole, then embedded as length-delimited bytes.
/// </summary>
internal sealed class ProtoMessage
{
    private readonly MemoryStream buffer = new();
    private readonly CodedOutputStream stream;

    public ProtoMessage() => stream = new CodedOutputStream(buffer, leaveOpen: true);

    public ProtoMessage Int64(int field, long value)
    {
        stream.WriteTag(field, WireFormat.WireType.Varint);
        stream.WriteInt64(value);
        return this;
    }

    public ProtoMessage String(int field, string value)
    {
        stream.WriteTag(field, WireFormat.WireType.LengthDelimited);
        stream.WriteString(value);
        return this;
    }

    public ProtoMessage Message(int field, ProtoMessage value)
    {
        stream.WriteTag(field, WireFormat.WireType.LengthDelimited);
        stream.WriteBytes(ByteString.CopyFrom(value.ToByteArray()));
        return this;
    }

    /// <summary>A <c>repeated float [packed = true]</c> field.</summary>
    public ProtoMessage PackedFloats(int field, ReadOnlySpan<float> values)
    {
        stream.WriteTag(field, WireFormat.WireType.LengthDelimited);
        stream.WriteLength(values.Length * sizeof(float));
        foreach (float value in values)
        {
            stream.WriteFloat(value);
        }

        return this;
    }

    /// <summary>A <c>repeated int64 [packed = true]</c> field.</summary>
    public ProtoMessage PackedInt64s(int field, ReadOnlySpan<long> values)
    {
        int length = 0;
        foreach (long value in values)
        {
            length += CodedOutputStream.ComputeInt64Size(value);
        }

        stream.WriteTag(field, WireFormat.WireType.LengthDelimited);
        stream.WriteLength(length);
        foreach (long value in values)
        {
            stream.WriteInt64(value);
        }

        return this;
    }

    public byte[] ToByteArray()
    {
        stream.Flush();
        return buffer.ToArray();
    }
}
