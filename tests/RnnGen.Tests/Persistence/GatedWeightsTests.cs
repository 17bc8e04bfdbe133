using RnnGen.Persistence;
using System.Text.Json.Nodes;

namespace RnnGen.Tests.Persistence;

/// <summary>GatedWeightsTests' layout, generated.</summary>
[Rnn(TimeSteps = 6, Features = 2)]
[Lstm(4, RecurrentActivation = Activation.Tanh, UnitForgetBias = false, ReturnSequences = true, Bidirectional = true, MergeMode = MergeMode.Ave)]
[Gru(3, ResetAfter = false, ReturnSequences = true, GoBackwards = true)]
[Gru(2)]
[Dense(1)]
public partial class GatedWeightsModel;

/// <summary>
/// Weight files and weights JSON of LSTM, GRU and Bidirectional layers: every option round-trips, a
/// file of another gated architecture is refused naming the difference, and the JSON describes a
/// bidirectional layer as Keras serializes the wrapper.
/// </summary>
public class GatedWeightsTests
{
    private static readonly ModelLayout Gated = new(6, 2, stateful: false,
        LayerSettings.Lstm(4, recurrentActivation: Activation.Tanh, unitForgetBias: false, returnSequences: true).InBothDirections(MergeMode.Ave),
        LayerSettings.Gru(3, resetAfter: false, returnSequences: true, goBackwards: true),
        LayerSettings.Gru(2),
        LayerSettings.Dense(1));

    [Fact]
    public void A_weight_file_round_trips_every_gated_option_and_weight()
    {
        var source = new WeightsOnlyModel(Gated, seed: 1);
        var target = new WeightsOnlyModel(Gated, seed: 2);
        WeightFile.Deserialize(target, WeightFile.Serialize(source), "w.rnnw");
        Assert.Equal(source.Parameters.ToArray(), target.Parameters.ToArray());
    }

    [Fact]
    public void A_generated_model_of_the_layout_reads_its_weight_file_and_json()
    {
        Assert.Equal(Gated.Layers.Select(static l => l.Settings), GatedWeightsModel.Layout.Layers.Select(static l => l.Settings));
        var source = new WeightsOnlyModel(Gated, seed: 1);
        var model = new GatedWeightsModel(seed: 2);
        WeightFile.Deserialize(model, WeightFile.Serialize(source), "w.rnnw");
        Assert.Equal(source.Parameters.ToArray(), model.Parameters.ToArray());

        var other = new GatedWeightsModel(seed: 3);
        KerasWeightsJson.Import(other, KerasWeightsJson.Export(model));
        Assert.Equal(model.Parameters.ToArray(), other.Parameters.ToArray());
    }

    [Theory]
    [MemberData(nameof(OneOptionChanged))]
    public void A_weight_file_of_a_layout_differing_in_one_gated_option_is_refused_naming_it(ModelLayout other, string expected)
    {
        var target = new WeightsOnlyModel(Gated, seed: 2);
        float[] before = target.Parameters.ToArray();
        var e = Assert.Throws<InvalidDataException>(() => WeightFile.Deserialize(target, WeightFile.Serialize(new WeightsOnlyModel(other)), "w.rnnw"));
        Assert.Contains(expected, e.Message);
        Assert.Equal(before, target.Parameters.ToArray());
    }

    public static TheoryData<ModelLayout, string> OneOptionChanged => new()
    {
        { With(0, Gated.Layers[0].Settings with { MergeMode = MergeMode.Sum }), "layer 0 (bidirectional): expected Bidirectional(LSTM(4, tanh, tanh, unit_forget_bias=False, return_sequences), ave), found Bidirectional(LSTM(4, tanh, tanh, unit_forget_bias=False, return_sequences), sum)" },
        { With(0, Gated.Layers[0].Settings with { RecurrentActivation = Activation.Sigmoid }), "found Bidirectional(LSTM(4, tanh, sigmoid" },
        { With(1, Gated.Layers[1].Settings with { ResetAfter = true }), "expected GRU(3, tanh, sigmoid, reset_after=False, return_sequences, go_backwards), found GRU(3, tanh, sigmoid, return_sequences, go_backwards)" },
    };

    [Fact]
    public void Every_truncation_and_bit_flip_of_a_gated_file_is_refused_and_leaves_the_model_unchanged()
    {
        var small = new ModelLayout(2, 1, false, LayerSettings.Gru(1).InBothDirections(), LayerSettings.Dense(1));
        byte[] bytes = WeightFile.Serialize(new WeightsOnlyModel(small, seed: 1));
        Refusals.EveryTruncation(new WeightsOnlyModel(small, seed: 2), bytes, "w.rnnw");
        Refusals.EveryBitFlip(new WeightsOnlyModel(small, seed: 2), bytes);
    }

    [Fact]
    public void The_json_round_trips_and_describes_layers_with_keras_class_names_and_config_keys()
    {
        var source = new WeightsOnlyModel(Gated, seed: 1);
        string json = KerasWeightsJson.Export(source);
        var target = new WeightsOnlyModel(Gated, seed: 2);
        KerasWeightsJson.Import(target, json);
        Assert.Equal(source.Parameters.ToArray(), target.Parameters.ToArray());

        JsonArray layers = JsonNode.Parse(json)!["layers"]!.AsArray();
        JsonNode bidirectional = layers[0]!;
        Assert.Equal("Bidirectional", (string?)bidirectional["class_name"]);
        Assert.Equal("bidirectional", (string?)bidirectional["name"]);
        Assert.Equal("ave", (string?)bidirectional["config"]!["merge_mode"]);
        Assert.Equal("LSTM", (string?)bidirectional["config"]!["layer"]!["class_name"]);
        JsonNode lstm = bidirectional["config"]!["layer"]!["config"]!;
        Assert.Equal("tanh", (string?)lstm["recurrent_activation"]);
        Assert.False((bool)lstm["unit_forget_bias"]!);
        Assert.Equal(
            ["bidirectional/forward_lstm/kernel", "bidirectional/forward_lstm/recurrent_kernel", "bidirectional/forward_lstm/bias",
             "bidirectional/backward_lstm/kernel", "bidirectional/backward_lstm/recurrent_kernel", "bidirectional/backward_lstm/bias"],
            bidirectional["weights"]!.AsArray().Select(static w => (string?)w!["name"]));

        JsonNode gru = layers[1]!;
        Assert.Equal("GRU", (string?)gru["class_name"]);
        Assert.Equal("gru", (string?)gru["name"]);
        Assert.False((bool)gru["config"]!["reset_after"]!);
        Assert.True((bool)gru["config"]!["go_backwards"]!);
    }

    [Theory]
    [InlineData("merge_mode", "\"concat\"", "layer 0 (bidirectional) config.merge_mode: expected \"ave\", found \"concat\"")]
    [InlineData("layer.config.reset_after", "true", "")]
    [InlineData("layer.config.recurrent_activation", "\"sigmoid\"", "layer 0 (bidirectional) config.layer.config.recurrent_activation: expected \"tanh\", found \"sigmoid\"")]
    [InlineData("layer.class_name", "\"GRU\"", "layer 0 (bidirectional) config.layer.class_name: expected \"LSTM\", found \"GRU\"")]
    public void A_json_whose_bidirectional_config_differs_is_refused_naming_the_key(string path, string value, string expected)
    {
        string json = KerasWeightsJson.Export(new WeightsOnlyModel(Gated, seed: 1));
        JsonNode root = JsonNode.Parse(json)!;
        JsonNode node = root["layers"]![0]!["config"]!;
        string[] keys = path.Split('.');
        foreach (string key in keys[..^1])
        {
            node = node[key]!;
        }

        node[keys[^1]] = JsonNode.Parse(value);
        var target = new WeightsOnlyModel(Gated, seed: 2);
        float[] before = target.Parameters.ToArray();
        if (expected.Length == 0)
        {
            // A key an LSTM does not have (reset_after) is ignored, as any key of a Keras config RnnGen has no counterpart for.
            KerasWeightsJson.Import(target, root.ToJsonString());
            return;
        }

        var e = Assert.Throws<InvalidDataException>(() => KerasWeightsJson.Import(target, root.ToJsonString()));
        Assert.Contains(expected, e.Message);
        Assert.Equal(before, target.Parameters.ToArray());
    }

    [Fact]
    public void A_reset_after_gru_bias_is_a_two_row_matrix_in_the_json()
    {
        string json = KerasWeightsJson.Export(new WeightsOnlyModel(Gated));
        JsonNode bias = JsonNode.Parse(json)!["layers"]![2]!["weights"]![2]!;
        Assert.Equal("gru_1/bias", (string?)bias["name"]);
        Assert.Equal("[2,6]", bias["shape"]!.ToJsonString());
    }

    private static ModelLayout With(int index, LayerSettings layer)
    {
        LayerSettings[] layers = [.. Gated.Layers.Select(static l => l.Settings)];
        layers[index] = layer;
        return new ModelLayout(Gated.TimeSteps, Gated.Features, Gated.Stateful, layers);
    }
}
