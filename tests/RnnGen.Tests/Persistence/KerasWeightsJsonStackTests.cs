using System.Text.Json.Nodes;
using RnnGen.Persistence;
using RnnGen.Tests.Stacks;

namespace RnnGen.Tests.Persistence;

/// <summary>The version-2 document for stacks of layers: every stack round-trips, each layer is described as Keras describes it.</summary>
public class KerasWeightsJsonStackTests
{
    [Theory]
    [MemberData(nameof(StackModels.Names), MemberType = typeof(StackModels))]
    public void Every_stack_round_trips_exactly(string name)
    {
        IRnnModel source = StackModels.Create(name);
        IRnnModel target = StackModels.Create(name);
        target.Parameters.Fill(0.25f);

        KerasWeightsJson.Import(target, KerasWeightsJson.Export(source));

        Assert.Equal(source.Parameters.ToArray(), target.Parameters.ToArray());
    }

    [Fact]
    public void Each_layer_lists_its_own_weights_and_a_layer_without_bias_has_none()
    {
        JsonNode root = JsonNode.Parse(KerasWeightsJson.Export(new DenseBetweenRecurrentStack(seed: 1)))!;
        JsonArray layers = root["layers"]!.AsArray();

        Assert.Equal(
            ["SimpleRNN simple_rnn", "Dense dense", "SimpleRNN simple_rnn_1", "Dense dense_1"],
            layers.Select(l => $"{l!["class_name"]} {l["name"]}"));
        Assert.Equal(
            ["simple_rnn_1/kernel", "simple_rnn_1/recurrent_kernel"],
            layers[2]!["weights"]!.AsArray().Select(w => (string)w!["name"]!));
        Assert.Equal(
            """{"units":3,"activation":"sigmoid","use_bias":false,"return_sequences":true,"go_backwards":false}""",
            layers[2]!["config"]!.ToJsonString());
        Assert.Equal(6, (int)root["time_steps"]!);
    }

    [Fact]
    public void Go_backwards_and_stateful_are_written_as_keras_spells_them()
    {
        JsonNode backwards = JsonNode.Parse(KerasWeightsJson.Export(new BackwardsSequenceLayer(seed: 1)))!;
        JsonNode stateful = JsonNode.Parse(KerasWeightsJson.Export(new FourRecurrentStatefulStack(seed: 1)))!;
        Assert.True((bool)backwards["layers"]![0]!["config"]!["go_backwards"]!);
        Assert.True((bool)stateful["stateful"]!);
    }

    [Fact]
    public void A_document_of_another_stack_is_refused_naming_each_layer_and_the_model_is_unchanged()
    {
        string json = KerasWeightsJson.Export(new DenseBetweenRecurrentStack(seed: 1));
        var model = new DenseAroundRecurrentStack(seed: 2);
        float[] before = model.Parameters.ToArray();

        var e = Assert.Throws<InvalidDataException>(() => KerasWeightsJson.Import(model, json));

        Assert.Equal(
            $"The weights JSON describes another model than this one, {DenseAroundRecurrentStack.Layout}: "
            + "time_steps: expected 5, found 6; features: expected 3, found 2; "
            + "layer 0 (dense) class_name: expected \"Dense\", found \"SimpleRNN\"; "
            + "layer 1 (simple_rnn) class_name: expected \"SimpleRNN\", found \"Dense\"; layer 1 (simple_rnn) config.units: expected 7, found 3; "
            + "layer 1 (simple_rnn) config.activation: expected \"tanh\", found \"relu\"; "
            + "layer 2 (simple_rnn_1) config.activation: expected \"relu\", found \"sigmoid\"; layer 2 (simple_rnn_1) config.use_bias: expected true, found false; "
            + "layer 2 (simple_rnn_1) config.return_sequences: expected false, found true; layer 2 (simple_rnn_1) config.go_backwards: expected true, found false; "
            + "layer 3 (dense_1) config.activation: expected \"sigmoid\", found \"linear\".",
            e.Message);
        Assert.Equal(before, model.Parameters.ToArray());
    }
}
