namespace RnnGen.Tests.Batched;

/// <summary>
/// A generated model seen only through <see cref="IRnnModel"/>'s members other than BackwardBatch, which
/// this wrapper leaves to the interface's default: Backward for each sequence. The per-sample path the
/// batched one is compared with, in the Trainer as much as alone.
/// </summary>
internal sealed class PerSampleModel(IRnnModel inner) : IRnnModel
{
    public ModelLayout Layout => inner.Layout;

    public int InputLength => inner.InputLength;

    public int OutputLength => inner.OutputLength;

    public int ParameterCount => inner.ParameterCount;

    public Span<float> Parameters => inner.Parameters;

    public Span<float> Kernel => inner.Kernel;

    public Span<float> RecurrentKernel => inner.RecurrentKernel;

    public Span<float> Bias => inner.Bias;

    public Span<float> DenseKernel => inner.DenseKernel;

    public Span<float> DenseBias => inner.DenseBias;

    public Span<float> Gradients => inner.Gradients;

    public Span<float> State => inner.State;

    public void ClearGradients() => inner.ClearGradients();

    public void ResetStates() => inner.ResetStates();

    public void Predict(ReadOnlySpan<float> input, Span<float> output) => inner.Predict(input, output);

    public void PredictBatch(ReadOnlySpan<float> inputs, Span<float> outputs) => inner.PredictBatch(inputs, outputs);

    public void Step(ReadOnlySpan<float> input, Span<float> output) => inner.Step(input, output);

    public float Backward(ReadOnlySpan<float> input, ReadOnlySpan<float> target) => inner.Backward(input, target);

    public string Summary() => inner.Summary();
}
