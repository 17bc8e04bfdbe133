using static System.FormattableString;

namespace RnnGen.Data;

/// <summary>
/// The shared machinery of scalers that map each column by <c>x' = x · scale + offset</c>, computed in
/// float64 and rounded to float once.
/// </summary>
public abstract class AffineScaler : IScaler
{
    private double[] _scale = [];
    private double[] _offset = [];

    /// <inheritdoc/>
    public int Features => _scale.Length;

    /// <summary>Per-column multiplier of the transformation, <c>[Features]</c> (scikit-learn <c>scale_</c> for min-max).</summary>
    public ReadOnlySpan<double> Scale => _scale;

    /// <summary>Per-column term added after scaling, <c>[Features]</c> (scikit-learn <c>min_</c> for min-max).</summary>
    public ReadOnlySpan<double> Offset => _offset;

    /// <inheritdoc/>
    public void Fit(ReadOnlySpan<float> data, int features = 1)
    {
        Guard.AtLeast(features, 1);
        if (data.IsEmpty || data.Length % features != 0)
        {
            throw new ArgumentException(Invariant($"Expected at least one whole row of {features} values, but the data has {data.Length}."), nameof(data));
        }

        FiniteCheck.Require(data, features, "the data", nameof(data));
        var scale = new double[features];
        var offset = new double[features];
        for (int column = 0; column < features; column++)
        {
            (scale[column], offset[column]) = FitColumn(data, features, column);
        }

        _scale = scale;
        _offset = offset;
    }

    /// <summary><see cref="Fit"/>, then <see cref="Transform"/> into a new array.</summary>
    public float[] FitTransform(ReadOnlySpan<float> data, int features = 1)
    {
        Fit(data, features);
        var result = new float[data.Length];
        Transform(data, result);
        return result;
    }

    /// <inheritdoc/>
    public void Transform(ReadOnlySpan<float> data, Span<float> destination)
    {
        RequireRows(data, destination);
        for (int i = 0; i < data.Length; i++)
        {
            int column = i % _scale.Length;
            destination[i] = (float)(data[i] * _scale[column] + _offset[column]);
        }
    }

    /// <inheritdoc/>
    public void InverseTransform(ReadOnlySpan<float> data, Span<float> destination)
    {
        RequireRows(data, destination);
        for (int i = 0; i < data.Length; i++)
        {
            int column = i % _scale.Length;
            destination[i] = (float)((data[i] - _offset[column]) / _scale[column]);
        }
    }

    /// <inheritdoc/>
    public float InverseTransform(float value, int column)
    {
        RequireFitted();
        Guard.InRange(column, 0, _scale.Length);
        return (float)((value - _offset[column]) / _scale[column]);
    }

    /// <summary>The column's <c>(scale, offset)</c>; never a zero scale.</summary>
    /// <param name="data">Row-major <c>[rows, features]</c>, finite, at least one row.</param>
    /// <param name="features">Values per row.</param>
    /// <param name="column">The column to fit: values <c>data[r * features + column]</c>.</param>
    protected abstract (double Scale, double Offset) FitColumn(ReadOnlySpan<float> data, int features, int column);

    private void RequireFitted()
    {
        if (_scale.Length == 0)
        {
            throw new InvalidOperationException(Invariant($"This {GetType().Name} is not fitted yet: call Fit first."));
        }
    }

    private void RequireRows(ReadOnlySpan<float> data, Span<float> destination)
    {
        RequireFitted();
        if (data.Length % _scale.Length != 0)
        {
            throw new ArgumentException(Invariant($"Expected whole rows of {_scale.Length} values (the fitted features), but the data has {data.Length}."), nameof(data));
        }

        if (destination.Length != data.Length)
        {
            throw new ArgumentException(Invariant($"Expected a destination of {data.Length} floats, but it has {destination.Length}."), nameof(destination));
        }
    }
}
