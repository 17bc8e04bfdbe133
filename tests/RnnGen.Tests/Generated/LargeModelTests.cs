namespace RnnGen.Tests.Generated;

/// <summary>
/// Large and odd-sized models (vectorized strategy, every SIMD tail) against the float64 reference:
/// outputs and final state within 1e-5, gradients within 1e-4, relative to the largest reference value.
/// The BPTT reference itself is checked against finite differences on every small model.
/// </summary>
public class LargeModelTests
{
    public static TheoryData<string> Names => new()
    {
        nameof(LargeSequenceStatefulRnn), nameof(LargeTutorialShapedRnn), nameof(MediumReluRnn), nameof(OddSizedSigmoidRnn),
    };

    private static IRnnModel Create(string name) => name switch
    {
        nameof(LargeSequenceStatefulRnn) => new LargeSequenceStatefulRnn(seed: 1),
        nameof(LargeTutorialShapedRnn) => new LargeTutorialShapedRnn(seed: 1),
        nameof(MediumReluRnn) => new MediumReluRnn(seed: 1),
        nameof(OddSizedSigmoidRnn) => new OddSizedSigmoidRnn(seed: 1),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    /// <summary>Random weights scaled like Keras' initializers (~1/√fan-in), so 64 steps neither explode nor vanish.</summary>
    private static (float[] Input, float[] Target) Randomize(IRnnModel model, int seed)
    {
        var random = new Random(seed);
        RnnShape shape = model.Shape;
        ModelCatalog.Fill(model.Kernel, random, 1.0 / Math.Sqrt(shape.Features));
        ModelCatalog.Fill(model.RecurrentKernel, random, 1.5 / Math.Sqrt(shape.HiddenUnits));
        ModelCatalog.Fill(model.Bias, random, 0.2);
        ModelCatalog.Fill(model.DenseKernel, random, 1.5 / Math.Sqrt(shape.HiddenUnits));
        ModelCatalog.Fill(model.DenseBias, random, 0.2);
        ModelCatalog.Fill(model.State, random, 0.5);
        var input = new float[model.InputLength];
        var target = new float[model.OutputLength];
        ModelCatalog.Fill(input, random, 1.0);
        ModelCatalog.Fill(target, random, 1.0);
        return (input, target);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Predict_and_state_match_the_float64_reference(string name)
    {
        IRnnModel model = Create(name);
        var (input, _) = Randomize(model, 41);
        double[] initial = model.Shape.Stateful ? ModelCatalog.ToDouble(model.State) : new double[model.Shape.HiddenUnits];
        var expected = ReferenceRnn.Forward(model.Shape, ModelCatalog.ToDouble(model.Parameters), ModelCatalog.ToDouble(input), initial);

        var output = new float[model.OutputLength];
        model.Predict(input, output);

        ModelCatalog.AssertClose(expected.Outputs, output, 1e-5, "output");
        if (model.Shape.Stateful)
        {
            ModelCatalog.AssertClose(expected.FinalState, model.State, 1e-5, "state");
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Backward_matches_float64_backpropagation_through_time(string name)
    {
        IRnnModel model = Create(name);
        var (input, target) = Randomize(model, 42);
        double[] parameters = ModelCatalog.ToDouble(model.Parameters);
        double[] initial = model.Shape.Stateful ? ModelCatalog.ToDouble(model.State) : new double[model.Shape.HiddenUnits];
        double[] x = ModelCatalog.ToDouble(input), y = ModelCatalog.ToDouble(target);
        double expectedLoss = ReferenceRnn.Loss(model.Shape, parameters, x, y, initial);
        double[] expected = ReferenceRnn.Gradients(model.Shape, parameters, x, y, initial);

        model.ClearGradients();
        float loss = model.Backward(input, target);

        Assert.True(Math.Abs(loss - expectedLoss) <= 1e-5 * Math.Max(1, expectedLoss), $"loss {loss} vs {expectedLoss}");
        ModelCatalog.AssertClose(expected, model.Gradients, 1e-4, "gradient");
    }

    [Theory]
    [MemberData(nameof(ModelCatalog.Names), MemberType = typeof(ModelCatalog))]
    public void The_BPTT_reference_agrees_with_finite_differences(string name)
    {
        IRnnModel model = ModelCatalog.Create(name);
        var (input, target) = Randomize(model, 43);
        double[] parameters = ModelCatalog.ToDouble(model.Parameters);
        double[] initial = ModelCatalog.ToDouble(model.State);
        double[] x = ModelCatalog.ToDouble(input), y = ModelCatalog.ToDouble(target);

        double[] analytic = ReferenceRnn.Gradients(model.Shape, parameters, x, y, initial);
        double[] numeric = ReferenceRnn.FiniteDifferenceGradients(model.Shape, parameters, x, y, initial);

        double scale = numeric.Max(Math.Abs);
        for (int i = 0; i < numeric.Length; i++)
        {
            Assert.True(Math.Abs(analytic[i] - numeric[i]) <= 1e-6 * Math.Max(scale, 1e-3), $"[{i}] {analytic[i]} vs {numeric[i]}");
        }
    }
}
