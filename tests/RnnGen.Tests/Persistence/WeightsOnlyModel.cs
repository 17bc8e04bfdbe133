namespace RnnGen.Tests.Persistence;

/// <summary>
/// Parameters behind any <see cref="ModelLayout"/> and nothing else: what weight files and weight
/// documents read and write, for layer kinds and wrappers before any model of them is generated.
/// </summary>
internal sealed class WeightsOnlyModel(ModelLayout layout, int seed = 1) : IRnnModel
{
    private readonly float[] _parameters = Enumerable.Range(0, layout.ParameterCount)
        .Select(i => (float)Math.Round(Math.Sin(seed * 7919 + i) * 0.5, 6)).ToArray();

    public ModelLayout Layout => layout;

    public int InputLength => layout.InputLength;

    public int OutputLength => layout.OutputLength;

    public int ParameterCount => layout.ParameterCount;

    public Span<float> Parameters => _parameters;

    public Span<float> Kernel => layout.Weights[0].Of(_parameters);

    public Span<float> RecurrentKernel => layout.Weights[1].Of(_parameters);

    public Span<float> Bias => throw new NotSupportedException();

    public Span<float> DenseKernel => throw new NotSupportedException();

    public Span<float> DenseBias => throw new NotSupportedException();

    public Span<float> Gradients => throw new NotSupportedException();

    public Span<float> State => throw new NotSupportedException();

    public void ClearGradients() => throw new NotSupportedException();

    public void ResetStates() => throw new NotSupportedException();

    public void Predict(ReadOnlySpan<float> input, Span<float> output) => throw new NotSupportedException();

    public void PredictBatch(ReadOnlySpan<float> inputs, Span<float> outputs) => throw new NotSupportedException();

    public void Step(ReadOnlySpan<float> input, Span<float> output) => throw new NotSupportedException();

    public float Backward(ReadOnlySpan<float> input, ReadOnlySpan<float> target) => throw new NotSupportedException();

    public string Summary() => throw new NotSupportedException();
}
