namespace RnnGen.Tests.Generated;

/// <summary>
/// Predict, PredictBatch and Step against the float64 reference, for every test model (both
/// emission strategies, all activations, return_sequences and stateful). Tolerance: 1e-5
/// relative to the largest reference value.
/// </summary>
public class ForwardTests
{
    private const double Tolerance = 1e-5;

    [Theory]
    [MemberData(nameof(ModelCatalog.Names), MemberType = typeof(ModelCatalog))]
    public void Predict_matches_the_float64_reference_and_leaves_the_Keras_state(string name)
    {
        IRnnModel model = ModelCatalog.Create(name);
        var random = new Random(11);
        ModelCatalog.Fill(model.Parameters, random, 0.6);
        ModelCatalog.Fill(model.State, random, 0.5);
        var input = new float[model.InputLength];
        ModelCatalog.Fill(input, random, 1.0);

        double[] initial = model.Shape.Stateful ? ModelCatalog.ToDouble(model.State) : new double[model.Shape.HiddenUnits];
        double[] stateBefore = ModelCatalog.ToDouble(model.State);
        var expected = ReferenceRnn.Forward(model.Shape, ModelCatalog.ToDouble(model.Parameters), ModelCatalog.ToDouble(input), initial);

        var output = new float[model.OutputLength];
        model.Predict(input, output);

        ModelCatalog.AssertClose(expected.Outputs, output, Tolerance, "output");
        ModelCatalog.AssertClose(model.Shape.Stateful ? expected.FinalState : stateBefore, model.State, Tolerance, "state");
    }

    [Theory]
    [MemberData(nameof(ModelCatalog.Names), MemberType = typeof(ModelCatalog))]
    public void Step_through_a_sequence_equals_Predict(string name)
    {
        IRnnModel model = ModelCatalog.Create(name);
        var random = new Random(12);
        ModelCatalog.Fill(model.Parameters, random, 0.6);
        var input = new float[model.InputLength];
        ModelCatalog.Fill(input, random, 1.0);
        var predicted = new float[model.OutputLength];
        model.Predict(input, predicted);
        model.ResetStates();

        RnnShape shape = model.Shape;
        var stepOutput = new float[shape.DenseUnits];
        for (int t = 0; t < shape.TimeSteps; t++)
        {
            model.Step(input.AsSpan(t * shape.Features, shape.Features), stepOutput);
            if (shape.ReturnSequences)
            {
                Assert.Equal(predicted.AsSpan(t * shape.DenseUnits, shape.DenseUnits).ToArray(), stepOutput);
            }
        }

        Assert.Equal(predicted.AsSpan(predicted.Length - shape.DenseUnits).ToArray(), stepOutput);
    }

    [Theory]
    [MemberData(nameof(ModelCatalog.Names), MemberType = typeof(ModelCatalog))]
    public void PredictBatch_equals_Predict_on_each_sequence(string name)
    {
        // Enough sequences for two whole groups of SIMD lanes (up to 16 wide) and a remainder.
        const int count = 37;
        IRnnModel batchModel = ModelCatalog.Create(name, seed: 3);
        IRnnModel singleModel = ModelCatalog.Create(name, seed: 3);
        var inputs = new float[count * batchModel.InputLength];
        ModelCatalog.Fill(inputs, new Random(13), 1.0);

        var batchOutputs = new float[count * batchModel.OutputLength];
        batchModel.PredictBatch(inputs, batchOutputs);

        var single = new float[singleModel.OutputLength];
        for (int n = 0; n < count; n++)
        {
            singleModel.Predict(inputs.AsSpan(n * singleModel.InputLength, singleModel.InputLength), single);
            ModelCatalog.AssertClose(ModelCatalog.ToDouble(single), batchOutputs.AsSpan(n * single.Length, single.Length), Tolerance, $"sequence {n}");
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_Keras_default_weights()
    {
        var first = new VectorizedRnn(seed: 42);
        var second = new VectorizedRnn(seed: 42);
        var other = new VectorizedRnn(seed: 43);

        Assert.Equal(first.Parameters.ToArray(), second.Parameters.ToArray());
        Assert.NotEqual(first.Parameters.ToArray(), other.Parameters.ToArray());
        Assert.All(first.Bias.ToArray(), b => Assert.Equal(0f, b));
        Assert.All(first.DenseBias.ToArray(), b => Assert.Equal(0f, b));
        double limit = Math.Sqrt(6.0 / (VectorizedRnn.Features + VectorizedRnn.HiddenUnits));
        Assert.All(first.Kernel.ToArray(), k => Assert.InRange(k, -limit, limit));
    }

    [Fact]
    public void The_recurrent_kernel_starts_orthogonal()
    {
        var model = new VectorizedRnn(seed: 5);
        int n = VectorizedRnn.HiddenUnits;
        ReadOnlySpan<float> r = model.RecurrentKernel;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double dot = 0;
                for (int k = 0; k < n; k++)
                {
                    dot += (double)r[k * n + i] * r[k * n + j];
                }

                Assert.True(Math.Abs(dot - (i == j ? 1 : 0)) < 1e-5, $"(RᵀR)[{i},{j}] = {dot}");
            }
        }
    }

    [Fact]
    public void Named_views_alias_the_parameter_buffer_in_Keras_order()
    {
        var model = new ReluSigmoidRnn(seed: 1);
        for (int i = 0; i < model.Parameters.Length; i++)
        {
            model.Parameters[i] = i;
        }

        Assert.Equal(0f, model.Kernel[0]);
        Assert.Equal(3 * 5, model.RecurrentKernel[0]);
        Assert.Equal(3 * 5 + 25, model.Bias[0]);
        Assert.Equal(3 * 5 + 25 + 5, model.DenseKernel[0]);
        Assert.Equal(3 * 5 + 25 + 5 + 10, model.DenseBias[0]);
        Assert.Equal(ReluSigmoidRnn.ParameterCount - 1, model.DenseBias[^1]);
    }
}
