namespace RnnGen;

/// <summary>
/// A model generated from <see cref="RnnAttribute"/>: SimpleRNN + Dense with every size fixed at
/// compile time. Generic code (the fit loop, metrics, weight files) drives any generated model
/// through this interface.
/// </summary>
/// <remarks>
/// A model owns scratch buffers for its forward and backward passes, so one instance must not be
/// used from two threads at once. No member allocates after construction, except <see cref="Summary"/>.
/// </remarks>
public interface IRnnModel
{
    /// <summary>The shape the model was generated for.</summary>
    RnnShape Shape { get; }

    /// <summary>Floats in one input sequence: <c>TimeSteps * Features</c>, laid out <c>[t * Features + f]</c>.</summary>
    int InputLength { get; }

    /// <summary>Floats in one output: <c>DenseUnits</c>, or <c>TimeSteps * DenseUnits</c> laid out <c>[t * DenseUnits + d]</c> with return_sequences.</summary>
    int OutputLength { get; }

    /// <summary>Floats in <see cref="Parameters"/> and in <see cref="Gradients"/>.</summary>
    int ParameterCount { get; }

    /// <summary>
    /// All weights in one buffer, in Keras <c>get_weights()</c> order, each row-major: Kernel
    /// [Features, HiddenUnits], RecurrentKernel [HiddenUnits, HiddenUnits], Bias [HiddenUnits],
    /// DenseKernel [HiddenUnits, DenseUnits], DenseBias [DenseUnits].
    /// </summary>
    Span<float> Parameters { get; }

    /// <summary>SimpleRNN input kernel, <c>[Features, HiddenUnits]</c> row-major (Keras <c>wx</c>); a view of <see cref="Parameters"/>.</summary>
    Span<float> Kernel { get; }

    /// <summary>SimpleRNN recurrent kernel, <c>[HiddenUnits, HiddenUnits]</c> row-major (Keras <c>wh</c>); a view of <see cref="Parameters"/>.</summary>
    Span<float> RecurrentKernel { get; }

    /// <summary>SimpleRNN bias, <c>[HiddenUnits]</c> (Keras <c>bh</c>); a view of <see cref="Parameters"/>.</summary>
    Span<float> Bias { get; }

    /// <summary>Dense kernel, <c>[HiddenUnits, DenseUnits]</c> row-major (Keras <c>wy</c>); a view of <see cref="Parameters"/>.</summary>
    Span<float> DenseKernel { get; }

    /// <summary>Dense bias, <c>[DenseUnits]</c> (Keras <c>by</c>); a view of <see cref="Parameters"/>.</summary>
    Span<float> DenseBias { get; }

    /// <summary>d(loss)/d(<see cref="Parameters"/>), same layout; <see cref="Backward"/> adds into it.</summary>
    Span<float> Gradients { get; }

    /// <summary>Sets every element of <see cref="Gradients"/> to zero.</summary>
    void ClearGradients();

    /// <summary>
    /// The hidden state, <c>[HiddenUnits]</c>. A stateful model starts each call from it and leaves
    /// the last step's hidden state in it; a model that is not stateful starts from zeros and leaves
    /// it untouched (only <see cref="Step"/> advances it).
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
    /// Advances <see cref="State"/> by one time step and applies the Dense layer to the new state:
    /// streaming inference, one step at a time. Feeding a sequence step by step from zero state gives
    /// the same last output as <see cref="Predict"/>.
    /// </summary>
    /// <param name="input"><c>Features</c> floats: <c>x_t</c>.</param>
    /// <param name="output"><c>DenseUnits</c> floats: the Dense output for this step.</param>
    void Step(ReadOnlySpan<float> input, Span<float> output);

    /// <summary>
    /// Forward pass, then backpropagation through time. Returns this sample's loss, the mean squared
    /// error over the <see cref="OutputLength"/> outputs, and ADDS d(loss)/d(<see cref="Parameters"/>)
    /// into <see cref="Gradients"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A span has the wrong length; the message names the expected one.</exception>
    float Backward(ReadOnlySpan<float> input, ReadOnlySpan<float> target);

    /// <summary>A Keras-like table of layers, output shapes and parameter counts.</summary>
    string Summary();
}
