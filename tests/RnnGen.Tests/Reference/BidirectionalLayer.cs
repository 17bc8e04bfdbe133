namespace RnnGen.Tests.Reference;

/// <summary>
/// Keras <c>Bidirectional(layer, merge_mode)</c>: the forward layer is <paramref name="Layer"/>, the
/// backward one a copy with go_backwards flipped, both reading the same input from their own state.
/// (tf.keras and Keras 2 flip go_backwards; Keras 3 sets it to true and so refuses a wrapped layer
/// that already goes backwards. The two agree on every layer Keras 3 accepts.)
/// With return_sequences the backward layer's outputs (in its processing order, last step first)
/// are flipped back to input order before merging, so step t merges both layers' outputs for
/// input step t. Weights: the forward layer's <c>get_weights()</c>, then the backward layer's; state:
/// the forward layer's, then the backward layer's (it carries over only for stateful models, and
/// cannot stream step by step, since the backward layer needs the whole sequence).
/// </summary>
/// <param name="Layer">The forward layer, as passed to Keras' <c>Bidirectional</c>.</param>
/// <param name="MergeMode">How the two outputs combine.</param>
internal sealed record BidirectionalLayer(RecurrentLayer Layer, ReferenceMergeMode MergeMode = ReferenceMergeMode.Concat)
    : ReferenceLayer(MergeMode == ReferenceMergeMode.Concat ? 2 * Layer.Units : Layer.Units)
{
    /// <summary>The backward layer: <see cref="Layer"/> with go_backwards flipped.</summary>
    public RecurrentLayer BackwardLayer { get; } = Layer with { GoBackwards = !Layer.GoBackwards };

    /// <inheritdoc/>
    public override int ParameterCount(int inputWidth) => 2 * Layer.ParameterCount(inputWidth);

    /// <inheritdoc/>
    public override int StateLength => 2 * Layer.StateLength;

    /// <inheritdoc/>
    public override bool IsRecurrent => true;

    /// <inheritdoc/>
    public override bool KeepsSequence => Layer.ReturnSequences;

    /// <inheritdoc/>
    public override LayerOutput Forward(double[] weights, double[][] inputs, double[] initialState)
    {
        var (forward, backward) = RunBoth(weights, inputs, initialState);
        double[][] outputs = [.. forward.Outputs.Select((y, t) => Merge(y, backward.Outputs[t]))];
        return new LayerOutput(outputs, [.. forward.FinalState, .. backward.FinalState]);
    }

    /// <inheritdoc/>
    public override LayerGradients Backward(double[] weights, double[][] inputs, double[] initialState, double[][] outputGradients)
    {
        var (forward, backward) = RunBoth(weights, inputs, initialState);
        int u = Layer.Units;
        var forwardGradients = new double[outputGradients.Length][];
        var backwardGradients = new double[outputGradients.Length][];
        for (int t = 0; t < outputGradients.Length; t++)
        {
            double[] dy = outputGradients[t], y = forward.Outputs[t], yRev = backward.Outputs[t];
            (forwardGradients[t], backwardGradients[t]) = MergeMode switch
            {
                // concat: [y, y_rev]; sum: y + y_rev; mul: y ⊙ y_rev; ave: (y + y_rev) / 2
                ReferenceMergeMode.Concat => (dy[..u], dy[u..]),
                ReferenceMergeMode.Sum => (dy, dy),
                ReferenceMergeMode.Mul => ([.. dy.Select((d, j) => d * yRev[j])], [.. dy.Select((d, j) => d * y[j])]),
                _ => ([.. dy.Select(d => d / 2)], [.. dy.Select(d => d / 2)]),
            };
        }

        (double[] forwardWeights, double[] backwardWeights) = Halves(weights);
        (double[] forwardState, double[] backwardState) = Halves(initialState);
        LayerGradients forwardResult = Layer.Backward(forwardWeights, inputs, forwardState, forwardGradients);
        LayerGradients backwardResult = BackwardLayer.Backward(backwardWeights, inputs, backwardState, FlipIfSequence(backwardGradients));
        double[][] inputGradients = [.. forwardResult.Inputs.Select((dx, t) => dx.Select((d, i) => d + backwardResult.Inputs[t][i]).ToArray())];
        return new LayerGradients([.. forwardResult.Weights, .. backwardResult.Weights], inputGradients)
        {
            InitialState = [.. forwardResult.InitialState, .. backwardResult.InitialState],
        };
    }

    /// <summary>Both layers' outputs, the backward layer's flipped to input order with return_sequences.</summary>
    private (LayerOutput Forward, LayerOutput Backward) RunBoth(double[] weights, double[][] inputs, double[] initialState)
    {
        (double[] forwardWeights, double[] backwardWeights) = Halves(weights);
        (double[] forwardState, double[] backwardState) = Halves(initialState);
        LayerOutput forward = Layer.Forward(forwardWeights, inputs, forwardState);
        LayerOutput backward = BackwardLayer.Forward(backwardWeights, inputs, backwardState);
        return (forward, backward with { Outputs = FlipIfSequence(backward.Outputs) });
    }

    /// <summary>One step's merged output.</summary>
    private double[] Merge(double[] y, double[] yRev) => MergeMode switch
    {
        ReferenceMergeMode.Concat => [.. y, .. yRev],
        ReferenceMergeMode.Sum => [.. y.Select((v, j) => v + yRev[j])],
        ReferenceMergeMode.Mul => [.. y.Select((v, j) => v * yRev[j])],
        ReferenceMergeMode.Ave => [.. y.Select((v, j) => (v + yRev[j]) / 2)],
        _ => throw new ArgumentOutOfRangeException(nameof(MergeMode), MergeMode, "Keras has no such merge mode."),
    };

    /// <summary>The sequence reversed when the layer returns sequences (a single last output stays as it is).</summary>
    private double[][] FlipIfSequence(double[][] sequence) => Layer.ReturnSequences ? [.. sequence.Reverse()] : sequence;

    /// <summary>The forward layer's half and the backward layer's half.</summary>
    private static (double[] Forward, double[] Backward) Halves(double[] values) =>
        (values[..(values.Length / 2)], values[(values.Length / 2)..]);
}
