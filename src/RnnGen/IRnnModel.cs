namespace RnnGen;

/// <summary>
/// A model generated from <see cref="RnnAttribute"/> and its layer attributes, with every size fixed
/// at compile time. Generic code (the fit loop, metrics, weight files) drives any generated model
/// through this interface.
/// </summary>
/// <remarks>
/// A model owns scratch buffers for its forward and backward passes, so one instance must not be
/// used from two threads at once. No member allocates after construction, except <see cref="Summary"/>.
/// </remarks>
public interface IRnnModel
{
    /// <summary>The architecture: layers, weights (names, shapes, offsets into Parameters) and state.</summary>
    ModelLayout Layout { get; }

    /// <summary>
    /// The single-layer shape (SimpleRNN + Dense) the model was generated from, for models the
    /// <see cref="RnnAttribute"/> shorthand can spell; <see cref="Layout"/> describes every model.
    /// </summary>
    /// <exception cref="NotSupportedException">The model is not one SimpleRNN followed by one Dense layer.</exception>
    RnnShape Shape => throw new NotSupportedException($"{Layout} is not a single SimpleRNN + Dense model; use Layout.");

    /// <summary>Floats in one input sequence: <c>TimeSteps * Features</c>, laid out <c>[t * Features + f]</c>.</summary>
    int InputLength { get; }

    /// <summary>Floats in one output: <c>DenseUnits</c>, or <c>TimeSteps * DenseUnits</c> laid out <c>[t * DenseUnits + d]</c> with return_sequences.</summary>
    int OutputLength { get; }

    /// <summary>Floats in <see cref="Parameters"/> and in <see cref="Gradients"/>.</summary>
    int ParameterCount { get; }

    /// <summary>
    /// All weights in one buffer, in Keras <c>model.get_weights()</c> order, each row-major: for each
    /// layer its kernel <c>[input, units]</c>, a recurrent layer's recurrent_kernel <c>[units, units]</c>,
    /// and its bias <c>[units]</c> (absent with use_bias=False). <see cref="Layout"/> gives every offset.
    /// </summary>
    Span<float> Parameters { get; }

    /// <summary>The first recurrent layer's kernel, <c>[input, units]</c> row-major (the tutorial's <c>wx</c>); a view of <see cref="Parameters"/>.</summary>
    Span<float> Kernel { get; }

    /// <summary>The first recurrent layer's recurrent kernel, <c>[units, units]</c> row-major (<c>wh</c>); a view of <see cref="Parameters"/>.</summary>
    Span<float> RecurrentKernel { get; }

    /// <summary>The first recurrent layer's bias, <c>[units]</c> (<c>bh</c>), empty without use_bias; a view of <see cref="Parameters"/>.</summary>
    Span<float> Bias { get; }

    /// <summary>The last Dense layer's kernel, <c>[input, units]</c> row-major (<c>wy</c>); empty when the model ends in a recurrent layer.</summary>
    Span<float> DenseKernel { get; }

    /// <summary>The last Dense layer's bias, <c>[units]</c> (<c>by</c>); empty when the model ends in a recurrent layer or has no bias.</summary>
    Span<float> DenseBias { get; }

    /// <summary>d(loss)/d(<see cref="Parameters"/>), same layout; <see cref="Backward"/> adds into it.</summary>
    Span<float> Gradients { get; }

    /// <summary>Sets every element of <see cref="Gradients"/> to zero.</summary>
    void ClearGradients();

    /// <summary>
    /// Every recurrent layer's state, in order (<c>[h]</c> for SimpleRNN; <see cref="ModelLayout.StateLength"/>
    /// floats). A stateful model starts each call from it and leaves the last step's states in it; a
    /// model that is not stateful starts from zeros and leaves it untouched (only <see cref="Step"/> advances it).
    /// </summary>
    Span<float> State { get; }

    /// <summary>Sets <see cref="State"/> to zeros (Keras <c>reset_states()</c>).</summary>
    void ResetStates();

    /// <summary>Runs the model on one sequence.</summary>
    /// <param name="input"><see cref="InputLength"/> floats, <c>[t * Features + f]</c>.</param>
    /// <param name="output"><see cref="OutputLength"/> floats.</param>
    /// <exception cref="ArgumentException">A span has the wrong length; the message names the expected one.</exception>
    void Predict(ReadOnlySpan<float> input, Span<float> output);

    /// <summary>Runs the model on <c>input.Length / InputLength</c> sequences stored one after another.</summary>
    /// <param name="inputs"><c>n * InputLength</c> floats.</param>
    /// <param name="outputs"><c>n * OutputLength</c> floats.</param>
    /// <exception cref="ArgumentException">The lengths are not whole, matching multiples.</exception>
    void PredictBatch(ReadOnlySpan<float> inputs, Span<float> outputs);

    /// <summary>
    /// Streaming inference: advances every layer's <see cref="State"/> by one time step and writes the
    /// last layer's output for that step. Feeding a sequence step by step from reset state gives
    /// <see cref="Predict"/>'s outputs (the last step's, or each step's for a sequence output).
    /// </summary>
    /// <param name="input"><c>Features</c> floats: <c>x_t</c>.</param>
    /// <param name="output">The last layer's units: its output for this step.</param>
    /// <exception cref="InvalidOperationException">The model cannot stream (a layer goes backwards); the message says which.</exception>
    void Step(ReadOnlySpan<float> input, Span<float> output);

    /// <summary>
    /// Forward pass, then backpropagation through time. Returns this sample's loss, the mean squared
    /// error over the <see cref="OutputLength"/> outputs, and ADDS d(loss)/d(<see cref="Parameters"/>)
    /// into <see cref="Gradients"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A span has the wrong length; the message names the expected one.</exception>
    float Backward(ReadOnlySpan<float> input, ReadOnlySpan<float> target);

    /// <summary>
    /// <see cref="Backward"/> for <c>n = losses.Length</c> sequences stored one after another: forward
    /// pass and backpropagation through time for each, each sequence's loss (the mean squared error
    /// <see cref="Backward"/> returns) written to <paramref name="losses"/>, and the SUM of their
    /// d(loss)/d(<see cref="Parameters"/>) ADDED into <see cref="Gradients"/>. A generated model that
    /// runs <see cref="PredictBatch"/> in tiles computes a tile's gradients with matrix products across
    /// its sequences; any other model calls <see cref="Backward"/> for each sequence, in order (so a
    /// stateful model carries <see cref="State"/> from each to the next), as this default does.
    /// </summary>
    /// <param name="inputs"><c>n * InputLength</c> floats: sequence s is <c>inputs[s * InputLength ..]</c>, laid out <c>[t * Features + f]</c>.</param>
    /// <param name="targets"><c>n * OutputLength</c> floats: sequence s's target is <c>targets[s * OutputLength ..]</c>.</param>
    /// <param name="losses"><c>n</c> floats: receives each sequence's loss.</param>
    /// <exception cref="ArgumentException"><paramref name="inputs"/> or <paramref name="targets"/> is not <c>losses.Length</c> times its per-sequence length; the message names the expected one.</exception>
    void BackwardBatch(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, Span<float> losses)
    {
        int count = losses.Length;
        int inputLength = InputLength, outputLength = OutputLength;
        // Constant messages: an interpolated one would allocate on every call, not only when it throws.
        Kernels.Guard.BatchLength(inputs.Length, count, inputLength, "InputLength per loss", nameof(inputs));
        Kernels.Guard.BatchLength(targets.Length, count, outputLength, "OutputLength per loss", nameof(targets));
        for (int n = 0; n < count; n++)
        {
            losses[n] = Backward(inputs.Slice(n * inputLength, inputLength), targets.Slice(n * outputLength, outputLength));
        }
    }

    /// <summary>A Keras-like table of layers, output shapes and parameter counts.</summary>
    string Summary();
}
