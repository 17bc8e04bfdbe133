using RnnGen.Persistence;
using RnnGen.Tests.Training;

namespace RnnGen.Tests.Persistence;

/// <summary>What <see cref="WeightFile.Save"/> refuses, and what it leaves behind when it cannot write.</summary>
public class WeightFileSaveTests
{
    // T3 F2 H2 D1: kernel 0-3, recurrent_kernel 4-7, bias 8-9, dense kernel 10-11, dense bias 12.
    private static RuntimeSizedRnn Model(int seed) => new(3, 2, 2, 1, Activation.Tanh, Activation.Linear, seed);

    [Fact]
    public void Saving_an_infinite_weight_is_refused_naming_it_and_the_previous_file_is_kept()
    {
        using var dir = new TempDirectory();
        string path = dir.File("w.rnnw");
        RuntimeSizedRnn model = Model(1);
        WeightFile.Save(model, path);
        byte[] good = File.ReadAllBytes(path);

        model.Parameters[5] = float.PositiveInfinity;
        var e = Assert.Throws<ArgumentException>(() => WeightFile.Save(model, path));

        Assert.Equal("Expected finite weights, but parameter 5 (simple_rnn/recurrent_kernel[0, 1]) is Infinity; nothing was written. (Parameter 'model')", e.Message);
        Assert.Equal(good, File.ReadAllBytes(path));
        Assert.Equal(["w.rnnw"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData(0, float.NaN, "parameter 0 (simple_rnn/kernel[0, 0]) is NaN")]
    [InlineData(9, float.NegativeInfinity, "parameter 9 (simple_rnn/bias[1]) is -Infinity")]
    [InlineData(11, float.NaN, "parameter 11 (dense/kernel[1, 0]) is NaN")]
    [InlineData(12, float.PositiveInfinity, "parameter 12 (dense/bias[0]) is Infinity")]
    public void Serializing_a_non_finite_weight_names_its_variable_and_element(int index, float value, string expected)
    {
        RuntimeSizedRnn model = Model(1);
        model.Parameters[index] = value;
        var e = Assert.Throws<ArgumentException>(() => WeightFile.Serialize(model));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void A_245_character_file_name_is_saved_and_loaded()
    {
        // Linux and Windows allow 255 characters per name; the temporary name must not add to the target's.
        using var dir = new TempDirectory();
        string path = dir.File(new string('w', 240) + ".rnnw");
        RuntimeSizedRnn source = Model(1);

        WeightFile.Save(source, path);

        RuntimeSizedRnn loaded = Model(2);
        WeightFile.Load(loaded, path);
        Assert.Equal(source.Parameters.ToArray(), loaded.Parameters.ToArray());
        Assert.Equal([Path.GetFileName(path)], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Saving_into_a_folder_that_refuses_new_files_is_an_unauthorized_access_error()
    {
        // A chmod 555 folder stops no one when the tests run as root (as in CI containers); sysfs refuses to create
        // files with EACCES even to root, which is what a read-only folder gives any other user.
        Assert.True(Directory.Exists("/sys"), "these tests run on Linux, which mounts sysfs at /sys");
        string path = Path.Combine("/sys", $"rnngen-{Guid.NewGuid():N}.rnnw");

        Assert.Throws<UnauthorizedAccessException>(() => WeightFile.Save(Model(1), path));

        Assert.False(File.Exists(path));
        Assert.Empty(Directory.GetFiles("/sys", ".rnngen-*"));
    }

    [Fact]
    public void Saving_below_a_file_instead_of_a_folder_is_an_io_error_and_keeps_the_file()
    {
        using var dir = new TempDirectory();
        string notAFolder = dir.File("plain.txt");
        File.WriteAllText(notAFolder, "keep me");

        Assert.ThrowsAny<IOException>(() => WeightFile.Save(Model(1), Path.Combine(notAFolder, "w.rnnw")));

        Assert.Equal("keep me", File.ReadAllText(notAFolder));
        Assert.Equal(["plain.txt"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }
}
