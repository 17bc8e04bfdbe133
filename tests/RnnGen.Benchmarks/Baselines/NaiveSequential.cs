namespace RnnGen.Benchmarks.Baselines;

/// <summary>
/// The baseline for stacks: any <see cref="ModelLayout"/> of SimpleRNN and Dense layers, written the
/// way a developer writes it without a generator. Sizes are read from the layout at run time, every
/// product is a plain loop in the order the formula reads, activations are scalar <see cref="MathF"/>
/// calls, and each layer's buffers are allocated once in the constructor.
/// </summary>
/// <remarks>
/// Same parameter layout and maths as the generated models (Keras semantics: Dense on a sequence is
/// per step, go_backwards reads the last step first and returns outputs in processing order).
/// Stateless only (every call starts from zeros), which is all the benchmarks need.
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
        layers = [.. layout.Layers.Select(layer => new NaiveLayer(layer, layout.TimeSteps))];
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

    private void Forward(ReadOnlySpan<float> input)
    {
        for (int l = 0; l < layers.Length; l++)
        {
            layers[l].Forward(l == 0 ? input : layers[l - 1].Output, Parameters);
        }
    }

    /// <summary>One layer's sizes, weight offsets and buffers.</summary>
    private sealed class NaiveLayer
    {
        private readonly LayerLayout layer;
        private readonly int steps;
        private readonly int inputs;
        private readonly int units;
        private readonly int kernel;
        private readonly int recurrentKernel = -1;
        private readonly int bias = -1;

        // Recurrent layers: states[t * U + j] holds h_t (t = 0 the zero initial state), kept for BPTT.
        private readonly float[] states = [];
        private readonly float[] stateGradient = [];
        private readonly float[] previousStateGradient = [];
        private readonly float[] preactivationGradient;

        public NaiveLayer(LayerLayout layer, int timeSteps)
        {
            this.layer = layer;
            steps = layer.InputIsSequence ? timeSteps : 1;
            inputs = layer.InputSize;
            units = layer.Units;
            kernel = layer.Weights[0].Offset;
            if (layer.Settings.IsRecurrent)
            {
                recurrentKernel = layer.Weights[1].Offset;
                states = new float[(timeSteps + 1) * units];
                stateGradient = new float[units];
                previousStateGradient = new float[units];
            }

            if (layer.Settings.UseBias)
            {
                bias = layer.Weights[^1].Offset;
            }

            int outputSteps = layer.OutputIsSequence ? timeSteps : 1;
            Output = new float[outputSteps * units];
            OutputGradient = new float[outputSteps * units];
            preactivationGradient = new float[units];
        }

        public float[] Output { get; }

        public float[] OutputGradient { get; }

        private Activation Activation => layer.Settings.Activation;

        public void Forward(ReadOnlySpan<float> input, float[] p)
        {
            if (!layer.Settings.IsRecurrent)
            {
                // y_s = act(x_s·kernel + bias) at every input step s.
                for (int s = 0; s < steps; s++)
                {
                    for (int j = 0; j < units; j++)
                    {
                        float z = bias < 0 ? 0f : p[bias + j];
                        for (int i = 0; i < inputs; i++)
                        {
                            z += input[s * inputs + i] * p[kernel + i * units + j];
                        }

                        Output[s * units + j] = Activate(Activation, z);
                    }
                }

                return;
            }

            // h_t = act(x_row·kernel + h_{t-1}·recurrent_kernel + bias), row = t - 1 (or T - t backwards).
            for (int t = 1; t <= steps; t++)
            {
                int row = InputRow(t);
                for (int j = 0; j < units; j++)
                {
                    float z = bias < 0 ? 0f : p[bias + j];
                    for (int i = 0; i < inputs; i++)
                    {
                        z += input[row * inputs + i] * p[kernel + i * units + j];
                    }

                    for (int i = 0; i < units; i++)
                    {
                        z += states[(t - 1) * units + i] * p[recurrentKernel + i * units + j];
                    }

                    states[t * units + j] = Activate(Activation, z);
                }
            }

            int first = layer.OutputIsSequence ? 1 : steps;
            states.AsSpan(first * units, Output.Length).CopyTo(Output);
        }

        public void Backward(ReadOnlySpan<float> input, float[] p, float[] g, Span<float> inputGradient)
        {
            if (!layer.Settings.IsRecurrent)
            {
                inputGradient.Clear();
                for (int s = 0; s < steps; s++)
                {
                    for (int j = 0; j < units; j++)
                    {
                        float dz = OutputGradient[s * units + j] * Derivative(Activation, Output[s * units + j]);
                        preactivationGradient[j] = dz;
                        if (bias >= 0)
                        {
                            g[bias + j] += dz;
                        }
                    }

                    Accumulate(input.Slice(s * inputs, inputs), kernel, p, g, InputGradientRow(inputGradient, s));
                }

                return;
            }

            Array.Clear(stateGradient);
            if (!layer.OutputIsSequence)
            {
                OutputGradient.AsSpan(0, units).CopyTo(stateGradient);
            }

            for (int t = steps; t >= 1; t--)
            {
                if (layer.OutputIsSequence)
                {
                    for (int j = 0; j < units; j++)
                    {
                        stateGradient[j] += OutputGradient[(t - 1) * units + j];
                    }
                }

                for (int j = 0; j < units; j++)
                {
                    float da = stateGradient[j] * Derivative(Activation, states[t * units + j]);
                    preactivationGradient[j] = da;
                    if (bias >= 0)
                    {
                        g[bias + j] += da;
                    }
                }

                int row = InputRow(t);
                Accumulate(input.Slice(row * inputs, inputs), kernel, p, g, InputGradientRow(inputGradient, row));
                Accumulate(states.AsSpan((t - 1) * units, units), recurrentKernel, p, g, previousStateGradient);
                previousStateGradient.CopyTo(stateGradient, 0);
            }
        }

        // dW += x ⊗ dz and dx = dz·Wᵀ, for W [x.Length, U] at offset w (dx skipped when empty).
        private void Accumulate(ReadOnlySpan<float> x, int w, float[] p, float[] g, Span<float> dx)
        {
            for (int i = 0; i < x.Length; i++)
            {
                float sum = 0f;
                for (int j = 0; j < units; j++)
                {
                    g[w + i * units + j] += x[i] * preactivationGradient[j];
                    sum += p[w + i * units + j] * preactivationGradient[j];
                }

                if (!dx.IsEmpty)
                {
                    dx[i] = sum;
                }
            }
        }

        private Span<float> InputGradientRow(Span<float> inputGradient, int row) =>
            inputGradient.IsEmpty ? inputGradient : inputGradient.Slice(row * inputs, inputs);

        private int InputRow(int t) => layer.Settings.GoBackwards ? steps - t : t - 1;
    }

    private static float Activate(Activation activation, float x) => activation switch
    {
        Activation.Tanh => MathF.Tanh(x),
        Activation.Sigmoid => 1f / (1f + MathF.Exp(-x)),
        Activation.Relu => x > 0f ? x : (float.IsNaN(x) ? x : 0f),
        _ => x,
    };

    // Derivatives in terms of the activation's output y, which the forward pass kept.
    private static float Derivative(Activation activation, float y) => activation switch
    {
        Activation.Tanh => 1f - y * y,
        Activation.Sigmoid => y * (1f - y),
        Activation.Relu => y > 0f ? 1f : 0f,
        _ => 1f,
    };
}
