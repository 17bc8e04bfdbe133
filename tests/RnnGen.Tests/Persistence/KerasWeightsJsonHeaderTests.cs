using System.Text.Json.Nodes;
using RnnGen.Persistence;
using RnnGen.Tests.Training;

namespace RnnGen.Tests.Persistence;

/// <summary>Import checks what the file says it is, as <see cref="WeightFile"/> checks its header; Export refuses what Import would.</summary>
public class KerasWeightsJsonHeaderTests
{
    private static RuntimeSizedRnn Tanh(int seed = 1) => new(3, 2, 2, 1, Activation.Tanh, Activation.Tanh, seed);

    [Fact]
    public void Another_format_is_refused_and_the_model_is_unchanged()
    {
        string json = Edit(KerasWeightsJson.Export(Tanh()), root => root["format"] = "bogus");
        AssertRefused(json, "Expected \"format\": \"rnngen-keras-weights\", but the JSON has \"bogus\".");
    }

    [Fact]
    public void Another_version_is_refused_and_the_model_is_unchanged()
    {
        string json = Edit(KerasWeightsJson.Export(Tanh()), root => root["version"] = 99);
        AssertRefused(json, "The weights JSON has \"version\": 99; this RnnGen reads versions 1 and 2.");
    }

    [Fact]
    public void Weights_of_a_tanh_model_are_refused_by_a_relu_model_of_the_same_size()
    {
        string json = KerasWeightsJson.Export(Tanh());
        var relu = new RuntimeSizedRnn(3, 2, 2, 1, Activation.Relu, Activation.Tanh);
        float[] before = relu.Parameters.ToArray();

        var e = Assert.Throws<InvalidDataException>(() => KerasWeightsJson.Import(relu, json));

        Assert.Equal(
            "The weights JSON describes another model than this one, SimpleRNN(2, relu) → Dense(1, tanh) over 3 steps × 2 features: "
            + "layer 0 (simple_rnn) config.activation: expected \"relu\", found \"tanh\".",
            e.Message);
        Assert.Equal(before, relu.Parameters.ToArray());
    }

    [Theory]
    [InlineData("time_steps", "12", "time_steps: expected 3, found 12")]
    [InlineData("features", "\"2\"", "features: expected 2, found \"2\"")]
    [InlineData("stateful", "true", "stateful: expected false, found true")]
    public void A_declared_model_option_that_differs_is_refused(string field, string value, string difference)
    {
        string json = Edit(KerasWeightsJson.Export(Tanh()), root => root[field] = JsonNode.Parse(value));
        AssertRefused(json, $"The weights JSON describes another model than this one, {Tanh().Layout}: {difference}.");
    }

    [Theory]
    [InlineData(0, "class_name", "\"LSTM\"", "layer 0 (simple_rnn) class_name: expected \"SimpleRNN\", found \"LSTM\"")]
    [InlineData(0, "units", "3", "layer 0 (simple_rnn) config.units: expected 2, found 3")]
    [InlineData(0, "return_sequences", "true", "layer 0 (simple_rnn) config.return_sequences: expected false, found true")]
    [InlineData(0, "go_backwards", "1", "layer 0 (simple_rnn) config.go_backwards: expected false, found 1")]
    [InlineData(0, "stateful", "true", "layer 0 (simple_rnn) config.stateful: expected false, found true")]
    [InlineData(1, "use_bias", "false", "layer 1 (dense) config.use_bias: expected true, found false")]
    [InlineData(1, "activation", "\"swish\"", "layer 1 (dense) config.activation: expected \"tanh\", found \"swish\"")]
    public void A_layer_whose_class_or_config_differs_is_refused_naming_layer_key_expected_and_found(int layer, string key, string value, string difference)
    {
        string json = Edit(KerasWeightsJson.Export(Tanh()), root =>
        {
            JsonNode target = key == "class_name" ? root["layers"]![layer]! : root["layers"]![layer]!["config"]!;
            target[key] = JsonNode.Parse(value);
        });
        AssertRefused(json, $"The weights JSON describes another model than this one, {Tanh().Layout}: {difference}.");
    }

    [Fact]
    public void Every_difference_is_listed_in_one_message()
    {
        string json = Edit(KerasWeightsJson.Export(Tanh()), root =>
        {
            root["time_steps"] = 4;
            root["layers"]![1]!["config"]!["units"] = 2;
        });
        var e = AssertRefused(json, null);
        Assert.EndsWith(": time_steps: expected 3, found 4; layer 1 (dense) config.units: expected 1, found 2.", e.Message);
    }

    [Fact]
    public void A_keras_get_config_with_keys_rnngen_does_not_have_is_accepted()
    {
        string json = Edit(KerasWeightsJson.Export(Tanh()), root =>
        {
            JsonNode config = root["layers"]![0]!["config"]!;
            config["name"] = "simple_rnn_7";
            config["kernel_initializer"] = JsonNode.Parse("""{"module": "keras.initializers", "class_name": "GlorotUniform"}""");
            config["dropout"] = 0.0;
            config["stateful"] = false;
            root["layers"]![0]!["name"] = "simple_rnn_7";
        });
        RuntimeSizedRnn model = Tanh(seed: 2);
        KerasWeightsJson.Import(model, json);
        Assert.Equal(Tanh().Parameters.ToArray(), model.Parameters.ToArray());
    }

    [Fact]
    public void Another_layer_count_is_refused()
    {
        string json = Edit(KerasWeightsJson.Export(Tanh()), root => root["layers"]!.AsArray().RemoveAt(1));
        AssertRefused(json, $"Expected 2 layers ({Tanh().Layout}), but the JSON has 1.");
    }

    [Fact]
    public void A_layer_with_a_missing_weight_is_refused_naming_the_layer_and_its_weights()
    {
        string json = Edit(KerasWeightsJson.Export(Tanh()), root => root["layers"]![0]!["weights"]!.AsArray().RemoveAt(2));
        AssertRefused(
            json,
            "Expected layer 0 (simple_rnn) to have 3 weights (simple_rnn/kernel, simple_rnn/recurrent_kernel, simple_rnn/bias), but the JSON has 2.");
    }

    [Fact]
    public void A_non_finite_or_non_numeric_value_in_a_layer_is_refused_naming_its_place()
    {
        string json = Edit(KerasWeightsJson.Export(Tanh()), root => root["layers"]![1]!["weights"]![0]!["values"]![1]![0] = "NaN");
        AssertRefused(json, "Expected a finite number at dense/kernel row 1, index 0, but found \"NaN\".");
        string huge = KerasWeightsJson.Export(Tanh()).Replace("\"values\": [\n", "\"values\": [\n1e39,", StringComparison.Ordinal);
        Assert.Throws<InvalidDataException>(() => KerasWeightsJson.Import(Tanh(), huge));
    }

    [Fact]
    public void An_escaped_lone_surrogate_in_a_class_name_is_invalid_data()
    {
        string json = KerasWeightsJson.Export(Tanh()).Replace("\"Dense\"", "\"Dense\\uDC00\"", StringComparison.Ordinal);
        AssertRefused(json, "The weights JSON is not valid text: layer 1 (dense) class_name \"Dense\\uDC00\" escapes a lone surrogate.");
    }

    [Fact]
    public void A_root_that_is_not_an_object_is_refused()
    {
        AssertRefused("[1, 2]", "Expected a JSON object with a \"layers\" array (version 2) or a \"weights\" array (version 1), but the JSON is array.");
    }

    [Fact]
    public void A_lone_surrogate_in_the_text_is_invalid_data()
    {
        // Built here, not in [InlineData]: xunit would replace the lone surrogate with U+FFFD on its way to the test.
        foreach (string name in new[] { "simple_rnn/" + '\uD800' + "kernel", "simple_rnn/kernel" + '\uDC00' })
        {
            string json = KerasWeightsJson.Export(Tanh()).Replace("simple_rnn/kernel\"", name + "\"", StringComparison.Ordinal);
            var e = AssertRefused(json, null);
            Assert.Matches(@"^The weights JSON is not valid text: a lone surrogate \(U\+D[8C]00\) at character \d+\.$", e.Message);
        }
    }

    [Fact]
    public void An_escaped_lone_surrogate_in_a_name_is_invalid_data()
    {
        string json = KerasWeightsJson.Export(Tanh()).Replace("\"simple_rnn/kernel\"", "\"simple_rnn/\\uD800kernel\"", StringComparison.Ordinal);
        AssertRefused(json, "The weights JSON is not valid text: a weight's name \"simple_rnn/\\uD800kernel\" escapes a lone surrogate.");
    }

    [Fact]
    public void Exporting_a_nan_weight_is_refused_naming_it_and_writes_nothing()
    {
        RuntimeSizedRnn model = Tanh();
        model.Parameters[6] = float.NaN;
        using var stream = new MemoryStream();

        var e = Assert.Throws<ArgumentException>(() => KerasWeightsJson.Export(model, stream));

        Assert.Equal("Expected finite weights, but parameter 6 (simple_rnn/recurrent_kernel[1, 0]) is NaN; nothing was written. (Parameter 'model')", e.Message);
        Assert.Equal(0, stream.Length);
        Assert.Equal(e.Message, Assert.Throws<ArgumentException>(() => KerasWeightsJson.Export(model)).Message);
    }

    private static InvalidDataException AssertRefused(string json, string? message) => Refusals.Import(Tanh(seed: 2), json, message);

    private static string Edit(string json, Action<JsonNode> edit) => Refusals.Edit(json, edit);
}
