namespace RnnGen.Evaluation;

/// <summary>
/// Accumulates prediction/target pairs in float64 without storing them, then yields
/// <see cref="RegressionMetrics"/>. A mutable struct: keep it in a local and pass it by <c>ref</c>.
/// </summary>
public struct MetricsAccumulator
{
    private int _count;
    private double _squaredError;
    private double _absoluteError;
    private double _targetSum;
    private double _targetSquareSum;

    /// <summary>Adds one pair.</summary>
    public void Add(float predicted, float actual)
    {
        double error = (double)predicted - actual;
        _count++;
        _squaredError += error * error;
        _absoluteError += Math.Abs(error);
        _targetSum += actual;
        _targetSquareSum += (double)actual * actual;
    }

    /// <summary>Adds element-wise pairs of two spans of the same length.</summary>
    /// <exception cref="ArgumentException">The spans' lengths differ.</exception>
    public void Add(ReadOnlySpan<float> predicted, ReadOnlySpan<float> actual)
    {
        Metrics.RequireSameLength(predicted, actual);
        for (int i = 0; i < predicted.Length; i++)
        {
            Add(predicted[i], actual[i]);
        }
    }

    /// <summary>The metrics of everything added.</summary>
    /// <exception cref="InvalidOperationException">Nothing was added.</exception>
    public readonly RegressionMetrics Result()
    {
        if (_count == 0)
        {
            throw new InvalidOperationException("No values were added: metrics need at least one prediction.");
        }

        double mean = _targetSum / _count;
        // Σ(y - ȳ)² = Σy² - n·ȳ²
        double totalSquares = Math.Max(0.0, _targetSquareSum - _count * mean * mean);
        double r2 = totalSquares > 0.0 ? 1.0 - _squaredError / totalSquares : (_squaredError == 0.0 ? 1.0 : 0.0);
        return new RegressionMetrics(_count, _squaredError / _count, _absoluteError / _count, r2);
    }
}
