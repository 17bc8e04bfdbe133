using System.Globalization;
using RnnGen.Data;

namespace RnnGen.Evaluation;

/// <summary>Runs a model over a <see cref="WindowedDataset"/>: predictions into a caller's buffer, and metrics (Keras <c>evaluate</c>).</summary>
public static class ModelEvaluation
{
    /// <summary>Predicts every sample: <paramref name="predictions"/> receives <c>[data.Count, OutputLength]</c> row-major.</summary>
    /// <exception cref="ArgumentException">The data set does not fit the model, or the buffer is not <c>data.Count * OutputLength</c> floats.</exception>
    public static void Predict(this IRnnModel model, WindowedDataset data, Span<float> predictions)
    {
        ArgumentNullException.ThrowIfNull(model);
        SampleLoss.RequireMatch(model, data, nameof(data));
        if (predictions.Length != data.Count * model.OutputLength)
        {
            throw new ArgumentException(
                $"Expected a buffer of Count * OutputLength = {data.Count} * {model.OutputLength} = {data.Count * model.OutputLength} floats, but it has {predictions.Length}.",
                nameof(predictions));
        }

        model.PredictBatch(data.X, predictions);
    }

    /// <summary>
    /// Metrics of the model's predictions against the data set's targets, in the units the data set is in.
    /// <see cref="RegressionMetrics.Mse"/> is Keras' <c>evaluate</c> loss for an MSE model.
    /// </summary>
    /// <exception cref="ArgumentException">The data set does not fit the model.</exception>
    public static RegressionMetrics Evaluate(this IRnnModel model, WindowedDataset data)
    {
        ArgumentNullException.ThrowIfNull(model);
        SampleLoss.RequireMatch(model, data, nameof(data));
        Span<float> output = OutputBuffer(model);
        var accumulator = new MetricsAccumulator();
        for (int i = 0; i < data.Count; i++)
        {
            model.Predict(data.Input(i), output);
            accumulator.Add(output, data.Target(i));
        }

        return accumulator.Result();
    }

    /// <summary>
    /// Metrics in original units: predictions and targets both go through <paramref name="scaler"/>'s inverse
    /// before they are compared (the tutorial reports RMSE on the scaled data; this reports it in, say, sunspots).
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="data">Scaled samples.</param>
    /// <param name="scaler">The fitted scaler that scaled the data.</param>
    /// <param name="targetColumns">The scaler's column of each output: output <c>o</c> uses
    /// <c>targetColumns[o % targetColumns.Length]</c> (so <c>[d]</c> covers a sequence output's <c>[t * OutputUnits + d]</c>).
    /// Empty: column 0, allowed only for a one-column scaler.</param>
    /// <exception cref="ArgumentException">The data set does not fit the model, or the columns do not fit the scaler or the outputs.</exception>
    public static RegressionMetrics Evaluate(this IRnnModel model, WindowedDataset data, IScaler scaler, ReadOnlySpan<int> targetColumns = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(scaler);
        SampleLoss.RequireMatch(model, data, nameof(data));
        RequireColumns(model, scaler, targetColumns);

        Span<float> output = OutputBuffer(model);
        var accumulator = new MetricsAccumulator();
        for (int i = 0; i < data.Count; i++)
        {
            model.Predict(data.Input(i), output);
            ReadOnlySpan<float> target = data.Target(i);
            for (int o = 0; o < output.Length; o++)
            {
                int column = targetColumns.IsEmpty ? 0 : targetColumns[o % targetColumns.Length];
                accumulator.Add(scaler.InverseTransform(output[o], column), scaler.InverseTransform(target[o], column));
            }
        }

        return accumulator.Result();
    }

    private static Span<float> OutputBuffer(IRnnModel model) => new float[model.OutputLength];

    private static void RequireColumns(IRnnModel model, IScaler scaler, ReadOnlySpan<int> targetColumns)
    {
        if (targetColumns.IsEmpty)
        {
            if (scaler.Features != 1)
            {
                throw new ArgumentException(
                    $"The scaler was fitted on {scaler.Features} columns: name the column of each output in targetColumns.", nameof(targetColumns));
            }

            return;
        }

        if (model.OutputLength % targetColumns.Length != 0)
        {
            throw new ArgumentException(
                $"Expected the {targetColumns.Length} target columns to divide OutputLength = {model.OutputLength}.", nameof(targetColumns));
        }

        foreach (int column in targetColumns)
        {
            if (column < 0 || column >= scaler.Features)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(targetColumns), string.Create(CultureInfo.InvariantCulture, $"Expected columns in [0, {scaler.Features}) of the scaler, but one is {column}."));
            }
        }
    }
}
