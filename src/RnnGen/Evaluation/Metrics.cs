namespace RnnGen.Evaluation;

/// <summary>Regression metrics over spans of predictions and targets of equal length, computed in float64.</summary>
public static class Metrics
{
    /// <summary>Mean squared error <c>Σ(ŷ - y)² / n</c>.</summary>
    /// <exception cref="ArgumentException">The spans are empty or of different lengths.</exception>
    public static double MeanSquaredError(ReadOnlySpan<float> predicted, ReadOnlySpan<float> actual) => Compute(predicted, actual).Mse;

    /// <summary>Root mean squared error <c>√(Σ(ŷ - y)² / n)</c>.</summary>
    /// <exception cref="ArgumentException">The spans are empty or of different lengths.</exception>
    public static double RootMeanSquaredError(ReadOnlySpan<float> predicted, ReadOnlySpan<float> actual) => Compute(predicted, actual).Rmse;

    /// <summary>Mean absolute error <c>Σ|ŷ - y| / n</c>.</summary>
    /// <exception cref="ArgumentException">The spans are empty or of different lengths.</exception>
    public static double MeanAbsoluteError(ReadOnlySpan<float> predicted, ReadOnlySpan<float> actual) => Compute(predicted, actual).Mae;

    /// <summary>Coefficient of determination <c>1 - Σ(ŷ - y)² / Σ(y - ȳ)²</c>, as scikit-learn's <c>r2_score</c>.</summary>
    /// <exception cref="ArgumentException">The spans are empty or of different lengths.</exception>
    public static double R2Score(ReadOnlySpan<float> predicted, ReadOnlySpan<float> actual) => Compute(predicted, actual).R2;

    /// <summary>All metrics in one pass.</summary>
    /// <exception cref="ArgumentException">The spans are empty or of different lengths.</exception>
    public static RegressionMetrics Compute(ReadOnlySpan<float> predicted, ReadOnlySpan<float> actual)
    {
        RequireSameLength(predicted, actual);
        if (predicted.IsEmpty)
        {
            throw new ArgumentException("Expected at least one prediction, but the spans are empty.", nameof(predicted));
        }

        var accumulator = new MetricsAccumulator();
        accumulator.Add(predicted, actual);
        return accumulator.Result();
    }

    internal static void RequireSameLength(ReadOnlySpan<float> predicted, ReadOnlySpan<float> actual)
    {
        if (predicted.Length != actual.Length)
        {
            throw new ArgumentException(
                $"Expected as many targets as predictions ({predicted.Length}), but there are {actual.Length}.", nameof(actual));
        }
    }
}
