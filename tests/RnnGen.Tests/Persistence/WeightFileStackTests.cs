using System.Buffers.Binary;
using RnnGen.Persistence;
using RnnGen.Tests.Stacks;

namespace RnnGen.Tests.Persistence;

/// <summary>Format version 2 with stacks of layers: round trips, per-layer refusals, forged headers.</summary>
public class WeightFileStackTests
{
    [Theory]
    [MemberData(nameof(StackModels.Names), MemberType = typeof(StackModels))]
    public void Every_stack_round_trips_bit_for_bit(string name)
    {
        IRnnModel source = StackModels.Create(name);
        IRnnModel target = StackModels.Create(name);
        target.Parameters.Fill(0.5f);

        WeightFile.Deserialize(target, WeightFile.Serialize(source));

        Assert.Equal(source.Parameters.ToArray(), target.Parameters.ToArray());
    }

    [Fact]
    public void Save_then_load_round_trips_a_stack_through_a_file()
    {
        using var dir = new TempDirectory();
        var source = new SmallStack(seed: 1);
        WeightFile.Save(source, dir.File("stack.rnnw"));
        var target = new SmallStack(seed: 2);

        WeightFile.Load(target, dir.File("stack.rnnw"));

        Assert.Equal(source.Parameters.ToArray(), target.Parameters.ToArray());
        Assert.Equal(200, new FileInfo(dir.File("stack.rnnw")).Length);
    }

    [Fact]
    public void Truncation_of_a_stack_file_at_every_byte_offset_is_refused_and_leaves_the_model_unchanged() =>
        Refusals.EveryTruncation(new SmallStack(seed: 2), WeightFile.Serialize(new SmallStack(seed: 1)), "w.rnnw");

    [Fact]
    public void A_stack_differing_in_one_layer_is_refused_naming_that_layer_expected_and_found()
    {
        byte[] bytes = WeightFile.Serialize(new SmallStackTanh(seed: 1));
        var target = new SmallStack(seed: 2);
        float[] before = target.Parameters.ToArray();

        var e = Assert.Throws<InvalidDataException>(() => WeightFile.Deserialize(target, bytes, "w.rnnw"));

        Assert.Equal(
            "w.rnnw holds weights of SimpleRNN(2, tanh, return_sequences) → SimpleRNN(2, tanh, use_bias=False) → Dense(1, linear) over 3 steps × 2 features (21 parameters), "
            + "but this model is SimpleRNN(2, tanh, return_sequences) → SimpleRNN(2, relu, use_bias=False) → Dense(1, linear) over 3 steps × 2 features (21 parameters): "
            + "layer 1 (simple_rnn_1): expected SimpleRNN(2, relu, use_bias=False), found SimpleRNN(2, tanh, use_bias=False).",
            e.Message);
        Assert.Equal(before, target.Parameters.ToArray());
    }

    [Fact]
    public void A_file_with_another_layer_count_is_refused_naming_the_missing_layers()
    {
        byte[] bytes = WeightFile.Serialize(new DenseBetweenRecurrentStack(seed: 1));
        var e = Assert.Throws<InvalidDataException>(() => WeightFile.Deserialize(new SmallStack(), bytes, "w.rnnw"));
        Assert.Contains("layer 3 (dense_1): expected no layer, found Dense(2, linear)", e.Message);
        Assert.Contains("time steps: expected 3, found 6", e.Message);
    }

    [Fact]
    public void A_stateful_file_is_refused_by_a_model_that_is_not()
    {
        byte[] bytes = WeightFile.Serialize(new SmallStack());
        bytes[28] = 1;
        Rechecksum(bytes);
        var e = Assert.Throws<InvalidDataException>(() => WeightFile.Deserialize(new SmallStack(), bytes, "w.rnnw"));
        Assert.Contains("stateful: expected false, found true", e.Message);
    }

    [Fact]
    public void A_foreign_file_is_refused()
    {
        byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R'];
        var e = Assert.Throws<InvalidDataException>(() => WeightFile.Deserialize(new SmallStack(), png, "picture.png"));
        Assert.Equal("picture.png is not an RnnGen weight file: it does not start with \"RNNGENWT\".", e.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(99)]
    [InlineData(-1)]
    public void An_unknown_version_is_refused_before_anything_else_is_read(int version)
    {
        byte[] bytes = WeightFile.Serialize(new SmallStack());
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), version);
        var e = Assert.Throws<InvalidDataException>(() => WeightFile.Deserialize(new SmallStack(), bytes, "w.rnnw"));
        Assert.Equal($"w.rnnw has format version {version}; this RnnGen reads versions 1 and 2.", e.Message);
    }

    // A checksummed header that no RnnGen writes: only a forger or a writer's bug gets past the CRC with one.
    [Theory]
    [InlineData(40, 7, "layer 0 has kind 7, activations 1 and 3, merge mode 0 and flags 0x1B, which this RnnGen does not know")]
    [InlineData(48, 99, "layer 0 has kind 0, activations 99 and 3, merge mode 0 and flags 0x1B, which this RnnGen does not know")]
    [InlineData(52, 64, "layer 0 has kind 0, activations 1 and 3, merge mode 0 and flags 0x40, which this RnnGen does not know")]
    [InlineData(56, 99, "layer 0 has kind 0, activations 1 and 99, merge mode 0 and flags 0x1B, which this RnnGen does not know")]
    [InlineData(60, 9, "layer 0 has kind 0, activations 1 and 3, merge mode 9 and flags 0x1B, which this RnnGen does not know")]
    [InlineData(60, 1, "its header describes no possible model (Layer 0 is SimpleRNN, which has no merge_mode")]
    [InlineData(28, 4, "its model flags are 0x4; version 2 knows only bit 0 (stateful)")]
    [InlineData(36, 20, "its header announces 3 layer records of 20 bytes in 112 header bytes")]
    [InlineData(44, 0, "its header describes no possible model (Layer 0 (SimpleRNN(0, tanh, return_sequences)) has 0 units")]
    [InlineData(24, 4, "its header announces 21 parameters, but the architecture it names (SimpleRNN(2, tanh, return_sequences) → SimpleRNN(2, relu, use_bias=False) → Dense(1, linear) over 3 steps × 4 features) has 25")]
    public void A_checksummed_but_inconsistent_header_is_refused_as_corrupt(int offset, int value, string expected)
    {
        var model = new SmallStack();
        byte[] bytes = WeightFile.Serialize(model);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(offset), value);
        Rechecksum(bytes);
        float[] before = model.Parameters.ToArray();

        var e = Assert.Throws<InvalidDataException>(() => WeightFile.Deserialize(model, bytes, "w.rnnw"));

        Assert.StartsWith("w.rnnw is corrupt: ", e.Message);
        Assert.Contains(expected, e.Message);
        Assert.Equal(before, model.Parameters.ToArray());
    }

    [Fact]
    public void A_file_written_for_a_stack_names_the_weight_of_a_forged_nan()
    {
        var model = new SmallStack();
        byte[] bytes = WeightFile.Serialize(model);
        BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(WeightFile.HeaderSize(SmallStack.Layout) + 4 * 17), float.NaN);
        Rechecksum(bytes);
        var e = Assert.Throws<InvalidDataException>(() => WeightFile.Deserialize(model, bytes, "w.rnnw"));
        Assert.Equal("w.rnnw holds NaN at parameter 17 (simple_rnn_1/recurrent_kernel[1, 1]); weights must be finite.", e.Message);
    }

    private static void Rechecksum(byte[] bytes)
    {
        int body = bytes.Length - 4;
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(body), System.IO.Hashing.Crc32.HashToUInt32(bytes.AsSpan(0, body)));
    }
}
