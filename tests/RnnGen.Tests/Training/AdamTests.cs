using RnnGen.Training;

namespace RnnGen.Tests.Training;

public class AdamTests
{
    // Gradients of three steps on parameters p0 = [1.0, -0.5, 0.25]. The third parameter's gradient is 0, 0, then
    // 1e-6: with √v ≈ 3.2e-8 the epsilon of 1e-7 dominates the step, so Keras' placement of epsilon is pinned.
    private static readonly float[][] StepGradients = [[0.2f, -0.1f, 0f], [0.1f, 0.3f, 0f], [-0.4f, 0f, 1e-6f]];

    [Fact]
    public void First_three_steps_match_hand_worked_keras_update()
    {
        // Step 1 by hand, lr = 0.1, parameter 0 (g = 0.2):
        //   m = 0.1 * 0.2 = 0.02;  v = 0.001 * 0.04 = 4e-5;  lr_t = 0.1 * sqrt(1 - 0.999) / (1 - 0.9) = 0.0316227766
        //   p = 1 - 0.0316227766 * 0.02 / (sqrt(4e-5) + 1e-7) = 1 - 0.0316227766 * 3.1622276 = 0.9000015811
        // Steps 2 and 3 continue the same recurrences (float64 values, computed with Keras' formula).
        double[][] expected =
        [
            [0.9000015811, -0.4000031622, 0.2500000000],
            [0.8067849360, -0.4494216513, 0.2500000000],
            [0.8274204963, -0.4876222864, 0.2346523069],
        ];
        var adam = new Adam(learningRate: 0.1f);
        float[] parameters = [1f, -0.5f, 0.25f];

        for (int step = 0; step < 3; step++)
        {
            adam.Step(parameters, StepGradients[step]);
            for (int i = 0; i < parameters.Length; i++)
            {
                Assert.Equal(expected[step][i], parameters[i], 1e-6);
            }
        }

        Assert.Equal(3, adam.Iterations);
    }

    [Fact]
    public void Default_hyper_parameters_are_keras_defaults_and_match_reference()
    {
        var adam = new Adam();
        Assert.Equal((0.001f, 0.9f, 0.999f, 1e-7f), (adam.LearningRate, adam.Beta1, adam.Beta2, adam.Epsilon));

        double[] expected = [0.9982742050, -0.4998762229, 0.2498465231];
        float[] parameters = [1f, -0.5f, 0.25f];
        foreach (float[] gradients in StepGradients)
        {
            adam.Step(parameters, gradients);
        }

        for (int i = 0; i < parameters.Length; i++)
        {
            Assert.Equal(expected[i], parameters[i], 1e-7);
        }
    }

    [Fact]
    public void Many_steps_stay_within_1e_minus_5_of_float64_keras_reference()
    {
        var random = new Random(3);
        var adam = new Adam(learningRate: 0.01f, beta1: 0.8f, beta2: 0.99f, epsilon: 1e-6f);
        var parameters = new float[17];
        var reference = new double[17];
        var m = new double[17];
        var v = new double[17];
        for (int i = 0; i < parameters.Length; i++)
        {
            parameters[i] = (float)(random.NextDouble() - 0.5);
            reference[i] = parameters[i];
        }

        var gradients = new float[17];
        for (int t = 1; t <= 200; t++)
        {
            for (int i = 0; i < gradients.Length; i++)
            {
                gradients[i] = (float)(random.NextDouble() - 0.5) * 0.1f;
            }

            adam.Step(parameters, gradients);
            double lrT = 0.01 * Math.Sqrt(1 - Math.Pow(0.99, t)) / (1 - Math.Pow(0.8, t));
            for (int i = 0; i < gradients.Length; i++)
            {
                m[i] += (gradients[i] - m[i]) * (1 - 0.8);
                v[i] += ((double)gradients[i] * gradients[i] - v[i]) * (1 - 0.99);
                reference[i] -= lrT * m[i] / (Math.Sqrt(v[i]) + 1e-6);
            }
        }

        for (int i = 0; i < parameters.Length; i++)
        {
            Assert.Equal(reference[i], parameters[i], 1e-5);
        }
    }

    [Fact]
    public void Reset_restarts_bias_correction_from_step_one()
    {
        var adam = new Adam(learningRate: 0.1f);
        float[] first = [1f, -0.5f, 0.25f];
        adam.Step(first, StepGradients[0]);
        adam.Step(first, StepGradients[1]);
        adam.Reset();
        float[] second = [1f, -0.5f, 0.25f];
        adam.Step(second, StepGradients[0]);

        Assert.Equal(1, adam.Iterations);
        Assert.Equal(0.9000015811, second[0], 1e-6);
    }

    [Fact]
    public void Gradients_are_not_modified()
    {
        float[] gradients = [0.3f, -4f];
        new Adam { ClipNorm = 1f }.Step(new float[2], gradients);
        Assert.Equal([0.3f, -4f], gradients);
    }

    [Theory]
    [InlineData(-0.1f, 0.9f, 0.999f, 1e-7f, "learningRate")]
    [InlineData(0.001f, 1f, 0.999f, 1e-7f, "beta1")]
    [InlineData(0.001f, 0.9f, -0.1f, 1e-7f, "beta2")]
    [InlineData(0.001f, 0.9f, 0.999f, 0f, "epsilon")]
    public void Out_of_range_hyper_parameter_is_refused_by_name(float lr, float beta1, float beta2, float epsilon, string name)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => new Adam(lr, beta1, beta2, epsilon));
        Assert.Contains(name, e.ParamName ?? e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Mismatched_lengths_are_refused()
    {
        var adam = new Adam();
        var e = Assert.Throws<ArgumentException>(() => adam.Step(new float[3], new float[2]));
        Assert.Contains("Expected 3 gradients", e.Message);

        adam.Step(new float[3], new float[3]);
        e = Assert.Throws<ArgumentException>(() => adam.Step(new float[4], new float[4]));
        Assert.Contains("holds state for 3 parameters", e.Message);

        e = Assert.Throws<ArgumentException>(() => adam.Step(new float[3], new float[3], [1, 1]));
        Assert.Contains("adding up to 3", e.Message);
    }
}
