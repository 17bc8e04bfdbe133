namespace RnnGen.Data;

/// <summary>
/// scikit-learn's <c>StandardScaler()</c>: per column <c>x' = (x - mean) / std</c> with the population standard
/// deviation (ddof = 0). A constant column has std 0, which is taken as 1: it maps to 0, no division by zero.
/// </summary>
public sealed class StandardScaler : AffineScaler
{
    private double[] _mean = [];
    private double[] _standardDeviation = [];

    /// <summary>Per-column mean seen by <see cref="AffineScaler.Fit"/> (scikit-learn <c>mean_</c>).</summary>
    public ReadOnlySpan<double> Mean => _mean;

    /// <summary>Per-column population standard deviation seen by <see cref="AffineScaler.Fit"/> (scikit-learn <c>scale_</c>, before zeros become 1).</summary>
    public ReadOnlySpan<double> StandardDeviation => _standardDeviation;

    /// <inheritdoc/>
    protected override (double Scale, double Offset) FitColumn(ReadOnlySpan<float> data, int features, int column)
    {
        if (column == 0)
        {
            _mean = new double[features];
            _standardDeviation = new double[features];
        }

        int rows = data.Length / features;
        double sum = 0;
        for (int i = column; i < data.Length; i += features)
        {
            sum += data[i];
        }

        double mean = sum / rows;
        double squares = 0;
        for (int i = column; i < data.Length; i += features)
        {
            double d = data[i] - mean;
            squares += d * d;
        }

        double std = Math.Sqrt(squares / rows);
        _mean[column] = mean;
        _standardDeviation[column] = std;
        // x' = (x - mean) / std = x * (1 / std) - mean / std   (std 0 -> 1)
        double divisor = std == 0.0 ? 1.0 : std;
        return (1.0 / divisor, -mean / divisor);
    }
}
