using RnnGen.Evaluation;

namespace RnnGen.Tests.Evaluation;

public class MetricsTests
{
    // predicted [1, 2, 4], actual [1, 3, 2]: errors [0, -1, 2]
    //   MSE = (0 + 1 + 4) / 3 = 5/3;  RMSE = sqrt(5/3);  MAE = 3/3 = 1
    //   mean(actual) = 2, SS_tot = 1 + 1 + 0 = 2, R² = 1 - 5 / 2 = -1.5
    private static readonly float[] Predicted = [1f, 2f, 4f];
    private static readonly float[] Actual = [1f, 3f, 2f];

    [Fact]
    public void Mse_rmse_mae_and_r2_match_hand_computation()
    {
        Assert.Equal(5.0 / 3, Metrics.MeanSquaredError(Predicted, Actual), 1e-12);
        Assert.Equal(Math.Sqrt(5.0 / 3), Metrics.RootMeanSquaredError(Predicted, Actual), 1e-12);
        Assert.Equal(1.0, Metrics.MeanAbsoluteError(Predicted, Actual), 1e-12);
        Assert.Equal(-1.5, Metrics.R2Score(Predicted, Actual), 1e-12);
    }

    [Fact]
    public void Compute_gives_all_metrics_at_once()
    {
        RegressionMetrics metrics = Metrics.Compute(Predicted, Actual);
        Assert.Equal(3, metrics.Count);
        Assert.Equal(Math.Sqrt(metrics.Mse), metrics.Rmse, 1e-15);
    }

    [Fact]
    public void Perfect_prediction_has_r2_one_even_for_constant_targets()
    {
        Assert.Equal(1.0, Metrics.R2Score([2f, 2f], [2f, 2f]));
        Assert.Equal(0.0, Metrics.R2Score([1f, 3f], [2f, 2f]));
    }

    [Fact]
    public void Spans_of_different_lengths_are_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => Metrics.MeanSquaredError([1f, 2f], [1f]));
        Assert.Contains("as many targets as predictions (2), but there are 1", e.Message);
    }

    [Fact]
    public void Empty_spans_are_refused() =>
        Assert.Throws<ArgumentException>(() => Metrics.RootMeanSquaredError([], []));
}
