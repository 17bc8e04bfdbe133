namespace RnnGen.Tests.Generated;

/// <summary>
/// Part 1 of the Keras tutorial "Understanding Simple Recurrent Neural Networks in Keras": a
/// SimpleRNN(2) + Dense(1), linear activations, weights wx, wh, bh, wy, by, input x = [1, 2, 3],
/// computed by hand and compared with the model. Tolerance: 1e-5 relative to the largest value.
/// </summary>
public class TutorialTests
{
    private const double Tolerance = 1e-5;
    private static readonly double[] X = [1, 2, 3];

    /// <summary>The tutorial's hand computation: h_t = x_t·wx + h_{t-1}·wh + bh, o_t = h_t·wy + by.</summary>
    private static (double[][] H, double[] O) HandComputation(IRnnModel model, double[] h0)
    {
        double[] wx = ModelCatalog.ToDouble(model.Kernel);          // [1, 2]
        double[] wh = ModelCatalog.ToDouble(model.RecurrentKernel); // [2, 2]
        double[] bh = ModelCatalog.ToDouble(model.Bias);            // [2]
        double[] wy = ModelCatalog.ToDouble(model.DenseKernel);     // [2, 1]
        double by = model.DenseBias[0];
        var h = new double[4][];
        var o = new double[4];
        h[0] = h0;
        for (int t = 1; t <= 3; t++)
        {
            h[t] =
            [
                X[t - 1] * wx[0] + h[t - 1][0] * wh[0] + h[t - 1][1] * wh[2] + bh[0],
                X[t - 1] * wx[1] + h[t - 1][0] * wh[1] + h[t - 1][1] * wh[3] + bh[1],
            ];
            o[t] = h[t][0] * wy[0] + h[t][1] * wy[1] + by;
        }

        return (h, o);
    }

    private static void RandomizeBiases(IRnnModel model)
    {
        // Keras starts biases at zero; non-zero ones make the check cover them too.
        model.Bias[0] = 0.25f;
        model.Bias[1] = -0.5f;
        model.DenseBias[0] = 0.125f;
    }

    [Fact]
    public void Predict_matches_tutorial_hand_computation()
    {
        var model = new DemoRnn(seed: 7);
        RandomizeBiases(model);
        var (_, o) = HandComputation(model, [0, 0]);

        Span<float> y = stackalloc float[DemoRnn.OutputLength];
        model.Predict([1f, 2f, 3f], y);

        ModelCatalog.AssertClose([o[3]], y, Tolerance, "o3");
    }

    [Fact]
    public void Hidden_states_match_tutorial_h1_h2_h3()
    {
        var model = new DemoRnn(seed: 7);
        RandomizeBiases(model);
        var (h, _) = HandComputation(model, [0, 0]);

        // Streaming the sequence step by step exposes h1, h2, h3 in State.
        Span<float> y = stackalloc float[1];
        for (int t = 1; t <= 3; t++)
        {
            model.Step([(float)X[t - 1]], y);
            ModelCatalog.AssertClose(h[t], model.State, Tolerance, $"h{t}");
        }
    }

    [Fact]
    public void Return_sequences_output_matches_hand_computation_at_every_step()
    {
        var model = new DemoSequenceRnn(seed: 7);
        RandomizeBiases(model);
        var (_, o) = HandComputation(model, [0, 0]);

        Span<float> y = stackalloc float[DemoSequenceRnn.OutputLength];
        model.Predict([1f, 2f, 3f], y);

        Assert.Equal(3, DemoSequenceRnn.OutputLength);
        ModelCatalog.AssertClose([o[1], o[2], o[3]], y, Tolerance, "o");
    }

    [Fact]
    public void Stateful_calls_equal_one_hand_loop_that_keeps_h()
    {
        var model = new DemoStatefulRnn(seed: 7);
        RandomizeBiases(model);
        double[] h = [0, 0];
        Span<float> y = stackalloc float[1];
        for (int call = 1; call <= 3; call++)
        {
            var (hs, o) = HandComputation(model, h);
            h = hs[3];

            model.Predict([1f, 2f, 3f], y);

            ModelCatalog.AssertClose([o[3]], y, Tolerance, $"o3 of call {call}");
            ModelCatalog.AssertClose(h, model.State, Tolerance, $"state after call {call}");
        }
    }

    [Fact]
    public void ResetStates_makes_a_stateful_model_start_again_from_zeros()
    {
        var model = new DemoStatefulRnn(seed: 7);
        Span<float> first = stackalloc float[1];
        Span<float> again = stackalloc float[1];
        model.Predict([1f, 2f, 3f], first);
        model.Predict([1f, 2f, 3f], again);
        Assert.NotEqual(first[0], again[0]);

        model.ResetStates();
        Assert.All(model.State.ToArray(), value => Assert.Equal(0f, value));
        model.Predict([1f, 2f, 3f], again);

        Assert.Equal(first[0], again[0]);
    }

    [Fact]
    public void A_model_that_is_not_stateful_leaves_State_untouched()
    {
        var model = new DemoRnn(seed: 7);
        model.State[0] = 0.5f;
        Span<float> first = stackalloc float[1];
        Span<float> second = stackalloc float[1];
        model.Predict([1f, 2f, 3f], first);
        model.Predict([1f, 2f, 3f], second);

        Assert.Equal(first[0], second[0]);
        Assert.Equal([0.5f, 0f], model.State.ToArray());
    }

    [Fact]
    public void Summary_shows_the_tutorial_parameter_counts()
    {
        string demo = new DemoRnn(seed: 1).Summary();
        Assert.Contains(" simple_rnn (SimpleRNN)      (None, 2)                 8", demo);
        Assert.Contains(" dense (Dense)               (None, 1)                 3", demo);
        Assert.Contains("Total params: 11", demo);

        string sunspots = new SunspotRnn(seed: 1).Summary();
        Assert.Contains("(None, 3)                 15", sunspots);
        Assert.Contains("(None, 1)                 4", sunspots);
        Assert.Contains("Total params: 19", sunspots);

        Assert.Contains("(None, 3, 2)", new DemoSequenceRnn(seed: 1).Summary());
    }

    [Fact]
    public void Shape_constants_follow_the_attribute()
    {
        Assert.Equal(11, DemoRnn.ParameterCount);
        Assert.Equal(19, SunspotRnn.ParameterCount);
        Assert.Equal(12, SunspotRnn.InputLength);
        Assert.Equal(1, SunspotRnn.OutputLength);
        Assert.Equal(new RnnShape(CellKind.SimpleRnn, 12, 1, 3, 1, Activation.Tanh, Activation.Tanh, false, false), SunspotRnn.Shape);
        IRnnModel model = new VectorizedSequenceStatefulRnn(seed: 1);
        Assert.Equal(4 * 3, model.OutputLength);
        Assert.Equal(2 * 19 + 19 * 19 + 19 + 19 * 3 + 3, model.ParameterCount);
    }
}
