namespace RnnGen.Tests.Kernels;

/// <summary>The inputs the activations are checked on.</summary>
internal static class ActivationInputs
{
    /// <summary>The smallest normal float, 2^-126.</summary>
    public const float MinNormal = 1.17549435e-38f;

    /// <summary>2M evenly spaced points over [-20, 20], then 200k random finite floats of every magnitude.</summary>
    public static float[] DenseGridAndRandom()
    {
        const int gridPoints = 2_000_000;
        const int randomPoints = 200_000;
        var xs = new float[gridPoints + randomPoints];
        for (int i = 0; i < gridPoints; i++)
        {
            xs[i] = (float)(-20.0 + 40.0 * i / (gridPoints - 1));
        }

        var random = new Random(20240611);
        for (int i = gridPoints; i < xs.Length;)
        {
            float x = BitConverter.Int32BitsToSingle(random.Next() | (random.Next(2) << 31));
            if (float.IsFinite(x))
            {
                xs[i++] = x;
            }
        }

        return xs;
    }

    /// <summary>Zeros, subnormals, the edges of the normal range, the saturation points, huge values, infinities.</summary>
    public static readonly float[] Extremes =
    [
        0f, -0f, float.Epsilon, -float.Epsilon, 1e-40f, -1e-40f, MinNormal, -MinNormal,
        BitConverter.Int32BitsToSingle(0x007FFFFF), -BitConverter.Int32BitsToSingle(0x007FFFFF),
        1e-30f, -1e-30f, 1e-7f, -1e-7f, 8.999f, -8.999f, 9f, -9f, 9.001f, -9.001f, 17.99f, -17.99f, 18f, -18f, 18.01f, -18.01f,
        88.8f, -88.8f, 104f, -104f, 1e10f, -1e10f, 1e20f, -1e20f, float.MaxValue, float.MinValue,
        float.PositiveInfinity, float.NegativeInfinity,
    ];
}
