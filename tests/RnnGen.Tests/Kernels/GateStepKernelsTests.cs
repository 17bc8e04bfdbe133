using RnnGen.Kernels;

namespace RnnGen.Tests.Kernels;

/// <summary>
/// The one-call gated steps give the bits of the calls a generated Step made before (the bias copied,
/// the two products, the one-call cell), and leave every buffer as those calls do, for unit counts
/// that fill one or two registers of each width and for counts around them (which take those calls
/// inside the kernel), with 0, 1 and 3 input features. CI runs this again with AVX-512, AVX2 and AVX
/// off, so each register width's path is covered. A float64 step from the equations checks the numbers.
/// </summary>
public class GateStepKernelsTests
{
    public static TheoryData<int, int> Shapes
    {
        get
        {
            var shapes = new TheoryData<int, int>();
            foreach (int units in new[] { 1, 2, 3, 4, 5, 7, 8, 9, 12, 15, 16, 17, 24, 31, 32, 33, 64 })
            {
                foreach (int features in new[] { 0, 1, 3 })
                {
                    shapes.Add(units, features);
                }
            }

            return shapes;
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void LstmStep_equals_the_separate_calls_bit_for_bit(int units, int features)
    {
        var random = new Random(units * 10 + features);
        Lstm weights = Lstm.Random(random, units, features);
        float[] x = Values(random, features, 1f);
        float[] h = Values(random, units, 1f);
        float[] c = Values(random, units, 2f);

        float[] expectedH = h.ToArray(), expectedC = c.ToArray(), expectedGates = new float[4 * units], expectedActivation = new float[units];
        weights.Bias.CopyTo(expectedGates, 0);
        MatrixKernels.AddVectorTimesMatrix(x, weights.Kernel, expectedGates);
        MatrixKernels.AddVectorTimesMatrix(expectedH, weights.RecurrentKernel, expectedGates);
        GateKernels.LstmSigmoidTanh(expectedGates, expectedC, expectedC, expectedActivation, expectedH);

        float[] gates = Values(random, 4 * units, 1f), activation = Values(random, units, 1f);
        GateKernels.LstmStepSigmoidTanh(x, weights.Kernel, weights.RecurrentKernel, weights.Bias, h, c, gates, activation);

        Assert.Equal(expectedH, h);
        Assert.Equal(expectedC, c);
        Assert.Equal(expectedGates, gates);
        Assert.Equal(expectedActivation, activation);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void GruStep_equals_the_separate_calls_bit_for_bit(int units, int features)
    {
        var random = new Random(1000 + units * 10 + features);
        Gru weights = Gru.Random(random, units, features);
        float[] x = Values(random, features, 1f);
        float[] h = Values(random, units, 1f);

        float[] expectedH = h.ToArray(), expectedGates = new float[3 * units], expectedProjection = new float[3 * units];
        weights.Bias.AsSpan(0, 3 * units).CopyTo(expectedGates);
        MatrixKernels.AddVectorTimesMatrix(x, weights.Kernel, expectedGates);
        weights.Bias.AsSpan(3 * units).CopyTo(expectedProjection);
        MatrixKernels.AddVectorTimesMatrix(expectedH, weights.RecurrentKernel, expectedProjection);
        GateKernels.GruSigmoidTanh(expectedGates, expectedProjection, expectedH, expectedH);

        float[] gates = Values(random, 3 * units, 1f), projection = Values(random, 3 * units, 1f);
        GateKernels.GruStepSigmoidTanh(x, weights.Kernel, weights.RecurrentKernel, weights.Bias, h, gates, projection);

        Assert.Equal(expectedH, h);
        Assert.Equal(expectedGates, gates);
        Assert.Equal(expectedProjection, projection);
    }

    [Theory]
    [InlineData(8, 1)]
    [InlineData(16, 3)]
    [InlineData(32, 2)]
    [InlineData(12, 2)]
    public void Twenty_steps_agree_with_a_float64_step_from_the_equations(int units, int features)
    {
        var random = new Random(units + 7 * features);
        Lstm lstm = Lstm.Random(random, units, features);
        Gru gru = Gru.Random(random, units, features);
        float[] lstmH = new float[units], lstmC = new float[units], gruH = new float[units];
        double[] lstmHd = new double[units], lstmCd = new double[units], gruHd = new double[units];
        float[] gates = new float[4 * units], activation = new float[units], projection = new float[3 * units];
        for (int t = 0; t < 20; t++)
        {
            float[] x = Values(random, features, 1f);
            GateKernels.LstmStepSigmoidTanh(x, lstm.Kernel, lstm.RecurrentKernel, lstm.Bias, lstmH, lstmC, gates, activation);
            GateKernels.GruStepSigmoidTanh(x, gru.Kernel, gru.RecurrentKernel, gru.Bias, gruH, gates.AsSpan(0, 3 * units), projection);
            lstm.StepInDoubles(x, lstmHd, lstmCd);
            gru.StepInDoubles(x, gruHd);
        }

        // forward tolerance: 1e-5 relative to the largest reference value
        AssertClose(lstmHd, lstmH);
        AssertClose(lstmCd, lstmC);
        AssertClose(gruHd, gruH);
    }

    [Fact]
    public void A_wrong_length_is_refused_before_anything_is_written()
    {
        var random = new Random(3);
        Lstm lstm = Lstm.Random(random, 8, 1);
        float[] h = Values(random, 8, 1f), c = Values(random, 8, 1f), gates = new float[32], activation = new float[8];
        float[] hBefore = h.ToArray(), cBefore = c.ToArray();

        var error = Assert.Throws<ArgumentException>(() => GateKernels.LstmStepSigmoidTanh([0.5f], lstm.Kernel, lstm.RecurrentKernel.AsSpan(1), lstm.Bias, h, c, gates, activation));
        Assert.Equal("recurrentKernel", error.ParamName);
        Assert.Contains("[U, 4U]", error.Message);
        Assert.Throws<ArgumentException>(() => GateKernels.LstmStepSigmoidTanh([0.5f, 0.5f], lstm.Kernel, lstm.RecurrentKernel, lstm.Bias, h, c, gates, activation));
        Assert.Throws<ArgumentException>(() => GateKernels.LstmStepSigmoidTanh([0.5f], lstm.Kernel, lstm.RecurrentKernel, lstm.Bias, h, c, gates.AsSpan(1), activation));

        Gru gru = Gru.Random(random, 8, 1);
        var gruError = Assert.Throws<ArgumentException>(() => GateKernels.GruStepSigmoidTanh([0.5f], gru.Kernel, gru.RecurrentKernel, gru.Bias.AsSpan(0, 24), h, gates.AsSpan(0, 24), new float[24]));
        Assert.Equal("bias", gruError.ParamName);
        Assert.Contains("b_rec", gruError.Message);

        Assert.Equal(hBefore, h);
        Assert.Equal(cBefore, c);
        Assert.All(gates, g => Assert.Equal(0f, g));
    }

    private static void AssertClose(double[] expected, float[] actual)
    {
        double largest = expected.Max(Math.Abs);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-5 * largest, $"unit {i}: {actual[i]} against {expected[i]}");
        }
    }

    private static float[] Values(Random random, int count, float scale) =>
        Enumerable.Range(0, count).Select(_ => (float)((random.NextDouble() * 2 - 1) * scale)).ToArray();

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    /// <summary>Keras' LSTM weights, kernel [F, 4U], recurrent kernel [U, 4U], bias [4U], blocks i, f, c, o.</summary>
    private sealed record Lstm(int Units, float[] Kernel, float[] RecurrentKernel, float[] Bias)
    {
        public static Lstm Random(Random random, int units, int features) =>
            new(units, Values(random, features * 4 * units, 0.6f), Values(random, units * 4 * units, 0.6f), Values(random, 4 * units, 0.5f));

        public void StepInDoubles(float[] x, double[] h, double[] c)
        {
            int u = Units;
            double[] z = new double[4 * u];
            for (int j = 0; j < 4 * u; j++)
            {
                z[j] = Bias[j];
                for (int f = 0; f < x.Length; f++)
                {
                    z[j] += x[f] * (double)Kernel[f * 4 * u + j];
                }

                for (int r = 0; r < u; r++)
                {
                    z[j] += h[r] * RecurrentKernel[r * 4 * u + j];
                }
            }

            for (int k = 0; k < u; k++)
            {
                c[k] = Sigmoid(z[u + k]) * c[k] + Sigmoid(z[k]) * Math.Tanh(z[2 * u + k]);
                h[k] = Sigmoid(z[3 * u + k]) * Math.Tanh(c[k]);
            }
        }
    }

    /// <summary>Keras' reset_after GRU weights, kernel [F, 3U], recurrent kernel [U, 3U], bias [2, 3U] (b_in, b_rec), blocks z, r, h.</summary>
    private sealed record Gru(int Units, float[] Kernel, float[] RecurrentKernel, float[] Bias)
    {
        public static Gru Random(Random random, int units, int features) =>
            new(units, Values(random, features * 3 * units, 0.6f), Values(random, units * 3 * units, 0.6f), Values(random, 6 * units, 0.5f));

        public void StepInDoubles(float[] x, double[] h)
        {
            int u = Units;
            double[] xw = new double[3 * u], hu = new double[3 * u];
            for (int j = 0; j < 3 * u; j++)
            {
                xw[j] = Bias[j];
                hu[j] = Bias[3 * u + j];
                for (int f = 0; f < x.Length; f++)
                {
                    xw[j] += x[f] * (double)Kernel[f * 3 * u + j];
                }

                for (int r = 0; r < u; r++)
                {
                    hu[j] += h[r] * RecurrentKernel[r * 3 * u + j];
                }
            }

            for (int k = 0; k < u; k++)
            {
                double z = Sigmoid(xw[k] + hu[k]);
                double r = Sigmoid(xw[u + k] + hu[u + k]);
                double candidate = Math.Tanh(xw[2 * u + k] + r * hu[2 * u + k]);
                h[k] = z * h[k] + (1 - z) * candidate;
            }
        }
    }
}
