namespace RnnGen.Tests.Reference;

/// <summary>
/// An independent float64 Keras 3 <c>Sequential</c> of <see cref="ReferenceLayer"/>s over one input
/// sequence <c>[timeSteps, features]</c>, batch 1: what generated models are checked against.
/// Parameters are the layers' <c>get_weights()</c> arrays in <c>model.get_weights()</c> order, each
/// row-major; the state is each recurrent layer's state in layer order (<c>[h]</c> for SimpleRNN and GRU,
/// <c>[h, c]</c> for LSTM, the forward layer's then the backward layer's for Bidirectional).
/// A Dense layer applied to a sequence acts on every step; a recurrent layer without
/// return_sequences leaves a single vector, after which only Dense layers may follow.
/// </summary>
internal sealed class ReferenceSequential
{
    private readonly int[] inputWidths;
    private readonly int[] parameterOffsets;
    private readonly int[] stateOffsets;

    /// <summary>Describes the model; nothing is computed until <see cref="Forward"/>.</summary>
    /// <param name="timeSteps">T, the steps of the input sequence.</param>
    /// <param name="features">F, the width of each input step.</param>
    /// <param name="stateful">Whether every recurrent layer starts from the given state (else from zeros).</param>
    /// <param name="layers">The layers in Keras <c>Sequential([...])</c> order.</param>
    /// <exception cref="ArgumentException">A size below 1, no layers, or a recurrent layer whose input is a
    /// single vector (the recurrent layer before it does not return sequences).</exception>
    public ReferenceSequential(int timeSteps, int features, bool stateful, IReadOnlyList<ReferenceLayer> layers)
    {
        if (timeSteps < 1 || features < 1 || layers.Count == 0 || layers.Any(layer => layer.Units < 1))
        {
            throw new ArgumentException("A model needs TimeSteps >= 1, Features >= 1 and at least one layer, each of at least 1 unit.");
        }

        TimeSteps = timeSteps;
        Features = features;
        Stateful = stateful;
        Layers = [.. layers];
        inputWidths = new int[layers.Count];
        parameterOffsets = new int[layers.Count];
        stateOffsets = new int[layers.Count];

        int width = features;
        bool sequence = true;
        for (int i = 0; i < layers.Count; i++)
        {
            if (layers[i].IsRecurrent && !sequence)
            {
                throw new ArgumentException(
                    $"Layer {i} ({layers[i]}) is recurrent but receives a single vector: every recurrent layer before it must return sequences.",
                    nameof(layers));
            }

            inputWidths[i] = width;
            parameterOffsets[i] = ParameterCount;
            stateOffsets[i] = StateLength;
            ParameterCount += layers[i].ParameterCount(width);
            StateLength += layers[i].StateLength;
            width = layers[i].Units;
            sequence &= layers[i].KeepsSequence;
        }

        OutputIsSequence = sequence;
        OutputLength = sequence ? timeSteps * width : width;
    }

    /// <summary>T, the steps of the input sequence.</summary>
    public int TimeSteps { get; }

    /// <summary>F, the width of each input step.</summary>
    public int Features { get; }

    /// <summary>Whether every recurrent layer starts from the given initial state.</summary>
    public bool Stateful { get; }

    /// <summary>The layers in order.</summary>
    public IReadOnlyList<ReferenceLayer> Layers { get; }

    /// <summary>Values of all layers' weights, Keras <c>model.get_weights()</c> order.</summary>
    public int ParameterCount { get; }

    /// <summary>T * F: the input <c>[t * F + f]</c>.</summary>
    public int InputLength => TimeSteps * Features;

    /// <summary>The last layer's units, times T when the output is a sequence.</summary>
    public int OutputLength { get; }

    /// <summary>Whether the output has one vector per time step (no recurrent layer drops the sequence).</summary>
    public bool OutputIsSequence { get; }

    /// <summary>Sum of the recurrent layers' state lengths (SimpleRNN and GRU: their units; LSTM: twice; Bidirectional: twice its layer's).</summary>
    public int StateLength { get; }

    /// <summary>The model's outputs <c>[t * units + d]</c> (a sequence) or <c>[d]</c>, and every recurrent layer's final state in order.</summary>
    public sealed record Result(double[] Outputs, double[] FinalStates);

    /// <summary>Runs the model on one sequence.</summary>
    /// <param name="parameters"><see cref="ParameterCount"/> values.</param>
    /// <param name="input"><see cref="InputLength"/> values, <c>[t * F + f]</c>.</param>
    /// <param name="initialState"><see cref="StateLength"/> values, used only when <see cref="Stateful"/>
    /// (a model that is not stateful starts from zeros, as generated models do); null means zeros.</param>
    /// <exception cref="ArgumentException">An array of the wrong length.</exception>
    public Result Forward(double[] parameters, double[] input, double[]? initialState = null)
    {
        Trace trace = Run(parameters, input, initialState);
        return new Result([.. trace.Outputs.SelectMany(vector => vector)], trace.FinalStates);
    }

    /// <summary>The mean squared error <c>mean((y - target)^2)</c> over the OutputLength outputs, as the generated <c>Backward</c> defines it.</summary>
    /// <param name="target"><see cref="OutputLength"/> values, laid out as <see cref="Result.Outputs"/>.</param>
    /// <exception cref="ArgumentException">An array of the wrong length.</exception>
    public double Loss(double[] parameters, double[] input, double[] target, double[]? initialState = null)
    {
        CheckLength(target, OutputLength, nameof(target));
        double[] outputs = Forward(parameters, input, initialState).Outputs;
        return outputs.Select((y, k) => (y - target[k]) * (y - target[k])).Sum() / OutputLength;
    }

    /// <summary>d <see cref="Loss"/> / d parameters by backpropagation through every layer and time step (same layout as the parameters).</summary>
    /// <exception cref="ArgumentException">An array of the wrong length.</exception>
    public double[] Gradients(double[] parameters, double[] input, double[] target, double[]? initialState = null) =>
        Backpropagate(parameters, input, target, initialState).Parameters;

    /// <summary>d <see cref="Loss"/> / d input by backpropagation (<see cref="InputLength"/> values, <c>[t * F + f]</c>).</summary>
    /// <exception cref="ArgumentException">An array of the wrong length.</exception>
    public double[] InputGradient(double[] parameters, double[] input, double[] target, double[]? initialState = null) =>
        Backpropagate(parameters, input, target, initialState).Input;

    /// <summary>
    /// d <see cref="Loss"/> / d initialState by backpropagation (<see cref="StateLength"/> values, laid out as the state):
    /// zeros for a model that is not <see cref="Stateful"/>, which ignores the given state.
    /// </summary>
    /// <exception cref="ArgumentException">An array of the wrong length.</exception>
    public double[] InitialStateGradient(double[] parameters, double[] input, double[] target, double[]? initialState = null) =>
        Backpropagate(parameters, input, target, initialState).InitialState;

    /// <summary>d <see cref="Loss"/> / d parameters by central differences (<see cref="CentralDifferences"/>), to check <see cref="Gradients"/>.</summary>
    public static double[] FiniteDifferenceGradients(
        ReferenceSequential model, double[] parameters, double[] input, double[] target, double[]? initialState = null) =>
        CentralDifferences.Gradient(p => model.Loss(p, input, target, initialState), parameters);

    /// <summary>Forward through the layers, keeping what the backward pass needs.</summary>
    private Trace Run(double[] parameters, double[] input, double[]? initialState)
    {
        CheckLength(parameters, ParameterCount, nameof(parameters));
        CheckLength(input, InputLength, nameof(input));
        if (initialState is not null)
        {
            CheckLength(initialState, StateLength, nameof(initialState));
        }

        double[] startState = Stateful && initialState is not null ? initialState : new double[StateLength];
        var layerInputs = new double[Layers.Count][][];
        var layerStates = new double[Layers.Count][];
        var finalStates = new double[StateLength];
        double[][] data = [.. input.Chunk(Features)];
        for (int i = 0; i < Layers.Count; i++)
        {
            layerInputs[i] = data;
            layerStates[i] = startState.AsSpan(stateOffsets[i], Layers[i].StateLength).ToArray();
            LayerOutput output = Layers[i].Forward(Weights(parameters, i), data, layerStates[i]);
            output.FinalState.CopyTo(finalStates, stateOffsets[i]);
            data = output.Outputs;
        }

        return new Trace(layerInputs, layerStates, data, finalStates);
    }

    /// <summary>d loss / d parameters, input and initial state: the layers' backward passes, last layer first.</summary>
    private (double[] Parameters, double[] Input, double[] InitialState) Backpropagate(double[] parameters, double[] input, double[] target, double[]? initialState)
    {
        CheckLength(target, OutputLength, nameof(target));
        Trace trace = Run(parameters, input, initialState);

        // d mean((y - target)^2) / dy = 2 (y - target) / OutputLength
        double[][] gradient = [.. trace.Outputs.Select((vector, t) =>
            vector.Select((y, d) => 2 * (y - target[t * vector.Length + d]) / OutputLength).ToArray())];
        var parameterGradients = new double[ParameterCount];
        var stateGradients = new double[StateLength];
        for (int i = Layers.Count - 1; i >= 0; i--)
        {
            LayerGradients layer = Layers[i].Backward(Weights(parameters, i), trace.LayerInputs[i], trace.LayerStates[i], gradient);
            layer.Weights.CopyTo(parameterGradients, parameterOffsets[i]);
            if (Stateful)
            {
                layer.InitialState.CopyTo(stateGradients, stateOffsets[i]);
            }

            gradient = layer.Inputs;
        }

        return (parameterGradients, [.. gradient.SelectMany(vector => vector)], stateGradients);
    }

    /// <summary>Layer i's slice of the parameters.</summary>
    private double[] Weights(double[] parameters, int i) =>
        parameters.AsSpan(parameterOffsets[i], Layers[i].ParameterCount(inputWidths[i])).ToArray();

    private static void CheckLength(double[] values, int expected, string name)
    {
        if (values.Length != expected)
        {
            throw new ArgumentException($"Expected {expected} values, got {values.Length}.", name);
        }
    }

    /// <summary>Each layer's input sequence and initial state, the model's output vectors and the final states.</summary>
    private sealed record Trace(double[][][] LayerInputs, double[][] LayerStates, double[][] Outputs, double[] FinalStates);
}
