namespace RnnGen.Tests.Generated;

/// <summary>Wrong span lengths are refused with an ArgumentException that names the expected length.</summary>
public class ArgumentTests
{
    [Fact]
    public void Predict_refuses_an_input_of_the_wrong_length_naming_InputLength()
    {
        var model = new SunspotRnn(seed: 1);
        var error = Assert.Throws<ArgumentException>(() => model.Predict(new float[11], new float[1]));
        Assert.Equal("input", error.ParamName);
        Assert.Contains("Expected 12 floats (InputLength = TimeSteps * Features = 12 * 1)", error.Message);
        Assert.Contains("has 11", error.Message);
    }

    [Fact]
    public void Predict_refuses_an_output_of_the_wrong_length_naming_OutputLength()
    {
        var model = new DemoSequenceRnn(seed: 1);
        var error = Assert.Throws<ArgumentException>(() => model.Predict(new float[3], new float[1]));
        Assert.Equal("output", error.ParamName);
        Assert.Contains("Expected 3 floats (OutputLength = TimeSteps * DenseUnits = 3 * 1)", error.Message);
    }

    [Fact]
    public void Backward_refuses_a_target_of_the_wrong_length()
    {
        var model = new VectorizedRnn(seed: 1);
        var error = Assert.Throws<ArgumentException>(() => model.Backward(new float[VectorizedRnn.InputLength], new float[3]));
        Assert.Equal("target", error.ParamName);
        Assert.Contains("Expected 2 floats", error.Message);
    }

    [Fact]
    public void Step_refuses_an_input_that_is_not_one_time_step()
    {
        var model = new ReluSigmoidRnn(seed: 1);
        var error = Assert.Throws<ArgumentException>(() => model.Step(new float[2], new float[2]));
        Assert.Contains("Expected 3 floats (Features = 3)", error.Message);
    }

    [Fact]
    public void PredictBatch_refuses_partial_sequences_and_mismatched_outputs()
    {
        var model = new SunspotRnn(seed: 1);
        var partial = Assert.Throws<ArgumentException>(() => model.PredictBatch(new float[25], new float[2]));
        Assert.Contains("multiple of 12", partial.Message);
        var outputs = Assert.Throws<ArgumentException>(() => model.PredictBatch(new float[24], new float[3]));
        Assert.Contains("Expected 2 floats", outputs.Message);
    }

    [Fact]
    public void PredictBatch_counts_outputs_in_64_bits_so_a_huge_batch_cannot_wrap_around()
    {
        // (2^20 + 1) sequences × 4096 outputs = 2^32 + 4096 floats, which wraps to 4096 in 32 bits.
        var model = new WidestOutputRnn(seed: 1);
        float[] inputs = new float[(1 << 20) + 1];
        float[] outputs = new float[WidestOutputRnn.OutputLength];

        var error = Assert.Throws<ArgumentException>(() => model.PredictBatch(inputs, outputs));

        Assert.Equal("outputs", error.ParamName);
        Assert.Contains("Expected 4294971392 floats (1048577 × OutputLength", error.Message);
        Assert.All(outputs, value => Assert.Equal(0f, value));
    }

    [Fact]
    public void A_refused_call_leaves_parameters_and_state_unchanged()
    {
        var model = new DemoStatefulRnn(seed: 1);
        model.State[0] = 0.25f;
        float[] parameters = model.Parameters.ToArray();
        Assert.Throws<ArgumentException>(() => model.Backward(new float[3], new float[2]));
        Assert.Equal(parameters, model.Parameters.ToArray());
        Assert.Equal(0.25f, model.State[0]);
        Assert.All(model.Gradients.ToArray(), g => Assert.Equal(0f, g));
    }
}
