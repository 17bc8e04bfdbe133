namespace RnnGen.Benchmarks.Baselines;

/// <summary>
/// The baseline for stacks: any <see cref="ModelLayout"/> of SimpleRNN, LSTM, GRU and Dense layers, written the
/// way a developer writes it without a generator. Sizes are read from the layout at run time, every
/// product is a plain loop in the order the formula reads, activations are scalar <see cref="MathF"/>
/// calls, and each layer's buffers are allocated once in the constructor.
/// </summary>
/// <remarks>
/// Same parameter layout and maths as the generated models (Keras semantics: Dense on a sequence is
/// per step, go_backwards reads the last step first and returns outputs in processing order).
/// Not stateful: Predict and Backward start every sequence from zeros. <see cref="Step"/> streams as a
/// generated model's Step does, each recurrent layer carrying its state from call to call.
/// </remarks>
public sealed class NaiveSequential
{
    private readonly ModelLayout layout;
    private readonly NaiveLayer[] layers;

    /// <summary>Creates a zero-weight model of <paramref name="layout"/>; copy weights into <see cref="Parameters"/>.</summary>
    public NaiveSequential(ModelLayout layout)
    {
        if (layout.Stateful)
        {
            throw new ArgumentException("The naive baseline models stateless networks only.", nameof(layout));
        }

        this.layout = layout;
        if (layout.Layers.Any(static layer => layer.Settings.Bidirectional))
        {
            throw new ArgumentException("The naive baseline has no Bidirectional layers.", nameof(layout));
        }

        layers = [.. layout.Layers.Select(layer => NaiveLayer.For(layer, layout.TimeSteps))];
        Parameters = new float[layout.ParameterCount];
        Gradients = new float[layout.ParameterCount];
    }

    /// <summary>The layout this instance was sized for.</summary>
    public ModelLayout Layout => layout;

    /// <summary>All weights, same layout as a generated model's <c>Parameters</c>.</summary>
    public float[] Parameters { get; }

    /// <summary>d(loss)/d(Parameters), same layout; <see cref="Backward"/> adds into it.</summary>
    public float[] Gradients { get; }

    /// <summary>Sets every gradient to zero.</summary>
    public void ClearGradients() => Array.Clear(Gradients);

    /// <summary>Runs one sequence: <paramref name="input"/> is <c>[t * F + f]</c>, <paramref name="output"/> has OutputLength floats.</summary>
    public void Predict(ReadOnlySpan<float> input, Span<float> output)
    {
        Forward(input);
        layers[^1].Output.AsSpan(0, layout.OutputLength).CopyTo(output);
    }

    /// <summary>Runs <c>inputs.Length / InputLength</c> sequences one after another.</summary>
    public void PredictBatch(ReadOnlySpan<float> inputs, Span<float> outputs)
    {
        int inputLength = layout.InputLength;
        int outputLength = layout.OutputLength;
        for (int s = 0; s < inputs.Length / inputLength; s++)
        {
            Predict(inputs.Slice(s * inputLength, inputLength), outputs.Slice(s * outputLength, outputLength));
        }
    }

    /// <summary>Forward, then BPTT: returns the mean squared error and adds its gradient into <see cref="Gradients"/>.</summary>
    public float Backward(ReadOnlySpan<float> input, ReadOnlySpan<float> target)
    {
        Forward(input);

        // loss = mean (y - target)²; d loss / d y = 2 (y - target) / OutputLength.
        int outputLength = layout.OutputLength;
        NaiveLayer last = layers[^1];
        float loss = 0f;
        for (int o = 0; o < outputLength; o++)
        {
            float error = last.Output[o] - target[o];
            loss += error * error;
            last.OutputGradient[o] = 2f * error / outputLength;
        }

        for (int l = layers.Length - 1; l >= 0; l--)
        {
            ReadOnlySpan<float> layerInput = l == 0 ? input : layers[l - 1].Output;
            Span<float> inputGradient = l == 0 ? Span<float>.Empty : layers[l - 1].OutputGradient;
            layers[l].Backward(layerInput, Parameters, Gradients, inputGradient);
        }

        return loss / outputLength;
    }

    /// <summary>
    /// Streams one step: <paramref name="x"/> (Features floats) through every layer, each recurrent layer starting
    /// from the state the previous Step left (zeros at first and after <see cref="ResetStates"/>); writes the last
    /// layer's output for the step into <paramref name="y"/> (OutputUnits floats). Predict and Backward leave that state alone.
    /// </summary>
    /// <exception cref="InvalidOperationException">A layer goes backwards, so needs the whole sequence first.</exception>
    public void Step(ReadOnlySpan<float> x, Span<float> y)
    {
        if (!layout.CanStream)
        {
            throw new InvalidOperationException("The model cannot stream: a layer goes backwards.");
        }

        ReadOnlySpan<float> values = x;
        foreach (NaiveLayer layer in layers)
        {
            values = layer.Step(values, Parameters);
        }

        values.CopyTo(y);
    }

    /// <summary>Sets the state <see cref="Step"/> carries to zeros.</summary>
    public void ResetStates()
    {
        foreach (NaiveLayer layer in layers)
        {
            layer.ResetState();
        }
    }

    private void Forward(ReadOnlySpan<float> input)
    {
        for (int l = 0; l < layers.Length; l++)
        {
            layers[l].Forward(l == 0 ? input : layers[l - 1].Output, Parameters);
        }
    }
}
