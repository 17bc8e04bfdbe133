using System.Numerics.Tensors;
using RnnGen.Data;

namespace RnnGen.Evaluation;

/// <summary>The loss a model reports for a data set, shared by evaluation and the fit loop's <c>val_loss</c>.</summary>
internal static class SampleLoss
{
    /// <summary>
    /// Mean over samples of each sample's mean squared error over its outputs (Keras' MSE loss over a data
    /// set), accumulated in float64. Allocation-free.
    /// </summary>
    /// <param name="model">The model, whose lengths match the data set's.</param>
    /// <param name="data">The samples.</param>
    /// <param name="scratch"><c>OutputLength</c> floats of scratch.</param>
    public static double Mean(IRnnModel model, WindowedDataset data, Span<float> scratch)
    {
        double sum = 0;
        for (int i = 0; i < data.Count; i++)
        {
            model.Predict(data.Input(i), scratch);
            TensorPrimitives.Subtract(scratch, data.Target(i), scratch);
            sum += TensorPrimitives.SumOfSquares(scratch);
        }

        return sum / ((double)data.Count * data.OutputLength);
    }

    /// <summary>Throws unless the data set's row lengths are the model's input and output lengths.</summary>
    /// <exception cref="ArgumentException">A length differs; the message names the expected one.</exception>
    public static void RequireMatch(IRnnModel model, WindowedDataset data, string paramName)
    {
        ArgumentNullException.ThrowIfNull(data, paramName);
        if (data.InputLength != model.InputLength)
        {
            throw new ArgumentException(
                $"Expected windows of the model's InputLength = TimeSteps * Features = {model.Layout.TimeSteps} * {model.Layout.Features} = {model.InputLength} floats, but the data set's are {data.InputLength}.",
                paramName);
        }

        if (data.OutputLength != model.OutputLength)
        {
            throw new ArgumentException(
                $"Expected targets of the model's OutputLength = {model.OutputLength} floats, but the data set's are {data.OutputLength}.",
                paramName);
        }
    }
}
