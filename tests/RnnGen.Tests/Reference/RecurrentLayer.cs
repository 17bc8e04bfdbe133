namespace RnnGen.Tests.Reference;

/// <summary>
/// Keras' <c>RNN</c> layer around a cell: runs the cell over the steps (last to first with
/// <paramref name="GoBackwards"/>), outputs every step's <c>h</c> in processing order
/// (<paramref name="ReturnSequences"/>, so reversed relative to the input with go_backwards) or only
/// the last one, and back-propagates through time. A cell kind (SimpleRNN, LSTM, GRU) supplies
/// one step and its gradient; the first <see cref="ReferenceLayer.Units"/> values of its state are <c>h</c>.
/// </summary>
internal abstract record RecurrentLayer(int Units, bool ReturnSequences, bool GoBackwards) : ReferenceLayer(Units)
{
    /// <inheritdoc/>
    public override int StateLength => Units;

    /// <inheritdoc/>
    public sealed override bool IsRecurrent => true;

    /// <inheritdoc/>
    public sealed override bool KeepsSequence => ReturnSequences;

    /// <inheritdoc/>
    public sealed override LayerOutput Forward(double[] weights, double[][] inputs, double[] initialState)
    {
        double[][] states = Run(weights, inputs, initialState);
        double[][] outputs = ReturnSequences
            ? [.. states.Skip(1).Select(Output)]
            : [Output(states[^1])];
        return new LayerOutput(outputs, states[^1]);
    }

    /// <inheritdoc/>
    public sealed override LayerGradients Backward(double[] weights, double[][] inputs, double[] initialState, double[][] outputGradients)
    {
        int steps = inputs.Length;
        double[][] states = Run(weights, inputs, initialState);
        var weightGradients = new double[weights.Length];
        var inputGradients = new double[steps][];

        // Back through time: dState is d loss / d (state after processing step k).
        var stateGradient = new double[StateLength];
        for (int k = steps - 1; k >= 0; k--)
        {
            // h after step k is an output (every step with return_sequences, else only the last).
            double[]? outputGradient = ReturnSequences ? outputGradients[k] : k == steps - 1 ? outputGradients[0] : null;
            for (int j = 0; outputGradient is not null && j < Units; j++)
            {
                stateGradient[j] += outputGradient[j];
            }

            int t = InputIndex(k, steps);
            (inputGradients[t], stateGradient) = StepBackward(weights, inputs[t], states[k], stateGradient, weightGradients);
        }

        return new LayerGradients(weightGradients, inputGradients) { InitialState = stateGradient };
    }

    /// <summary>The state after one step of the cell: input <paramref name="x"/>, state <paramref name="previousState"/>.</summary>
    protected abstract double[] Step(double[] weights, double[] x, double[] previousState);

    /// <summary>
    /// The gradient of <see cref="Step"/>: given d loss / d (its result), adds d loss / d weights into
    /// <paramref name="weightGradients"/> and returns d loss / d x and d loss / d previousState.
    /// </summary>
    protected abstract (double[] Input, double[] PreviousState) StepBackward(
        double[] weights, double[] x, double[] previousState, double[] stateGradient, double[] weightGradients);

    /// <summary>The states <c>s_0 = initialState, s_{k+1} = Step(x_{t(k)}, s_k)</c> in processing order.</summary>
    private double[][] Run(double[] weights, double[][] inputs, double[] initialState)
    {
        var states = new double[inputs.Length + 1][];
        states[0] = initialState;
        for (int k = 0; k < inputs.Length; k++)
        {
            states[k + 1] = Step(weights, inputs[InputIndex(k, inputs.Length)], states[k]);
        }

        return states;
    }

    /// <summary>The input step processed k-th: k, or T - 1 - k with go_backwards.</summary>
    private int InputIndex(int k, int steps) => GoBackwards ? steps - 1 - k : k;

    /// <summary>A step's output: h, the first Units values of its state.</summary>
    private double[] Output(double[] state) => state[..Units];
}
