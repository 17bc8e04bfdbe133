using System.Buffers.Binary;

namespace RnnGen.Persistence;

/// <summary>
/// The version-2 header of a weight file: the model's options and one fixed-size record per layer
/// (layout in <see cref="WeightFile"/>'s remarks). Written and read here only.
/// </summary>
internal static class WeightFileHeader
{
    /// <summary>Bytes before the first layer record.</summary>
    public const int FixedSize = 40;

    /// <summary>Bytes of a version-2 layer record: kind, units, activation, flags, recurrent activation, merge mode.</summary>
    public const int LayerRecordSize = 24;

    private const int StatefulFlag = 1;
    private const int UseBiasFlag = 1, ReturnSequencesFlag = 2, GoBackwardsFlag = 4, UnitForgetBiasFlag = 8, ResetAfterFlag = 16, BidirectionalFlag = 32;
    private const int KnownLayerFlags = UseBiasFlag | ReturnSequencesFlag | GoBackwardsFlag | UnitForgetBiasFlag | ResetAfterFlag | BidirectionalFlag;

    /// <summary>Bytes before the parameters of <paramref name="layout"/>'s file.</summary>
    public static int Size(ModelLayout layout) => FixedSize + LayerRecordSize * layout.Layers.Count;

    /// <summary>Writes everything after the magic and before the parameters.</summary>
    public static void Write(Span<byte> bytes, ModelLayout layout)
    {
        BinaryPrimitives.WriteInt32LittleEndian(bytes[8..], WeightFile.Version);
        BinaryPrimitives.WriteInt32LittleEndian(bytes[12..], Size(layout));
        BinaryPrimitives.WriteInt32LittleEndian(bytes[16..], layout.ParameterCount);
        BinaryPrimitives.WriteInt32LittleEndian(bytes[20..], layout.TimeSteps);
        BinaryPrimitives.WriteInt32LittleEndian(bytes[24..], layout.Features);
        BinaryPrimitives.WriteInt32LittleEndian(bytes[28..], layout.Stateful ? StatefulFlag : 0);
        BinaryPrimitives.WriteInt32LittleEndian(bytes[32..], layout.Layers.Count);
        BinaryPrimitives.WriteInt32LittleEndian(bytes[36..], LayerRecordSize);
        for (int l = 0; l < layout.Layers.Count; l++)
        {
            LayerSettings layer = layout.Layers[l].Settings;
            Span<byte> record = bytes.Slice(FixedSize + LayerRecordSize * l, LayerRecordSize);
            BinaryPrimitives.WriteInt32LittleEndian(record, (int)layer.Kind);
            BinaryPrimitives.WriteInt32LittleEndian(record[4..], layer.Units);
            BinaryPrimitives.WriteInt32LittleEndian(record[8..], (int)layer.Activation);
            BinaryPrimitives.WriteInt32LittleEndian(
                record[12..],
                (layer.UseBias ? UseBiasFlag : 0) | (layer.ReturnSequences ? ReturnSequencesFlag : 0) | (layer.GoBackwards ? GoBackwardsFlag : 0)
                | (layer.UnitForgetBias ? UnitForgetBiasFlag : 0) | (layer.ResetAfter ? ResetAfterFlag : 0) | (layer.Bidirectional ? BidirectionalFlag : 0));
            BinaryPrimitives.WriteInt32LittleEndian(record[16..], (int)layer.RecurrentActivation);
            BinaryPrimitives.WriteInt32LittleEndian(record[20..], (int)layer.MergeMode);
        }
    }

    /// <summary>
    /// The architecture a checksummed version-2 file names. Only a forged file (or a writer's bug) gets here with
    /// a header that is inconsistent or names no possible model: that is refused as corrupt.
    /// </summary>
    /// <param name="bytes">The whole file, its size and checksum already checked.</param>
    /// <param name="headerSize">The header size it announces, at least <see cref="FixedSize"/>.</param>
    /// <param name="source">Names the bytes' origin in messages.</param>
    /// <exception cref="InvalidDataException">The header is inconsistent or describes no possible model.</exception>
    public static ModelLayout Read(ReadOnlySpan<byte> bytes, int headerSize, string source)
    {
        int timeSteps = BinaryPrimitives.ReadInt32LittleEndian(bytes[20..]);
        int features = BinaryPrimitives.ReadInt32LittleEndian(bytes[24..]);
        int modelFlags = BinaryPrimitives.ReadInt32LittleEndian(bytes[28..]);
        int layerCount = BinaryPrimitives.ReadInt32LittleEndian(bytes[32..]);
        int recordSize = BinaryPrimitives.ReadInt32LittleEndian(bytes[36..]);
        if (recordSize != LayerRecordSize || layerCount < 1 || headerSize != FixedSize + (long)LayerRecordSize * layerCount)
        {
            throw WeightFile.Invalid(
                $"{source} is corrupt: its header announces {layerCount} layer records of {recordSize} bytes in {headerSize} header bytes; version 2 has {FixedSize} bytes and {LayerRecordSize} per layer.");
        }

        if ((modelFlags & ~StatefulFlag) != 0)
        {
            throw WeightFile.Invalid($"{source} is corrupt: its model flags are 0x{modelFlags:X}; version 2 knows only bit 0 (stateful).");
        }

        var layers = new LayerSettings[layerCount];
        for (int l = 0; l < layerCount; l++)
        {
            ReadOnlySpan<byte> record = bytes.Slice(FixedSize + LayerRecordSize * l, LayerRecordSize);
            var kind = (LayerKind)BinaryPrimitives.ReadInt32LittleEndian(record);
            int units = BinaryPrimitives.ReadInt32LittleEndian(record[4..]);
            var activation = (Activation)BinaryPrimitives.ReadInt32LittleEndian(record[8..]);
            int flags = BinaryPrimitives.ReadInt32LittleEndian(record[12..]);
            var recurrentActivation = (Activation)BinaryPrimitives.ReadInt32LittleEndian(record[16..]);
            var mergeMode = (MergeMode)BinaryPrimitives.ReadInt32LittleEndian(record[20..]);
            if (!Enum.IsDefined(kind) || !Enum.IsDefined(activation) || !Enum.IsDefined(recurrentActivation) || !Enum.IsDefined(mergeMode) || (flags & ~KnownLayerFlags) != 0)
            {
                throw WeightFile.Invalid(
                    $"{source} is corrupt: layer {l} has kind {(int)kind}, activations {(int)activation} and {(int)recurrentActivation}, merge mode {(int)mergeMode} and flags 0x{flags:X}, which this RnnGen does not know.");
            }

            layers[l] = new LayerSettings(
                kind,
                units,
                activation,
                (flags & UseBiasFlag) != 0,
                (flags & ReturnSequencesFlag) != 0,
                (flags & GoBackwardsFlag) != 0,
                recurrentActivation,
                (flags & UnitForgetBiasFlag) != 0,
                (flags & ResetAfterFlag) != 0,
                (flags & BidirectionalFlag) != 0,
                mergeMode);
        }

        try
        {
            return new ModelLayout(timeSteps, features, (modelFlags & StatefulFlag) != 0, layers);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{source} is corrupt: its header describes no possible model ({e.Message})", e);
        }
    }
}
