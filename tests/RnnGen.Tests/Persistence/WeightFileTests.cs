using System.Buffers.Binary;
using RnnGen.Persistence;
using RnnGen.Tests.Training;

namespace RnnGen.Tests.Persistence;

public class WeightFileTests
{
    // T3 F2 H2 D1: 4 + 4 + 2 + 2 + 1 = 13 parameters, a 40 + 2 * 24 + 52 + 4 = 144-byte file.
    private static RuntimeSizedRnn Model(int seed) => new(3, 2, 2, 1, Activation.Tanh, Activation.Linear, seed);

    private static ModelLayout RuntimeSizedModelLayout => Model(1).Layout;

    [Fact]
    public void Save_then_load_round_trips_every_parameter_bit_for_bit()
    {
        using var dir = new TempDirectory();
        RuntimeSizedRnn source = Model(1);
        WeightFile.Save(source, dir.File("w.rnnw"));

        RuntimeSizedRnn target = Model(2);
        WeightFile.Load(target, dir.File("w.rnnw"));

        Assert.Equal(source.Parameters.ToArray(), target.Parameters.ToArray());
        Assert.Equal(144, new FileInfo(dir.File("w.rnnw")).Length);
    }

    [Fact]
    public void Header_records_magic_version_sizes_model_options_and_one_record_per_layer_little_endian()
    {
        byte[] bytes = WeightFile.Serialize(new SmallStack());

        Assert.Equal("RNNGENWT"u8.ToArray(), bytes[..8]);
        int[] header = new int[(40 + 3 * 24 - 8) / 4];
        for (int i = 0; i < header.Length; i++)
        {
            header[i] = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8 + 4 * i));
        }

        int[] expected =
        [
            2, 112, 21,              // version, header size 40 + 3 * 24, parameter count
            3, 2, 0,                 // time steps, features, model flags (not stateful)
            3, 24,                   // layer count, record size
            0, 2, 1, 0b011011, 3, 0, // SimpleRNN(2, tanh), use_bias | return_sequences (| the unused options' defaults), sigmoid, concat
            0, 2, 2, 0b011000, 3, 0, // SimpleRNN(2, relu), no bias
            1, 1, 0, 0b011001, 3, 0, // Dense(1, linear), use_bias
        ];
        Assert.Equal(expected, header);
        Assert.Equal(WeightFile.FileSize(SmallStack.Layout), bytes.Length);
        Assert.Equal(200, bytes.Length);
    }

    [Fact]
    public void Truncation_at_every_byte_offset_is_refused_and_leaves_the_model_unchanged() =>
        Refusals.EveryTruncation(Model(2), WeightFile.Serialize(Model(1)), "w.rnnw");

    [Fact]
    public void Every_single_flipped_bit_is_refused_and_leaves_the_model_unchanged() =>
        Refusals.EveryBitFlip(Model(2), WeightFile.Serialize(Model(1)));

    [Fact]
    public void Every_single_flipped_bit_of_a_stack_file_is_refused_and_leaves_the_model_unchanged() =>
        Refusals.EveryBitFlip(new SmallStack(seed: 2), WeightFile.Serialize(new SmallStack(seed: 1)));

    [Fact]
    public void Flipped_bit_in_the_floats_is_reported_as_a_checksum_mismatch()
    {
        byte[] bytes = WeightFile.Serialize(Model(1));
        bytes[60] ^= 0x10;
        var e = Assert.Throws<InvalidDataException>(() => WeightFile.Deserialize(Model(2), bytes, "w.rnnw"));
        Assert.StartsWith("w.rnnw is corrupt: its CRC-32 is", e.Message);
    }

    [Fact]
    public void Wrong_magic_is_refused()
    {
        byte[] bytes = WeightFile.Serialize(Model(1));
        bytes[0] = (byte)'X';
        var e = Assert.Throws<InvalidDataException>(() => WeightFile.Deserialize(Model(2), bytes, "w.rnnw"));
        Assert.Equal("w.rnnw is not an RnnGen weight file: it does not start with \"RNNGENWT\".", e.Message);
    }

    [Fact]
    public void Other_version_is_refused()
    {
        byte[] bytes = WeightFile.Serialize(Model(1));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), 3);
        var e = Assert.Throws<InvalidDataException>(() => WeightFile.Deserialize(Model(2), bytes, "w.rnnw"));
        Assert.Equal("w.rnnw has format version 3; this RnnGen reads versions 1 and 2.", e.Message);
    }

    [Fact]
    public void File_of_another_shape_is_refused_naming_both_architectures_and_each_difference()
    {
        using var dir = new TempDirectory();
        WeightFile.Save(new RuntimeSizedRnn(12, 1, 3, 1, Activation.Tanh, Activation.Tanh), dir.File("other.rnnw"));
        RuntimeSizedRnn target = Model(2);
        float[] before = target.Parameters.ToArray();

        var e = Assert.Throws<InvalidDataException>(() => WeightFile.Load(target, dir.File("other.rnnw")));

        Assert.Equal(
            $"{dir.File("other.rnnw")} holds weights of SimpleRNN(3, tanh) → Dense(1, tanh) over 12 steps × 1 feature (19 parameters), "
            + "but this model is SimpleRNN(2, tanh) → Dense(1, linear) over 3 steps × 2 features (13 parameters): "
            + "time steps: expected 3, found 12; features: expected 2, found 1; "
            + "layer 0 (simple_rnn): expected SimpleRNN(2, tanh), found SimpleRNN(3, tanh); layer 1 (dense): expected Dense(1, linear), found Dense(1, tanh).",
            e.Message);
        Assert.Equal(before, target.Parameters.ToArray());
    }

    [Fact]
    public void Same_parameter_count_but_other_activation_is_refused()
    {
        byte[] bytes = WeightFile.Serialize(new RuntimeSizedRnn(3, 2, 2, 1, Activation.Relu, Activation.Linear));
        Assert.Throws<InvalidDataException>(() => WeightFile.Deserialize(Model(2), bytes));
    }

    [Fact]
    public void Missing_file_is_a_file_not_found_error_and_leaves_the_model_unchanged()
    {
        using var dir = new TempDirectory();
        string missing = dir.File("missing.rnnw");
        RuntimeSizedRnn target = Model(2);
        float[] before = target.Parameters.ToArray();
        var e = Assert.Throws<FileNotFoundException>(() => WeightFile.Load(target, missing));
        Assert.Contains(missing, e.Message);
        Assert.Equal(before, target.Parameters.ToArray());
    }

    [Fact]
    public void Saving_replaces_an_existing_file_and_leaves_no_temporary_file()
    {
        using var dir = new TempDirectory();
        WeightFile.Save(Model(1), dir.File("w.rnnw"));
        RuntimeSizedRnn second = Model(3);
        WeightFile.Save(second, dir.File("w.rnnw"));

        Assert.Equal(["w.rnnw"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
        RuntimeSizedRnn loaded = Model(2);
        WeightFile.Load(loaded, dir.File("w.rnnw"));
        Assert.Equal(second.Parameters.ToArray(), loaded.Parameters.ToArray());
    }

    [Fact]
    public void Failed_save_keeps_the_good_file_and_leaves_no_temporary_file()
    {
        // The target path is a directory: the rename fails after the temporary file was written.
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.File("taken"));
        Assert.ThrowsAny<IOException>(() => WeightFile.Save(Model(1), dir.File("taken")));
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Non_finite_weights_in_a_well_formed_file_are_refused()
    {
        // Save refuses NaN, so the file is forged: a NaN written into parameter 4, and the checksum recomputed.
        byte[] bytes = WeightFile.Serialize(Model(1));
        BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(WeightFile.HeaderSize(RuntimeSizedModelLayout) + 4 * 4), float.NaN);
        int body = bytes.Length - 4;
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(body), System.IO.Hashing.Crc32.HashToUInt32(bytes.AsSpan(0, body)));

        var e = Assert.Throws<InvalidDataException>(() => WeightFile.Deserialize(Model(2), bytes, "w.rnnw"));
        Assert.Equal("w.rnnw holds NaN at parameter 4 (simple_rnn/recurrent_kernel[0, 0]); weights must be finite.", e.Message);
    }
}
