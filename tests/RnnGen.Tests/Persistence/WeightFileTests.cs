using System.Buffers.Binary;
using RnnGen.Persistence;
using RnnGen.Tests.Training;

namespace RnnGen.Tests.Persistence;

public class WeightFileTests
{
    // T3 F2 H2 D1: 4 + 4 + 2 + 2 + 1 = 13 parameters, a 48 + 52 + 4 = 104-byte file.
    private static RuntimeSizedRnn Model(int seed) => new(3, 2, 2, 1, Activation.Tanh, Activation.Linear, seed);

    [Fact]
    public void Save_then_load_round_trips_every_parameter_bit_for_bit()
    {
        using var dir = new TempDirectory();
        RuntimeSizedRnn source = Model(1);
        WeightFile.Save(source, dir.File("w.rnnw"));

        RuntimeSizedRnn target = Model(2);
        WeightFile.Load(target, dir.File("w.rnnw"));

        Assert.Equal(source.Parameters.ToArray(), target.Parameters.ToArray());
        Assert.Equal(104, new FileInfo(dir.File("w.rnnw")).Length);
    }

    [Fact]
    public void Header_records_magic_version_shape_and_count_little_endian()
    {
        byte[] bytes = WeightFile.Serialize(new RuntimeSizedRnn(3, 2, 2, 1, Activation.Relu, Activation.Sigmoid));

        Assert.Equal("RNNGENWT"u8.ToArray(), bytes[..8]);
        int[] header = new int[10];
        for (int i = 0; i < header.Length; i++)
        {
            header[i] = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8 + 4 * i));
        }

        // version, cell, T, F, H, D, hidden act (Relu = 2), dense act (Sigmoid = 3), flags, parameter count
        Assert.Equal([1, 0, 3, 2, 2, 1, 2, 3, 0, 13], header);
    }

    [Fact]
    public void Truncation_at_every_byte_offset_is_refused_and_leaves_the_model_unchanged()
    {
        byte[] bytes = WeightFile.Serialize(Model(1));
        RuntimeSizedRnn target = Model(2);
        float[] before = target.Parameters.ToArray();

        for (int length = 0; length < bytes.Length; length++)
        {
            var e = Assert.Throws<InvalidDataException>(() => WeightFile.Deserialize(target, bytes.AsSpan(0, length), "w.rnnw"));
            Assert.Contains(length < 8 ? "truncated" : "w.rnnw", e.Message);
            Assert.Equal(before, target.Parameters.ToArray());
        }
    }

    [Fact]
    public void Every_single_flipped_bit_is_refused_and_leaves_the_model_unchanged()
    {
        byte[] good = WeightFile.Serialize(Model(1));
        RuntimeSizedRnn target = Model(2);
        float[] before = target.Parameters.ToArray();

        for (int bit = 0; bit < good.Length * 8; bit++)
        {
            byte[] bad = (byte[])good.Clone();
            bad[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.Throws<InvalidDataException>(() => WeightFile.Deserialize(target, bad));
            Assert.Equal(before, target.Parameters.ToArray());
        }
    }

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
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), 2);
        var e = Assert.Throws<InvalidDataException>(() => WeightFile.Deserialize(Model(2), bytes, "w.rnnw"));
        Assert.Equal("w.rnnw has format version 2; this RnnGen reads version 1.", e.Message);
    }

    [Fact]
    public void File_of_another_shape_is_refused_naming_both_shapes()
    {
        using var dir = new TempDirectory();
        WeightFile.Save(new RuntimeSizedRnn(12, 1, 3, 1, Activation.Tanh, Activation.Tanh), dir.File("other.rnnw"));
        RuntimeSizedRnn target = Model(2);
        float[] before = target.Parameters.ToArray();

        var e = Assert.Throws<InvalidDataException>(() => WeightFile.Load(target, dir.File("other.rnnw")));

        Assert.Contains("SimpleRnn(T=12, F=1, H=3, D=1, Tanh/Tanh) model (19 parameters)", e.Message);
        Assert.Contains("this model is SimpleRnn(T=3, F=2, H=2, D=1, Tanh/Linear) (13 parameters)", e.Message);
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
        BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(WeightFile.HeaderSize + 4 * 4), float.NaN);
        int body = bytes.Length - 4;
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(body), Crc32.Compute(bytes.AsSpan(0, body)));

        var e = Assert.Throws<InvalidDataException>(() => WeightFile.Deserialize(Model(2), bytes, "w.rnnw"));
        Assert.Equal("w.rnnw holds NaN at parameter 4; weights must be finite.", e.Message);
    }
}
