using RnnGen.Interop;
using RnnGen.Tests.Stacks;

namespace RnnGen.Tests.Interop.Keras;

/// <summary>Every Keras-layout fixture file loads into the model of its architecture: its weights exactly, Keras' outputs to float32 rounding.</summary>
public sealed class KerasFileLoadTests
{
    public static TheoryData<string> Files() => [.. KerasFixtures.Files()];

    [Theory]
    [MemberData(nameof(Files))]
    public void Load_puts_the_files_weights_into_Parameters_exactly(string file)
    {
        IRnnModel model = KerasModels.For(file);
        float[] before = model.Parameters.ToArray();
        float[] expected = KerasFixtures.Parameters(KerasFixtures.Case(file));
        Assert.NotEqual(expected, before);

        KerasWeights.Load(model, KerasFixtures.Path(file));

        Assert.Equal(expected, model.Parameters.ToArray());
        Assert.All(model.State.ToArray(), static s => Assert.Equal(0f, s));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Predict_after_Load_matches_the_float64_reference_within_1e_5(string file)
    {
        IRnnModel model = KerasModels.For(file);
        KerasCase c = KerasFixtures.Case(file);
        KerasWeights.Load(model, KerasFixtures.Path(file));
        float[] input = [.. c.Input.Select(static v => (float)v)];
        var output = new float[model.OutputLength];

        model.Predict(input, output);

        Assert.InRange(ReferenceOf.RelativeError(output, c.Output), 0, 1e-5);
    }

    /// <summary>The outputs the script recorded are the float64 reference's: RnnGen's own, built from the layout, agrees to float64 rounding.</summary>
    [Theory]
    [MemberData(nameof(Files))]
    public void Recorded_outputs_are_the_float64_references(string file)
    {
        IRnnModel model = KerasModels.For(file);
        KerasCase c = KerasFixtures.Case(file);
        Assert.Equal(model.Layout.Weights.Select(static w => w.Shape.ToArray()), c.Shapes);

        double[] output = ReferenceOf.Model(model.Layout).Forward(c.Weights.SelectMany(static w => w).ToArray(), c.Input).Outputs;

        Assert.Equal(c.Output.Length, output.Length);
        for (int i = 0; i < output.Length; i++)
        {
            Assert.Equal(c.Output[i], output[i], 1e-12);
        }
    }
}
