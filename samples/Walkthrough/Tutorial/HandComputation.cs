namespace Walkthrough.Tutorial;

/// <summary>
/// The tutorial's hand computation of the linear demo network, in float64 with numpy's <c>dot</c>
/// spelled out: <c>h_t = x_t·wx + h_{t-1}·wh + bh</c>, <c>o_t = h_t·wy + by</c>. One feature in, one unit out.
/// </summary>
internal sealed class HandComputation(TutorialWeights weights)
{
    private int HiddenUnits => weights.Bh.Values.Length;

    /// <summary>A zero hidden state, <c>h0</c>.</summary>
    public double[] ZeroState() => new double[HiddenUnits];

    /// <summary><c>h_t = x_t·wx + h_{t-1}·wh + bh</c> (linear activation).</summary>
    private double[] NextHidden(double x, ReadOnlySpan<double> previous)
    {
        var h = new double[HiddenUnits];
        for (int j = 0; j < h.Length; j++)
        {
            double sum = x * weights.Wx[0, j] + weights.Bh.Values[j];
            for (int i = 0; i < previous.Length; i++)
            {
                sum += previous[i] * weights.Wh[i, j];
            }

            h[j] = sum;
        }

        return h;
    }

    /// <summary><c>o_t = h_t·wy + by</c> (linear activation, one Dense unit).</summary>
    private double Output(ReadOnlySpan<double> h)
    {
        double o = weights.By.Values[0];
        for (int i = 0; i < h.Length; i++)
        {
            o += h[i] * weights.Wy[i, 0];
        }

        return o;
    }

    /// <summary>Runs a whole sequence from <paramref name="h0"/>: every hidden state and output, indexed from 1 (index 0 is h0).</summary>
    public (double[][] H, double[] O) Run(ReadOnlySpan<double> x, double[] h0)
    {
        var h = new double[x.Length + 1][];
        var o = new double[x.Length + 1];
        h[0] = h0;
        for (int t = 1; t <= x.Length; t++)
        {
            h[t] = NextHidden(x[t - 1], h[t - 1]);
            o[t] = Output(h[t]);
        }

        return (h, o);
    }
}
