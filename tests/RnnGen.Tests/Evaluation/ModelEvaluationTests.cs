using RnnGen.Data;
using RnnGen.Evaluation;
using RnnGen.Tests.Training;

namespace RnnGen.Tests.Evaluation;

public class ModelEvaluationTests
{
    /// <summary>A T=2, F=1, H=1, D=1 linear model whose output is x_1 + x_2 (kernel 1, recurrent 1, dense 1, biases 0).</summary>
    private static RuntimeSizedRnn SumModel()
    {
        var model = new RuntimeSizedRnn(2, 1, 1, 1, Activation.Linear, Activation.Linear);
        model.Parameters.Clear();
        model.Kernel[0] = 1f;
        model.RecurrentKernel[0] = 1f;
        model.DenseKernel[0] = 1f;
        return model;
    }

    // Inputs [1, 2], [3, 4], [0, 0] -> predictions 3, 7, 0; targets 3, 5, 1 -> errors 0, 2, -1.
    private static readonly WindowedDataset Data = new([1f, 2, 3, 4, 0, 0], [3f, 5, 1], 2, 1);

    [Fact]
    public void Predict_fills_the_callers_buffer_for_the_whole_data_set()
    {
        var predictions = new float[3];
        SumModel().Predict(Data, predictions);
        Assert.Equal([3f, 7f, 0f], predictions);
    }

    [Fact]
    public void Evaluate_gives_keras_mse_loss_and_metrics()
    {
        RegressionMetrics metrics = SumModel().Evaluate(Data);
        Assert.Equal(5.0 / 3, metrics.Mse, 1e-6);
        Assert.Equal(1.0, metrics.Mae, 1e-6);
    }

    [Fact]
    public void Evaluate_in_original_units_goes_through_the_scaler_inverse()
    {
        // Scaler fitted on [0, 10] onto (0, 1): original = 10 * scaled, so errors and RMSE grow tenfold, MSE a hundredfold.
        var scaler = new MinMaxScaler();
        scaler.Fit([0f, 10f]);
        RegressionMetrics original = SumModel().Evaluate(Data, scaler);
        Assert.Equal(100 * 5.0 / 3, original.Mse, 1e-3);
        Assert.Equal(10 * Math.Sqrt(5.0 / 3), original.Rmse, 1e-4);
        Assert.Equal(10.0, original.Mae, 1e-4);
    }

    [Fact]
    public void Multi_column_scaler_needs_target_columns()
    {
        var scaler = new MinMaxScaler();
        scaler.Fit([0f, 0, 10, 20], features: 2);
        var e = Assert.Throws<ArgumentException>(() => SumModel().Evaluate(Data, scaler));
        Assert.Contains("fitted on 2 columns", e.Message);

        // Column 1 has range 20: errors [0, 2, -1] become [0, 40, -20].
        Assert.Equal(20.0, SumModel().Evaluate(Data, scaler, [1]).Mae, 1e-4);
    }

    [Fact]
    public void Buffer_of_the_wrong_size_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => SumModel().Predict(Data, new float[2]));
        Assert.Contains("Count * OutputLength = 3 * 1 = 3 floats", e.Message);
    }

    [Fact]
    public void Data_set_of_another_window_length_is_refused()
    {
        var data = new WindowedDataset(new float[3], new float[1], 3, 1);
        var e = Assert.Throws<ArgumentException>(() => SumModel().Evaluate(data));
        Assert.Contains("InputLength = TimeSteps * Features = 2 * 1 = 2", e.Message);
    }
}
