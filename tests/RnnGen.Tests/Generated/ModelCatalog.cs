namespace RnnGen.Tests.Generated;

/// <summary>Every test model by name, so one theory covers every strategy, activation and flag.</summary>
public static class ModelCatalog
{
    public static TheoryData<string> Names => new()
    {
        nameof(DemoRnn), nameof(DemoSequenceRnn), nameof(DemoStatefulRnn), nameof(SunspotRnn),
        nameof(ReluSigmoidRnn), nameof(SmallSequenceStatefulRnn), nameof(VectorizedRnn),
        nameof(VectorizedSequenceStatefulRnn), nameof(VectorizedReluRnn), nameof(VectorizedLinearStatefulRnn),
        nameof(UnrolledSequenceStatefulRnn), nameof(UnrolledSequenceRnn),
    };

    public static IRnnModel Create(string name, int seed = 1) => name switch
    {
        nameof(DemoRnn) => new DemoRnn(seed),
        nameof(DemoSequenceRnn) => new DemoSequenceRnn(seed),
        nameof(DemoStatefulRnn) => new DemoStatefulRnn(seed),
        nameof(SunspotRnn) => new SunspotRnn(seed),
        nameof(ReluSigmoidRnn) => new ReluSigmoidRnn(seed),
        nameof(SmallSequenceStatefulRnn) => new SmallSequenceStatefulRnn(seed),
        nameof(VectorizedRnn) => new VectorizedRnn(seed),
        nameof(VectorizedSequenceStatefulRnn) => new VectorizedSequenceStatefulRnn(seed),
        nameof(VectorizedReluRnn) => new VectorizedReluRnn(seed),
        nameof(VectorizedLinearStatefulRnn) => new VectorizedLinearStatefulRnn(seed),
        nameof(UnrolledSequenceStatefulRnn) => new UnrolledSequenceStatefulRnn(seed),
        nameof(UnrolledSequenceRnn) => new UnrolledSequenceRnn(seed),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a test model"),
    };

    /// <summary>Fills a span with uniform values in [-scale, scale).</summary>
    public static void Fill(Span<float> values, Random random, double scale)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)((random.NextDouble() * 2 - 1) * scale);
        }
    }

    public static double[] ToDouble(ReadOnlySpan<float> values)
    {
        var result = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            result[i] = values[i];
        }

        return result;
    }

    /// <summary>Asserts |actual - expected| ≤ tolerance · max|expected| element-wise (max taken as at least 1e-3).</summary>
    public static void AssertClose(ReadOnlySpan<double> expected, ReadOnlySpan<float> actual, double tolerance, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        double scale = 1e-3;
        foreach (double value in expected)
        {
            scale = Math.Max(scale, Math.Abs(value));
        }

        for (int i = 0; i < expected.Length; i++)
        {
            double error = Math.Abs(actual[i] - expected[i]);
            Assert.True(
                error <= tolerance * scale,
                $"{what}[{i}]: expected {expected[i]:R}, got {actual[i]:R} (error {error:E2} > {tolerance:E0} × {scale:G4})");
        }
    }
}
