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
        AssertRefused(json, "The weights JSON has \"version\": 99; this RnnGen reads version 1.");
    }

    [Fact]
    public void Weights_of_a_tanh_model_are_refused_by_a_relu_model_of_the_same_size()
    {
        string json = KerasWeightsJson.Export(Tanh());
        var relu = new RuntimeSizedRnn(3, 2, 2, 1, Activation.Relu, Activation.Tanh);
        float[] before = relu.Parameters.ToArray();

        var e = Assert.Throws<InvalidDataException>(() => KerasWeightsJson.Import(relu, json));

        Assert.Equal(
            "The weights JSON holds weights of a SimpleRnn(T=3, F=2, H=2, D=1, Tanh/Tanh) model, but this model is SimpleRnn(T=3, F=2, H=2, D=1, Relu/Tanh).",
            e.Message);
        Assert.Equal(before, relu.Parameters.ToArray());
    }

    [Theory]
    [InlineData("stateful", "true")]
    [InlineData("returnSequences", "true")]
    [InlineData("timeSteps", "12")]
    [InlineData("cell", "\"Lstm\"")]
    [InlineData("hiddenActivation", "\"swish\"")]
    [InlineData("denseUnits", "\"1\"")]
    public void A_declared_shape_that_differs_from_the_model_is_refused(string field, string value)
    {
        string json = Edit(KerasWeightsJson.Export(Tanh()), root => root["shape"]![field] = JsonNode.Parse(value));
        var e = AssertRefused(json, null);
        Assert.StartsWith("The weights JSON holds weights of a ", e.Message);
        Assert.EndsWith("but this model is SimpleRnn(T=3, F=2, H=2, D=1, Tanh/Tanh).", e.Message);
    }

    [Fact]
    public void A_shape_with_a_missing_field_is_refused_quoting_it()
    {
        string json = Edit(KerasWeightsJson.Export(Tanh()), root => root["shape"]!.AsObject().Remove("stateful"));
        var e = AssertRefused(json, null);
        Assert.StartsWith("The weights JSON holds weights of a {", e.Message);
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

    private static InvalidDataException AssertRefused(string json, string? message)
    {
        RuntimeSizedRnn model = Tanh(seed: 2);
        float[] before = model.Parameters.ToArray();
        var e = Assert.Throws<InvalidDataException>(() => KerasWeightsJson.Import(model, json));
        if (message is not null)
        {
            Assert.Equal(message, e.Message);
        }

        Assert.Equal(before, model.Parameters.ToArray());
        return e;
    }

    private static string Edit(string json, Action<JsonNode> edit)
    {
        JsonNode root = JsonNode.Parse(json)!;
        edit(root);
        return root.ToJsonString();
    }
}
