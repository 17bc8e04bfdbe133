using System.Text.Json.Nodes;
using RnnGen.Persistence;
using RnnGen.Tests.Generated;
using RnnGen.Tests.Persistence.Fixtures;

namespace RnnGen.Tests.Persistence;

/// <summary>Version-1 documents, as the version-1 code exported them (Fixtures/), import into the equivalent model and are refused as before.</summary>
public class KerasWeightsJsonVersionOneTests
{
    public static TheoryData<string, string, Func<IRnnModel>> DocumentsAndEquivalentModels => new()
    {
        { "v1-tutorial.json", "v1-tutorial.rnnw", () => new SunspotRnn(seed: 1) },
        { "v1-tutorial.json", "v1-tutorial.rnnw", () => new TutorialAsLayers(seed: 1) },
        { "v1-sequence-stateful.json", "v1-sequence-stateful.rnnw", () => new SmallSequenceStatefulRnn(seed: 1) },
        { "v1-sequence-stateful.json", "v1-sequence-stateful.rnnw", () => new SequenceStatefulAsLayers(seed: 1) },
    };

    [Theory]
    [MemberData(nameof(DocumentsAndEquivalentModels))]
    public void A_version_1_document_imports_the_same_weights_as_the_version_1_file(string json, string file, Func<IRnnModel> create)
    {
        IRnnModel model = create();

        KerasWeightsJson.Import(model, V1Fixtures.Text(json));

        Assert.Equal(V1Fixtures.Parameters(V1Fixtures.Bytes(file)), model.Parameters.ToArray());
    }

    [Fact]
    public void A_version_1_document_exported_again_is_version_2_and_imports_the_same_weights()
    {
        var model = new SunspotRnn();
        KerasWeightsJson.Import(model, V1Fixtures.Text("v1-tutorial.json"));
        string exported = KerasWeightsJson.Export(model);
        var again = new TutorialAsLayers();

        KerasWeightsJson.Import(again, exported);

        Assert.Equal(model.Parameters.ToArray(), again.Parameters.ToArray());
        Assert.Equal(2, (int)JsonNode.Parse(exported)!["version"]!);
    }

    [Fact]
    public void A_version_1_document_of_another_shape_is_refused_naming_each_difference()
    {
        var e = AssertRefused(V1Fixtures.Text("v1-sequence-stateful.json"), null);
        Assert.Equal(
            "The weights JSON holds weights of SimpleRNN(4, sigmoid, return_sequences) → Dense(3, relu) over 5 steps × 2 features, stateful, "
            + "but this model is SimpleRNN(3, tanh) → Dense(1, tanh) over 12 steps × 1 feature: "
            + "time steps: expected 12, found 5; features: expected 1, found 2; stateful: expected false, found true; "
            + "layer 0 (simple_rnn): expected SimpleRNN(3, tanh), found SimpleRNN(4, sigmoid, return_sequences); "
            + "layer 1 (dense): expected Dense(1, tanh), found Dense(3, relu).",
            e.Message);
    }

    [Theory]
    [InlineData("stateful", "true", "stateful: expected false, found true")]
    [InlineData("returnSequences", "true", "layer 0 (simple_rnn): expected SimpleRNN(3, tanh), found SimpleRNN(3, tanh, return_sequences)")]
    [InlineData("timeSteps", "24", "time steps: expected 12, found 24")]
    [InlineData("hiddenActivation", "\"relu\"", "layer 0 (simple_rnn): expected SimpleRNN(3, tanh), found SimpleRNN(3, relu)")]
    public void A_declared_shape_that_differs_from_the_model_is_refused_naming_the_difference(string field, string value, string difference)
    {
        string json = Edit(V1Fixtures.Text("v1-tutorial.json"), root => root["shape"]![field] = JsonNode.Parse(value));
        var e = AssertRefused(json, null);
        Assert.StartsWith("The weights JSON holds weights of ", e.Message);
        Assert.EndsWith($"but this model is {SunspotRnn.Layout}: {difference}.", e.Message);
    }

    [Theory]
    [InlineData("cell", "\"Lstm\"")]
    [InlineData("hiddenActivation", "\"gelu\"")]
    [InlineData("denseUnits", "\"1\"")]
    public void A_shape_that_names_no_model_is_refused_quoting_it(string field, string value)
    {
        string json = Edit(V1Fixtures.Text("v1-tutorial.json"), root => root["shape"]![field] = JsonNode.Parse(value));
        var e = AssertRefused(json, null);
        Assert.StartsWith("The weights JSON holds weights of a {", e.Message);
        Assert.EndsWith($"model, but this model is {SunspotRnn.Layout}.", e.Message);
    }

    [Fact]
    public void A_shape_with_a_missing_field_is_refused_quoting_it()
    {
        string json = Edit(V1Fixtures.Text("v1-tutorial.json"), root => root["shape"]!.AsObject().Remove("stateful"));
        var e = AssertRefused(json, null);
        Assert.StartsWith("The weights JSON holds weights of a {", e.Message);
    }

    [Fact]
    public void A_version_1_document_is_refused_by_a_stack_naming_the_weights_it_needs()
    {
        JsonNode root = JsonNode.Parse(V1Fixtures.Text("v1-tutorial.json"))!;
        root.AsObject().Remove("shape");
        var model = new SmallStack();
        float[] before = model.Parameters.ToArray();

        var e = Assert.Throws<InvalidDataException>(() => KerasWeightsJson.Import(model, root.ToJsonString()));

        Assert.Equal(
            "Expected 7 weights (simple_rnn/kernel, simple_rnn/recurrent_kernel, simple_rnn/bias, simple_rnn_1/kernel, simple_rnn_1/recurrent_kernel, dense/kernel, dense/bias), but the JSON has 5.",
            e.Message);
        Assert.Equal(before, model.Parameters.ToArray());
    }

    [Fact]
    public void A_version_2_document_declaring_version_1_is_read_as_version_1()
    {
        string json = Edit(KerasWeightsJson.Export(new SunspotRnn()), root => root["version"] = 1);
        var e = AssertRefused(json, null);
        Assert.Equal("Expected a JSON object with a \"layers\" array (version 2) or a \"weights\" array (version 1).", e.Message);
    }

    private static InvalidDataException AssertRefused(string json, string? message) => Refusals.Import(new SunspotRnn(seed: 2), json, message);

    private static string Edit(string json, Action<JsonNode> edit) => Refusals.Edit(json, edit);
}
