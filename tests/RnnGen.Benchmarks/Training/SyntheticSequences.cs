namespace RnnGen.Benchmarks.Training;

/// <summary>
/// Deterministic sunspot-like data in [0, 1] (an 11-year cycle of monthly values with noise), cut
/// into samples of one shape: the benchmarks need realistic magnitudes, not the real series, and
/// must not depend on a data file.
/// </summary>
internal sealed class SyntheticSequences
{
    private const double CycleMonths = 132.0;

    public SyntheticSequences(int samples, int inputLength, int outputLength, int seed = 42)
    {
        Samples = samples;
        InputLength = inputLength;
        OutputLength = outputLength;
        Inputs = new float[samples * inputLength];
        Targets = new float[samples * outputLength];
        var random = new Random(seed);
        Fill(Inputs, random);
        Fill(Targets, random);
    }

    public int Samples { get; }

    public int InputLength { get; }

    public int OutputLength { get; }

    /// <summary>Sample s is <c>Inputs[s * InputLength ..]</c>.</summary>
    public float[] Inputs { get; }

    /// <summary>Sample s is <c>Targets[s * OutputLength ..]</c>.</summary>
    public float[] Targets { get; }

    /// <summary>
    /// One series of <paramref name="length"/> values of the same kind, to cut into windows the way the
    /// tutorial does (<c>Windowing.GetXY(series, 12)</c>: 2,256 values give its 187 samples).
    /// </summary>
    public static float[] Series(int length, int seed = 42)
    {
        var series = new float[length];
        Fill(series, new Random(seed));
        return series;
    }

    public ReadOnlySpan<float> Input(int sample) => Inputs.AsSpan(sample * InputLength, InputLength);

    public ReadOnlySpan<float> Target(int sample) => Targets.AsSpan(sample * OutputLength, OutputLength);

    private static void Fill(Span<float> values, Random random)
    {
        for (int i = 0; i < values.Length; i++)
        {
            double cycle = 0.5 - 0.5 * Math.Cos(2.0 * Math.PI * i / CycleMonths);
            values[i] = (float)Math.Clamp(0.8 * cycle + 0.2 * random.NextDouble(), 0.0, 1.0);
        }
    }
}
