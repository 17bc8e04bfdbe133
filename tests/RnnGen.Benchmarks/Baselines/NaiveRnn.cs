namespace RnnGen.Benchmarks.Baselines;

/// <summary>
/// The baseline: SimpleRNN + Dense written the way a developer writes it without a generator.
/// Sizes are read at run time, weights live in <c>float[]</c>, every product is a plain loop in the
/// order the formula reads (<c>z_j = Σ_i h_i · RecurrentKernel[i, j]</c>), tanh is <see cref="MathF.Tanh"/>.
/// Scratch is allocated once in the constructor, as any careful developer would.
/// </summary>
/// <remarks>
/// Same parameter layout and maths as the generated models (DESIGN.md, "Numerics"), including
/// return_sequences; not stateful (every call starts from zeros), which is all the benchmarks need.
/// </remarks>
public sealed class NaiveRnn
{
    private readonly RnnShape shape;
    private readonly int timeSteps;
    private readonly int features;
    private readonly int hiddenUnits;
    private readonly int denseUnits;

    // Offsets of each tensor in Parameters / Gradients (Keras get_weights() order).
    private readonly int kernelOffset;
    private readonly int recurrentKernelOffset;
    private readonly int biasOffset;
    private readonly int denseKernelOffset;
    private readonly int denseBiasOffset;

    // hiddenStates[t * H + j] holds h_t (t = 0 is the zero initial state), kept for BPTT.
    private readonly float[] hiddenStates;
    private readonly float[] outputGradient;
    private readonly float[] hiddenGradient;
    private readonly float[] previousHiddenGradient;
    private readonly float[] preActivationGradient;

    /// <summary>Creates a zero-weight model of <paramref name="shape"/>; copy weights into <see cref="Parameters"/>.</summary>
    public NaiveRnn(RnnShape shape)
    {
        if (shape.Stateful)
        {
            throw new ArgumentException("The naive baseline models stateless networks only.", nameof(shape));
        }

        this.shape = shape;
        timeSteps = shape.TimeSteps;
        features = shape.Features;
        hiddenUnits = shape.HiddenUnits;
        denseUnits = shape.DenseUnits;

        kernelOffset = 0;
        recurrentKernelOffset = kernelOffset + features * hiddenUnits;
        biasOffset = recurrentKernelOffset + hiddenUnits * hiddenUnits;
        denseKernelOffset = biasOffset + hiddenUnits;
        denseBiasOffset = denseKernelOffset + hiddenUnits * denseUnits;

        Parameters = new float[shape.ParameterCount];
        Gradients = new float[shape.ParameterCount];
        hiddenStates = new float[(timeSteps + 1) * hiddenUnits];
        outputGradient = new float[shape.OutputLength];
        hiddenGradient = new float[hiddenUnits];
        previousHiddenGradient = new float[hiddenUnits];
        preActivationGradient = new float[hiddenUnits];
    }

    /// <summary>The shape this instance was sized for.</summary>
    public RnnShape Shape => shape;

    /// <summary>All weights, same layout as a generated model's <c>Parameters</c>.</summary>
    public float[] Parameters { get; }

    /// <summary>d(loss)/d(Parameters), same layout; <see cref="Backward"/> adds into it.</summary>
    public float[] Gradients { get; }

    /// <summary>Sets every gradient to zero.</summary>
    public void ClearGradients() => Array.Clear(Gradients);

    /// <summary>Runs one sequence: <paramref name="input"/> is <c>[t * F + f]</c>, <paramref name="output"/> has OutputLength floats.</summary>
    public void Predict(ReadOnlySpan<float> input, Span<float> output)
    {
        RunRecurrence(input);
        ApplyDenseLayer(output);
    }

    /// <summary>Runs <c>inputs.Length / InputLength</c> sequences one after another.</summary>
    public void PredictBatch(ReadOnlySpan<float> inputs, Span<float> outputs)
    {
        int inputLength = shape.InputLength;
        int outputLength = shape.OutputLength;
        int sequences = inputs.Length / inputLength;
        for (int s = 0; s < sequences; s++)
        {
            Predict(inputs.Slice(s * inputLength, inputLength), outputs.Slice(s * outputLength, outputLength));
        }
    }

    /// <summary>Forward, then BPTT: returns the mean squared error and adds its gradient into <see cref="Gradients"/>.</summary>
    public float Backward(ReadOnlySpan<float> input, ReadOnlySpan<float> target)
    {
        RunRecurrence(input);
        Span<float> output = outputGradient;
        ApplyDenseLayer(output);

        // loss = mean (y - target)²; d loss / d y = 2 (y - target) / OutputLength, then through act_d.
        int outputLength = shape.OutputLength;
        float loss = 0f;
        for (int o = 0; o < outputLength; o++)
        {
            float error = output[o] - target[o];
            loss += error * error;
            output[o] = 2f * error / outputLength * ActivationDerivative(shape.DenseActivation, output[o]);
        }

        Array.Clear(hiddenGradient);
        if (!shape.ReturnSequences)
        {
            AccumulateDenseGradients(timeSteps, outputGradient.AsSpan(0, denseUnits));
        }

        for (int t = timeSteps; t >= 1; t--)
        {
            if (shape.ReturnSequences)
            {
                AccumulateDenseGradients(t, outputGradient.AsSpan((t - 1) * denseUnits, denseUnits));
            }

            BackpropagateStep(input, t);
        }

        return loss / outputLength;
    }

    // h_t = act_h(x_t·Kernel + h_{t-1}·RecurrentKernel + Bias) for t = 1..T, from h_0 = 0.
    private void RunRecurrence(ReadOnlySpan<float> input)
    {
        float[] p = Parameters;
        for (int t = 1; t <= timeSteps; t++)
        {
            int inputRow = (t - 1) * features;
            int previous = (t - 1) * hiddenUnits;
            int current = t * hiddenUnits;
            for (int j = 0; j < hiddenUnits; j++)
            {
                float z = p[biasOffset + j];
                for (int f = 0; f < features; f++)
                {
                    z += input[inputRow + f] * p[kernelOffset + f * hiddenUnits + j];
                }

                for (int i = 0; i < hiddenUnits; i++)
                {
                    z += hiddenStates[previous + i] * p[recurrentKernelOffset + i * hiddenUnits + j];
                }

                hiddenStates[current + j] = Activate(shape.HiddenActivation, z);
            }
        }
    }

    // y = act_d(h_T·DenseKernel + DenseBias), or at every step with return_sequences.
    private void ApplyDenseLayer(Span<float> output)
    {
        float[] p = Parameters;
        int firstStep = shape.ReturnSequences ? 1 : timeSteps;
        for (int t = firstStep; t <= timeSteps; t++)
        {
            int state = t * hiddenUnits;
            int outputRow = (t - firstStep) * denseUnits;
            for (int d = 0; d < denseUnits; d++)
            {
                float z = p[denseBiasOffset + d];
                for (int i = 0; i < hiddenUnits; i++)
                {
                    z += hiddenStates[state + i] * p[denseKernelOffset + i * denseUnits + d];
                }

                output[outputRow + d] = Activate(shape.DenseActivation, z);
            }
        }
    }

    // Dense layer at step t: dDenseKernel += h_t ⊗ dz, dDenseBias += dz, dh_t += DenseKernel·dz.
    private void AccumulateDenseGradients(int t, ReadOnlySpan<float> denseGradient)
    {
        float[] p = Parameters;
        float[] g = Gradients;
        int state = t * hiddenUnits;
        for (int d = 0; d < denseUnits; d++)
        {
            g[denseBiasOffset + d] += denseGradient[d];
        }

        for (int i = 0; i < hiddenUnits; i++)
        {
            float sum = 0f;
            for (int d = 0; d < denseUnits; d++)
            {
                g[denseKernelOffset + i * denseUnits + d] += hiddenStates[state + i] * denseGradient[d];
                sum += p[denseKernelOffset + i * denseUnits + d] * denseGradient[d];
            }

            hiddenGradient[i] += sum;
        }
    }

    // One step back: dz = dh_t · act_h'(h_t); dKernel += x_t ⊗ dz; dRecurrentKernel += h_{t-1} ⊗ dz;
    // dBias += dz; dh_{t-1} = RecurrentKernel·dz.
    private void BackpropagateStep(ReadOnlySpan<float> input, int t)
    {
        float[] p = Parameters;
        float[] g = Gradients;
        int inputRow = (t - 1) * features;
        int previous = (t - 1) * hiddenUnits;
        int current = t * hiddenUnits;

        for (int j = 0; j < hiddenUnits; j++)
        {
            float dz = hiddenGradient[j] * ActivationDerivative(shape.HiddenActivation, hiddenStates[current + j]);
            preActivationGradient[j] = dz;
            g[biasOffset + j] += dz;
        }

        for (int f = 0; f < features; f++)
        {
            for (int j = 0; j < hiddenUnits; j++)
            {
                g[kernelOffset + f * hiddenUnits + j] += input[inputRow + f] * preActivationGradient[j];
            }
        }

        for (int i = 0; i < hiddenUnits; i++)
        {
            float sum = 0f;
            for (int j = 0; j < hiddenUnits; j++)
            {
                g[recurrentKernelOffset + i * hiddenUnits + j] += hiddenStates[previous + i] * preActivationGradient[j];
                sum += p[recurrentKernelOffset + i * hiddenUnits + j] * preActivationGradient[j];
            }

            previousHiddenGradient[i] = sum;
        }

        Array.Copy(previousHiddenGradient, hiddenGradient, hiddenUnits);
    }

    private static float Activate(Activation activation, float x) => activation switch
    {
        Activation.Tanh => MathF.Tanh(x),
        Activation.Sigmoid => 1f / (1f + MathF.Exp(-x)),
        Activation.Relu => x > 0f ? x : (float.IsNaN(x) ? x : 0f),
        _ => x,
    };

    // Derivatives in terms of the activation's output y, which the forward pass kept.
    private static float ActivationDerivative(Activation activation, float y) => activation switch
    {
        Activation.Tanh => 1f - y * y,
        Activation.Sigmoid => y * (1f - y),
        Activation.Relu => y > 0f ? 1f : 0f,
        _ => 1f,
    };
}
