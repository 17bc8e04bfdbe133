using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using RnnGen.Interop;
using RnnGen.Tests.Persistence;

namespace RnnGen.Tests.Interop.Keras;

/// <summary>
/// Files KerasWeights.Load must refuse: another architecture, a layer RnnGen does not have, missing, extra or misshapen
/// weights, files that are not Keras', truncated or corrupt ones. Each refusal is an InvalidDataException whose
/// message starts with the file and says what differs; Parameters and State are left as they were.
/// </summary>
public sealed class KerasRefusalTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string> Formats() => ["keras", "model.h5"];

    [Theory]
    [MemberData(nameof(Formats))]
    public void Another_number_of_units_is_named(string format) =>
        Refused(new KerasSimpleRnn4Dense(), Fixture("simple_rnn_dense", format), "layer 0 (simple_rnn) config.units: expected 4, found 3");

    [Theory]
    [MemberData(nameof(Formats))]
    public void Another_layer_kind_is_named(string format) =>
        Refused(new KerasLstmInPlaceOfSimpleRnn(), Fixture("simple_rnn_dense", format), "class_name: expected \"LSTM\", found \"SimpleRNN\"");

    [Theory]
    [MemberData(nameof(Formats))]
    public void Another_activation_is_named(string format) =>
        Refused(new KerasSimpleRnnLinearDense(), Fixture("simple_rnn_dense", format), "layer 1 (dense) config.activation: expected \"linear\", found \"tanh\"");

    [Theory]
    [MemberData(nameof(Formats))]
    public void Another_return_sequences_is_named(string format) =>
        Refused(new KerasSimpleRnnSequenceDense(), Fixture("simple_rnn_dense", format), "layer 0 (simple_rnn) config.return_sequences: expected true, found false");

    [Theory]
    [MemberData(nameof(Formats))]
    public void Another_input_shape_is_named(string format) =>
        Refused(new KerasSimpleRnnDenseOtherInput(), Fixture("simple_rnn_dense", format), "input shape (batch, time steps, features): expected (None, 10, 2), found (None, 12, 1)");

    [Theory]
    [MemberData(nameof(Formats))]
    public void Another_stateful_is_named(string format) =>
        Refused(new KerasSimpleRnnDenseStateful(), Fixture("simple_rnn_dense", format), "layer 0 (simple_rnn) config.stateful: expected true, found false");

    [Theory]
    [MemberData(nameof(Formats))]
    public void Another_use_bias_is_named(string format) =>
        Refused(new KerasSimpleRnnDenseNoBias(), Fixture("simple_rnn_dense", format), "layer 1 (dense) config.use_bias: expected false, found true");

    [Theory]
    [MemberData(nameof(Formats))]
    public void Another_reset_after_is_named(string format) =>
        Refused(new KerasGruResetBefore(), Fixture("gru", format), "layer 0 (gru) config.reset_after: expected false, found true");

    [Theory]
    [MemberData(nameof(Formats))]
    public void Another_merge_mode_is_named(string format) =>
        Refused(new KerasBidirectionalSum(), Fixture("bidirectional", format), "layer 1 (bidirectional_1) config.merge_mode: expected \"sum\", found \"ave\"");

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_layer_more_than_the_file_holds_is_refused(string format) =>
        Refused(new KerasSimpleRnnDenseDense(), Fixture("simple_rnn_dense", format), "holds 2 layers with weights (SimpleRNN simple_rnn, Dense dense), but this model has 3");

    [Fact]
    public void Keras2s_hard_sigmoid_is_not_Keras3s() =>
        Refused(new KerasGruHardSigmoid(), Fixture("gru_hard_sigmoid", "model.h5"),
            "layer 0 (gru; gru_1 in the file) config.recurrent_activation: expected \"relu6(x + 3) / 6 (Keras 3's hard_sigmoid, which Keras 2 does not have)\", found \"hard_sigmoid\"");

    [Fact]
    public void Keras3s_hard_sigmoid_is_not_Keras2s() =>
        Refused(new Keras2GruHardSigmoid(), Fixture("gru_hard_sigmoid", "keras"),
            "layer 0 (gru) config.recurrent_activation: expected \"clip(0.2 x + 0.5, 0, 1) (Keras 2's hard_sigmoid, which Keras 3 does not have)\", found \"hard_sigmoid\"");

    [Fact]
    public void Every_difference_is_listed_in_one_message()
    {
        var e = Refused(new KerasSimpleRnnDenseOtherInput(), Edited("simple_rnn_dense", static config =>
        {
            JsonNode rnn = config["config"]!["layers"]![1]!["config"]!;
            rnn["units"] = 5;
            rnn["go_backwards"] = true;
        }));

        Assert.Contains("input shape (batch, time steps, features): expected (None, 10, 2), found (None, 12, 1)", e.Message);
        Assert.Contains("layer 0 (simple_rnn) config.units: expected 3, found 5", e.Message);
        Assert.Contains("layer 0 (simple_rnn) config.go_backwards: expected false, found true", e.Message);
    }

    [Fact]
    public void An_unsupported_layer_is_named()
    {
        var e = Refused(new KerasSimpleRnnDense(), Edited("simple_rnn_dense", static config =>
            config["config"]!["layers"]!.AsArray().Insert(2, JsonNode.Parse("""{"module": "keras.layers", "class_name": "Conv1D", "config": {"name": "conv1d", "filters": 4}}"""))));

        Assert.Contains("holds layers RnnGen does not have: layer 1 (conv1d) is a Conv1D.", e.Message);
    }

    [Fact]
    public void A_model_that_is_not_Sequential_is_refused() =>
        Refused(new KerasSimpleRnnDense(), Edited("simple_rnn_dense", static config => config["class_name"] = "Functional"),
            "(config.json) holds a Functional; KerasWeights reads Sequential models.");

    [Fact]
    public void A_corrupt_config_json_is_refused() =>
        Refused(new KerasSimpleRnnDense(), Rezipped("simple_rnn_dense", "config.json", """{"module": "keras", "class_name": "Seq"""), "has a config.json that is not valid JSON");

    [Fact]
    public void An_archive_without_its_weights_is_refused() =>
        Refused(new KerasSimpleRnnDense(), Rezipped("simple_rnn_dense", "model.weights.h5", null),
            "has no model.weights.h5: a .keras archive holds metadata.json, config.json and model.weights.h5, this one metadata.json, config.json.");

    [Theory]
    [InlineData("weights.h5", "holds simple_rnn/kernel at layers/simple_rnn/cell/vars/0 of shape (1, 3), but this model's is (1, 4).")]
    [InlineData("legacy.h5", "holds simple_rnn/kernel at simple_rnn/simple_rnn/simple_rnn_cell/kernel:0 of shape (1, 3), but this model's is (1, 4).")]
    public void A_weight_of_another_shape_is_named(string format, string message) =>
        Refused(new KerasSimpleRnn4Dense(), Fixture("simple_rnn_dense", format), message);

    [Theory]
    [InlineData("weights.h5", "extra layers/dense/vars/1, for which this model has no place;")]
    [InlineData("legacy.h5", "holds 2 weights for layer 1 (dense: dense/kernel:0, dense/bias:0), but this model's dense has 1 (dense/kernel (3, 1)).")]
    public void An_extra_weight_is_named(string format, string message) =>
        Refused(new KerasSimpleRnnDenseNoBias(), Fixture("simple_rnn_dense", format), message);

    [Theory]
    [InlineData("weights.h5", "missing layers/dense_1/vars/0 (dense_1/kernel (1, 1)), layers/dense_1/vars/1 (dense_1/bias (1,));")]
    [InlineData("legacy.h5", "holds weights of 2 layers (simple_rnn, dense), but this model has 3")]
    public void A_missing_weight_is_named(string format, string message) =>
        Refused(new KerasSimpleRnnDenseDense(), Fixture("simple_rnn_dense", format), message);

    [Fact]
    public void Another_kind_without_a_config_is_refused_by_its_weights() =>
        Refused(new KerasLstmInPlaceOfSimpleRnn(), Fixture("simple_rnn_dense", "weights.h5"),
            "missing layers/lstm/cell/vars/0 (lstm/kernel (1, 12)), layers/lstm/cell/vars/1 (lstm/recurrent_kernel (3, 12)), layers/lstm/cell/vars/2 (lstm/bias (12,)); extra layers/simple_rnn/cell/vars/0, layers/simple_rnn/cell/vars/1, layers/simple_rnn/cell/vars/2");

    [Fact]
    public void A_weight_that_is_not_finite_is_named() =>
        Refused(new KerasSimpleRnnDense(), KerasFixtures.Path("nan.weights.h5"), "holds NaN at simple_rnn/recurrent_kernel[2, 1]; every weight must be finite.");

    [Fact]
    public void An_HDF5_file_that_is_not_Keras_is_refused() =>
        Refused(new KerasSimpleRnnDense(), KerasFixtures.Path("not_keras.h5"), "is an HDF5 file but not one Keras writes");

    [Theory]
    [InlineData("", "is neither a .keras archive (a zip) nor an HDF5 file (.h5, .weights.h5): it is empty.")]
    [InlineData("{\"weights\": []}", "is neither a .keras archive (a zip) nor an HDF5 file (.h5, .weights.h5): it starts with 7b 22 77 65 69 67 68 74.")]
    public void A_file_that_is_neither_zip_nor_HDF5_is_refused(string text, string message)
    {
        string path = _temp.File("model.keras");
        File.WriteAllText(path, text);
        Refused(new KerasSimpleRnnDense(), path, message);
    }

    [Fact]
    public void A_missing_file_throws_FileNotFoundException() =>
        Assert.Throws<FileNotFoundException>(() => KerasWeights.Load(new KerasSimpleRnnDense(), _temp.File("absent.keras")));

    /// <summary>Every prefix of each format's file is refused.</summary>
    [Theory]
    [InlineData("simple_rnn_dense.keras")]
    [InlineData("simple_rnn_dense.weights.h5")]
    [InlineData("simple_rnn_dense.model.h5")]
    [InlineData("simple_rnn_dense.legacy.h5")]
    public void A_truncated_file_is_refused(string file)
    {
        byte[] bytes = File.ReadAllBytes(KerasFixtures.Path(file));
        IRnnModel model = Prepared(new KerasSimpleRnnDense());
        float[] parameters = model.Parameters.ToArray();
        float[] state = model.State.ToArray();
        for (int length = 0; length < bytes.Length; length++)
        {
            var e = Assert.Throws<InvalidDataException>(() => KerasWeights.Load(model, bytes[..length], file));
            Assert.StartsWith(file + " ", e.Message);
            Assert.Equal(parameters, model.Parameters.ToArray());
            Assert.Equal(state, model.State.ToArray());
        }
    }

    private static string Fixture(string name, string format) => KerasFixtures.Path($"{name}.{format}");

    /// <summary>The model with State set away from zeros, so that a refusal that touched it would show.</summary>
    private static IRnnModel Prepared(IRnnModel model)
    {
        for (int i = 0; i < model.State.Length; i++)
        {
            model.State[i] = 0.01f * (i + 1);
        }

        return model;
    }

    /// <summary>Loading <paramref name="path"/> into <paramref name="model"/> is refused, naming the file (and saying <paramref name="message"/>), with Parameters and State unchanged.</summary>
    private static InvalidDataException Refused(IRnnModel model, string path, string? message = null)
    {
        Prepared(model);
        float[] parameters = model.Parameters.ToArray();
        float[] state = model.State.ToArray();

        var e = Assert.Throws<InvalidDataException>(() => KerasWeights.Load(model, path));

        Assert.StartsWith(path + " ", e.Message);
        if (message is not null)
        {
            Assert.Contains(message, e.Message);
        }

        Assert.Equal(parameters, model.Parameters.ToArray());
        Assert.Equal(state, model.State.ToArray());
        return e;
    }

    /// <summary>The case's .keras archive with its config.json edited.</summary>
    private string Edited(string name, Action<JsonNode> edit)
    {
        using ZipArchive zip = ZipFile.OpenRead(Fixture(name, "keras"));
        using var reader = new StreamReader(zip.GetEntry("config.json")!.Open());
        JsonNode config = JsonNode.Parse(reader.ReadToEnd())!;
        edit(config);
        return Rezipped(name, "config.json", config.ToJsonString());
    }

    /// <summary>The case's .keras archive with <paramref name="entry"/> replaced by <paramref name="text"/>, or left out when null.</summary>
    private string Rezipped(string name, string entry, string? text)
    {
        string path = _temp.File($"{name}-{Guid.NewGuid():N}.keras");
        using (ZipArchive source = ZipFile.OpenRead(Fixture(name, "keras")))
        using (ZipArchive target = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            foreach (ZipArchiveEntry original in source.Entries)
            {
                if (original.FullName != entry)
                {
                    using Stream from = original.Open(), to = target.CreateEntry(original.FullName).Open();
                    from.CopyTo(to);
                }
                else if (text is not null)
                {
                    using Stream to = target.CreateEntry(entry).Open();
                    to.Write(Encoding.UTF8.GetBytes(text));
                }
            }
        }

        return path;
    }
}
