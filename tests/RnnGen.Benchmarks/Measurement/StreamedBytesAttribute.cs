namespace RnnGen.Benchmarks.Measurement;

/// <summary>Bytes a floor benchmark reads per operation, for the GB/s column.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class StreamedBytesAttribute(long bytes) : Attribute
{
    public long Bytes { get; } = bytes;
}
