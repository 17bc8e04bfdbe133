using static System.FormattableString;

namespace RnnGen.Data;

/// <summary>
/// scikit-learn's <c>MinMaxScaler(feature_range=(min, max))</c>: per column
/// <c>x' = (x - data_min) / (data_max - data_min) · (max - min) + min</c>. A constant column has range 0,
/// which is taken as 1 (scikit-learn's <c>_handle_zeros_in_scale</c>): it maps to <c>min</c>, no division by zero.
/// </summary>
public sealed class MinMaxScaler : AffineScaler
{
    private double[] _dataMin = [];
    private double[] _dataMax = [];

    /// <summary>Creates a scaler onto <c>[min, max]</c> (Keras tutorial: <c>(0, 1)</c>).</summary>
    /// <exception cref="ArgumentException"><paramref name="min"/> is not below <paramref name="max"/>, or either is not finite.</exception>
    public MinMaxScaler(float min = 0f, float max = 1f)
    {
        if (!float.IsFinite(min) || !float.IsFinite(max) || !(min < max))
        {
            throw new ArgumentException(Invariant($"Expected a feature range with min < max, both finite, but it is ({min}, {max})."), nameof(min));
        }

        RangeMin = min;
        RangeMax = max;
    }

    /// <summary>Lower end of the target range (scikit-learn <c>feature_range[0]</c>).</summary>
    public float RangeMin { get; }

    /// <summary>Upper end of the target range (scikit-learn <c>feature_range[1]</c>).</summary>
    public float RangeMax { get; }

    /// <summary>Per-column minimum seen by <see cref="AffineScaler.Fit"/> (scikit-learn <c>data_min_</c>).</summary>
    public ReadOnlySpan<double> DataMin => _dataMin;

    /// <summary>Per-column maximum seen by <see cref="AffineScaler.Fit"/> (scikit-learn <c>data_max_</c>).</summary>
    public ReadOnlySpan<double> DataMax => _dataMax;

    /// <inheritdoc/>
    protected override (double Scale, double Offset) FitColumn(ReadOnlySpan<float> data, int features, int column)
    {
        if (column == 0)
        {
            _dataMin = new double[features];
            _dataMax = new double[features];
        }

        double min = double.PositiveInfinity;
        double max = double.NegativeInfinity;
        for (int i = column; i < data.Length; i += features)
        {
            min = Math.Min(min, data[i]);
            max = Math.Max(max, data[i]);
        }

        _dataMin[column] = min;
        _dataMax[column] = max;
        double range = max - min;
        // scale_ = (max' - min') / range (range 0 -> 1);  min_ = min' - data_min * scale_
        double scale = ((double)RangeMax - RangeMin) / (range == 0.0 ? 1.0 : range);
        return (scale, RangeMin - min * scale);
    }
}
