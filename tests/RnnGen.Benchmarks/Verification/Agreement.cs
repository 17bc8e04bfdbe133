namespace RnnGen.Benchmarks.Verification;

/// <summary>
/// Compares two results norm-wise: <c>max |a_i - b_i| / max |b_i| ≤ 1e-4</c>. Element-wise relative
/// error is meaningless for gradients near zero; the largest element sets the scale.
/// </summary>
internal static class Agreement
{
    public const double RelativeTolerance = 1e-4;

    public static double RelativeError(ReadOnlySpan<float> actual, ReadOnlySpan<float> expected)
    {
        if (actual.Length != expected.Length)
        {
            return double.PositiveInfinity;
        }

        double largestDifference = 0;
        double scale = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            largestDifference = Math.Max(largestDifference, Math.Abs((double)actual[i] - expected[i]));
            scale = Math.Max(scale, Math.Abs((double)expected[i]));
        }

        // NaN anywhere must fail, and Math.Max propagates it.
        return scale > 0 ? largestDifference / scale : largestDifference;
    }
}
