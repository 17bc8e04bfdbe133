namespace RnnGen.Tests.Generated;

/// <summary>
/// Backward against central finite differences of the float64 reference, for every test model.
/// Tolerances: loss 1e-5, gradients 1e-4, relative to the largest reference value.
/// </summary>
public class BackwardTests
{
    private const double GradientTolerance = 1e-4;

    [Theory]
    [MemberData(nameof(ModelCatalog.Names), MemberType = typeof(ModelCatalog))]
    public void Gradients_match_central_finite_differences(string name)
    {
        IRnnModel model = ModelCatalog.Create(name);
        var random = new Random(21);
        ModelCatalog.Fill(model.Parameters, random, 0.6);
        ModelCatalog.Fill(model.State, random, 0.5);
        var input = new float[model.InputLength];
        var target = new float[model.OutputLength];
        ModelCatalog.Fill(input, random, 1.0);
        ModelCatalog.Fill(target, random, 1.0);

        double[] parameters = ModelCatalog.ToDouble(model.Parameters);
        double[] initial = model.Shape.Stateful ? ModelCatalog.ToDouble(model.State) : new double[model.Shape.HiddenUnits];
        double[] x = ModelCatalog.ToDouble(input), y = ModelCatalog.ToDouble(target);
        double expectedLoss = ReferenceRnn.Loss(model.Shape, parameters, x, y, initial);
        double[] expectedGradients = ReferenceRnn.FiniteDifferenceGradients(model.Shape, parameters, x, y, initial);

        model.ClearGradients();
        float loss = model.Backward(input, target);

        Assert.True(Math.Abs(loss - expectedLoss) <= 1e-5 * Math.Max(1, expectedLoss), $"loss {loss} vs {expectedLoss}");
        ModelCatalog.AssertClose(expectedGradients, model.Gradients, GradientTolerance, "gradient");
    }

    [Theory]
    [MemberData(nameof(ModelCatalog.Names), MemberType = typeof(ModelCatalog))]
    public void Backward_adds_into_Gradients_so_two_calls_give_twice_the_gradient(string name)
    {
        IRnnModel model = ModelCatalog.Create(name);
        var random = new Random(22);
        var input = new float[model.InputLength];
        var target = new float[model.OutputLength];
        ModelCatalog.Fill(input, random, 1.0);
        ModelCatalog.Fill(target, random, 1.0);

        model.ClearGradients();
        model.ResetStates();
        model.Backward(input, target);
        float[] once = model.Gradients.ToArray();
        model.ResetStates();
        model.Backward(input, target);

        for (int i = 0; i < once.Length; i++)
        {
            Assert.Equal(2 * once[i], model.Gradients[i], 1e-6f * Math.Max(1f, Math.Abs(once[i])));
        }

        model.ClearGradients();
        Assert.All(model.Gradients.ToArray(), g => Assert.Equal(0f, g));
    }

    [Fact]
    public void Backward_returns_the_mean_squared_error_of_Predict()
    {
        var model = new SmallSequenceStatefulRnn(seed: 4);
        var random = new Random(23);
        var input = new float[SmallSequenceStatefulRnn.InputLength];
        var target = new float[SmallSequenceStatefulRnn.OutputLength];
        ModelCatalog.Fill(input, random, 1.0);
        ModelCatalog.Fill(target, random, 1.0);
        var output = new float[SmallSequenceStatefulRnn.OutputLength];
        model.Predict(input, output);
        double mse = 0;
        for (int k = 0; k < output.Length; k++)
        {
            mse += (output[k] - target[k]) * (double)(output[k] - target[k]);
        }

        model.ResetStates();
        float loss = model.Backward(input, target);

        Assert.Equal(mse / output.Length, loss, 1e-6);
    }
}
