using System.Text.Json;
using System.Text.Json.Nodes;
using RnnGen.Persistence;
using RnnGen.Tests.Training;

namespace RnnGen.Tests.Persistence;

public class KerasWeightsJsonTests
{
    private static RuntimeSizedRnn Model(int seed) => new(3, 2, 2, 1, Activation.Tanh, Activation.Tanh, seed);

    [Fact]
    public void Export_writes_one_object_per_layer_with_keras_class_name_config_and_weights_in_get_weights_order()
    {
        RuntimeSizedRnn model = Model(1);
        using JsonDocument json = JsonDocument.Parse(KerasWeightsJson.Export(model));
        JsonElement root = json.RootElement;
        Assert.Equal(
            ["format", "version", "time_steps", "features", "stateful", "layers"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("rnngen-keras-weights", 2, 3, 2, false), (root.GetProperty("format").GetString(), root.GetProperty("version").GetInt32(),
            root.GetProperty("time_steps").GetInt32(), root.GetProperty("features").GetInt32(), root.GetProperty("stateful").GetBoolean()));

        JsonElement[] layers = [.. root.GetProperty("layers").EnumerateArray()];
        Assert.Equal(["SimpleRNN", "Dense"], layers.Select(l => l.GetProperty("class_name").GetString()));
        Assert.Equal(["simple_rnn", "dense"], layers.Select(l => l.GetProperty("name").GetString()));
        Assert.Equal(
            """{"units":2,"activation":"tanh","use_bias":true,"return_sequences":false,"go_backwards":false}""",
            JsonSerializer.Serialize(layers[0].GetProperty("config")));
        Assert.Equal("""{"units":1,"activation":"tanh","use_bias":true}""", JsonSerializer.Serialize(layers[1].GetProperty("config")));

        JsonElement[] weights = [.. layers.SelectMany(l => l.GetProperty("weights").EnumerateArray())];
        string[] names = [.. weights.Select(w => w.GetProperty("name").GetString()!)];
        string[] shapes = [.. weights.Select(w => string.Join(",", w.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32())))];
        Assert.Equal(["simple_rnn/kernel", "simple_rnn/recurrent_kernel", "simple_rnn/bias", "dense/kernel", "dense/bias"], names);
        Assert.Equal(["2,2", "2,2", "2", "2,1", "1"], shapes);

        // Kernel [Features, HiddenUnits] row-major: values[f][j] = Kernel[f * H + j].
        JsonElement kernel = weights[0].GetProperty("values");
        Assert.Equal(model.Kernel[1 * 2 + 0], kernel[1][0].GetSingle());
    }

    [Fact]
    public void Export_then_import_round_trips_every_parameter_exactly()
    {
        RuntimeSizedRnn source = Model(1);
        RuntimeSizedRnn target = Model(2);
        KerasWeightsJson.Import(target, KerasWeightsJson.Export(source));
        Assert.Equal(source.Parameters.ToArray(), target.Parameters.ToArray());
    }

    [Fact]
    public void Import_accepts_keras_layer_prefixes_and_no_shapes()
    {
        const string json = """
            {"weights": [
              {"name": "simple_rnn_1/simple_rnn_cell/kernel:0", "values": [[1, 2], [3, 4]]},
              {"name": "recurrent_kernel", "values": [[5, 6], [7, 8]]},
              {"values": [9, 10]},
              {"name": "dense_3/kernel", "values": [[11], [12]]},
              {"name": "dense_3/bias", "values": [13]}
            ]}
            """;
        RuntimeSizedRnn model = Model(1);
        KerasWeightsJson.Import(model, json);
        Assert.Equal([1f, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13], model.Parameters.ToArray());
    }

    [Fact]
    public void Weight_of_another_shape_is_refused_and_the_model_is_unchanged()
    {
        RuntimeSizedRnn model = Model(1);
        float[] before = model.Parameters.ToArray();
        // Without its layers' configs (checked by KerasWeightsJsonHeaderTests), so the weights themselves are checked.
        JsonNode root = JsonNode.Parse(KerasWeightsJson.Export(new RuntimeSizedRnn(3, 2, 3, 1, Activation.Tanh, Activation.Tanh)))!;
        foreach (JsonNode? layer in root["layers"]!.AsArray())
        {
            layer!.AsObject().Remove("config");
        }
        string json = root.ToJsonString();

        var e = Assert.Throws<InvalidDataException>(() => KerasWeightsJson.Import(model, json));

        Assert.Equal("Expected simple_rnn/kernel of shape (2, 2), but the JSON declares (2, 3).", e.Message);
        Assert.Equal(before, model.Parameters.ToArray());
    }

    [Fact]
    public void Missing_weight_is_refused()
    {
        var e = Assert.Throws<InvalidDataException>(() => KerasWeightsJson.Import(Model(1), """{"weights": [{"values": [[1, 2], [3, 4]]}]}"""));
        Assert.Contains("Expected 5 weights", e.Message);
    }

    [Fact]
    public void Misnamed_weight_is_refused()
    {
        string json = KerasWeightsJson.Export(Model(1)).Replace("simple_rnn/bias", "simple_rnn/gamma");
        var e = Assert.Throws<InvalidDataException>(() => KerasWeightsJson.Import(Model(2), json));
        Assert.Equal(
            "Expected layer 0 (simple_rnn) weight 2 to be simple_rnn/bias (a name ending in \"bias\"), but it is named \"simple_rnn/gamma\".", e.Message);
    }

    [Fact]
    public void Non_numeric_value_is_refused_naming_its_place()
    {
        const string json = """
            {"weights": [
              {"values": [[1, 2], [3, "x"]]}, {"values": [[5, 6], [7, 8]]}, {"values": [9, 10]}, {"values": [[11], [12]]}, {"values": [13]}
            ]}
            """;
        var e = Assert.Throws<InvalidDataException>(() => KerasWeightsJson.Import(Model(1), json));
        Assert.Contains("simple_rnn/kernel row 1, index 1", e.Message);
    }

    [Fact]
    public void Malformed_json_is_refused() =>
        Assert.Throws<InvalidDataException>(() => KerasWeightsJson.Import(Model(1), "{\"weights\": ["));
}
