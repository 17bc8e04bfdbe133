namespace RnnGen.Tests.Reference;

/// <summary>Gradients by central finite differences in float64, to check analytic gradients.</summary>
internal static class CentralDifferences
{
    /// <summary>Relative step: <c>h = 1e-6 · max(1, |p|)</c>. Truncation error O(h²), rounding error O(1e-16 / h).</summary>
    public const double RelativeStep = 1e-6;

    /// <summary>
    /// <c>df/dp_i ≈ (f(p + h e_i) - f(p - h e_i)) / (2h)</c> for every i, the divisor being the
    /// actual distance between the two points after rounding. <paramref name="point"/> is left unchanged.
    /// </summary>
    public static double[] Gradient(Func<double[], double> f, double[] point)
    {
        double[] p = [.. point];
        var gradient = new double[p.Length];
        for (int i = 0; i < p.Length; i++)
        {
            double h = RelativeStep * Math.Max(1, Math.Abs(point[i]));
            double up = point[i] + h, down = point[i] - h;
            p[i] = up;
            double fUp = f(p);
            p[i] = down;
            double fDown = f(p);
            p[i] = point[i];
            gradient[i] = (fUp - fDown) / (up - down);
        }

        return gradient;
    }
}
