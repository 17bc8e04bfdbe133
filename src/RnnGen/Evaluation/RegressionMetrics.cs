namespace RnnGen.Evaluation;

/// <summary>Regression metrics over a set of predictions and their targets, in float64.</summary>
/// <param name="Count">Values compared.</param>
/// <param name="Mse">Mean squared error: <c>Σ(ŷ - y)² / n</c> (Keras' <c>mse</c> loss over a data set).</param>
/// <param name="Mae">Mean absolute error: <c>Σ|ŷ - y| / n</c>.</param>
/// <param name="R2">Coefficient of determination: <c>1 - Σ(ŷ - y)² / Σ(y - ȳ)²</c> (scikit-learn <c>r2_score</c>; 1 for
/// a perfect fit of constant targets, 0 for an imperfect one).</param>
public readonly record struct RegressionMetrics(int Count, double Mse, double Mae, double R2)
{
    /// <summary>Root mean squared error: <c>√MSE</c> (the tutorial's figure).</summary>
    public double Rmse => Math.Sqrt(Mse);
}
