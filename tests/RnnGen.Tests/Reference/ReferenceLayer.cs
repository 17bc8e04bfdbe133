namespace RnnGen.Tests.Reference;

/// <summary>
/// One layer of a Keras <c>Sequential</c>, computed in float64. A layer maps a sequence of vectors
/// (one per time step, or a single one after a recurrent layer that returns only its last state)
/// to another sequence, and back-propagates through that map. A new layer kind is a new record
/// deriving from this one (a recurrent kind from <see cref="RecurrentLayer"/>), in a file of its own.
/// </summary>
/// <param name="Units">The width of each output vector.</param>
internal abstract record ReferenceLayer(int Units)
{
    /// <summary>Values in the layer's <c>get_weights()</c> arrays for input vectors of <paramref name="inputWidth"/>.</summary>
    public abstract int ParameterCount(int inputWidth);

    /// <summary>Values of state the layer carries between calls (0: none).</summary>
    public virtual int StateLength => 0;

    /// <summary>Whether the layer runs over the time steps, so that its input must be a sequence (recurrent and Bidirectional layers).</summary>
    public virtual bool IsRecurrent => false;

    /// <summary>Whether the output has one vector per input vector (false: only the last state).</summary>
    public virtual bool KeepsSequence => true;

    /// <summary>The layer applied to <paramref name="inputs"/> (vectors of the input width).</summary>
    /// <param name="weights">The layer's <see cref="ParameterCount"/> values, Keras <c>get_weights()</c> order, row-major.</param>
    /// <param name="inputs">The input sequence, <c>inputs[t][i]</c>.</param>
    /// <param name="initialState"><see cref="StateLength"/> values the layer starts from.</param>
    public abstract LayerOutput Forward(double[] weights, double[][] inputs, double[] initialState);

    /// <summary>
    /// Given d loss / d outputs of <see cref="Forward"/> (same shape as its outputs), returns
    /// d loss / d weights (same layout as <paramref name="weights"/>), d loss / d inputs and, for a
    /// layer with state, d loss / d <paramref name="initialState"/>.
    /// </summary>
    public abstract LayerGradients Backward(double[] weights, double[][] inputs, double[] initialState, double[][] outputGradients);
}

/// <summary>A layer's outputs <c>[t][d]</c> and the state it ends in (empty for a layer without state).</summary>
internal sealed record LayerOutput(double[][] Outputs, double[] FinalState);

/// <summary>d loss / d weights (the weights' layout) and d loss / d inputs <c>[t][i]</c> of one layer.</summary>
internal sealed record LayerGradients(double[] Weights, double[][] Inputs)
{
    /// <summary>d loss / d initial state (<see cref="ReferenceLayer.StateLength"/> values; empty for a layer without state).</summary>
    public double[] InitialState { get; init; } = [];
}
