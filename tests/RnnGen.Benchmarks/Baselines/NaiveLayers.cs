namespace RnnGen.Benchmarks.Baselines;

/// <summary>
/// One layer of <see cref="NaiveSequential"/>: its sizes, weight offsets and buffers, and the maths of
/// its kind written as plain loops in the order the formula reads.
/// </summary>
internal abstract class NaiveLayer
{
    protected NaiveLayer(LayerLayout layer, int timeSteps)
    {
        Layer = layer;
        Steps = layer.InputIsSequence ? timeSteps : 1;
        Inputs = layer.InputSize;
        Units = layer.Units;
        Kernel = layer.Weights[0].Offset;
        Bias = layer.Settings.UseBias ? layer.Weights[^1].Offset : -1;
        int outputSteps = layer.OutputIsSequence ? timeSteps : 1;
        Output = new float[outputSteps * Units];
        OutputGradient = new float[outputSteps * Units];
    }

    /// <summary>The layer's outputs of the last Forward: one row of Units per output step.</summary>
    public float[] Output { get; }

    /// <summary>d loss / d Output, filled by the layer above (or the loss) before Backward.</summary>
    public float[] OutputGradient { get; }

    protected LayerLayout Layer { get; }

    /// <summary>Steps of the layer's input: T, or 1 for a Dense layer fed one vector.</summary>
    protected int Steps { get; }

    protected int Inputs { get; }

    protected int Units { get; }

    /// <summary>Offset of the kernel <c>[Inputs, G·Units]</c> in Parameters.</summary>
    protected int Kernel { get; }

    /// <summary>Offset of the bias in Parameters, or -1 without use_bias.</summary>
    protected int Bias { get; }

    protected Activation Activation => Layer.Settings.Activation;

    protected Activation RecurrentActivation => Layer.Settings.RecurrentActivation;

    public static NaiveLayer For(LayerLayout layer, int timeSteps) => layer.Kind switch
    {
        LayerKind.Dense => new NaiveDense(layer, timeSteps),
        LayerKind.SimpleRnn => new NaiveSimpleRnn(layer, timeSteps),
        LayerKind.Lstm => new NaiveLstm(layer, timeSteps),
        LayerKind.Gru => new NaiveGru(layer, timeSteps),
        _ => throw new ArgumentException($"The naive baseline has no {layer.Kind} layer.", nameof(layer)),
    };

    public abstract void Forward(ReadOnlySpan<float> input, float[] p);

    /// <summary>Adds d loss / d weights into <paramref name="g"/> and writes d loss / d input (unless it is empty).</summary>
    public abstract void Backward(ReadOnlySpan<float> input, float[] p, float[] g, Span<float> inputGradient);

    /// <summary>One streaming step: <paramref name="x"/> starts with this step's Inputs floats; returns the layer's Units outputs for the step.</summary>
    public abstract ReadOnlySpan<float> Step(ReadOnlySpan<float> x, float[] p);

    /// <summary>Sets the state <see cref="Step"/> carries from call to call to zeros (a Dense layer has none).</summary>
    public virtual void ResetState()
    {
    }

    /// <summary>The input step processed at step t = 1..Steps: t - 1, or Steps - t going backwards.</summary>
    protected int InputRow(int t) => Layer.Settings.GoBackwards ? Steps - t : t - 1;

    protected Span<float> InputGradientRow(Span<float> inputGradient, int row) =>
        inputGradient.IsEmpty ? inputGradient : inputGradient.Slice(row * Inputs, Inputs);

    /// <summary><c>z[j] += Σ_i x[i] · W[i, column + j]</c> for W <c>[x.Length, width]</c> at <paramref name="w"/>.</summary>
    protected static void AddProduct(ReadOnlySpan<float> x, float[] p, int w, int width, int column, Span<float> z)
    {
        for (int j = 0; j < z.Length; j++)
        {
            float sum = z[j];
            for (int i = 0; i < x.Length; i++)
            {
                sum += x[i] * p[w + i * width + column + j];
            }

            z[j] = sum;
        }
    }

    /// <summary>
    /// For W <c>[x.Length, width]</c> at <paramref name="w"/> and dz of width columns from <paramref name="column"/>:
    /// <c>dW += x ⊗ dz</c>, and <c>dx += dz·Wᵀ</c> (skipped when dx is empty).
    /// </summary>
    protected static void AddGradients(ReadOnlySpan<float> x, ReadOnlySpan<float> dz, float[] p, float[] g, int w, int width, int column, Span<float> dx)
    {
        for (int i = 0; i < x.Length; i++)
        {
            float sum = 0f;
            for (int j = 0; j < dz.Length; j++)
            {
                g[w + i * width + column + j] += x[i] * dz[j];
                sum += p[w + i * width + column + j] * dz[j];
            }

            if (!dx.IsEmpty)
            {
                dx[i] += sum;
            }
        }
    }

    protected void AddBiasGradient(float[] g, int row, ReadOnlySpan<float> dz)
    {
        if (Bias >= 0)
        {
            for (int j = 0; j < dz.Length; j++)
            {
                g[Bias + row + j] += dz[j];
            }
        }
    }

    protected float BiasAt(float[] p, int index) => Bias < 0 ? 0f : p[Bias + index];

    public static float Activate(Activation activation, float x) => activation switch
    {
        Activation.Tanh => MathF.Tanh(x),
        Activation.Sigmoid => 1f / (1f + MathF.Exp(-x)),
        Activation.Relu => x > 0f ? x : (float.IsNaN(x) ? x : 0f),
        Activation.Linear => x,
        _ => throw new NotSupportedException($"The naive baseline has no {activation} activation."),
    };

    /// <summary>The derivative in terms of the activation's output y, which the forward pass kept.</summary>
    public static float Derivative(Activation activation, float y) => activation switch
    {
        Activation.Tanh => 1f - y * y,
        Activation.Sigmoid => y * (1f - y),
        Activation.Relu => y > 0f ? 1f : 0f,
        _ => 1f,
    };
}

/// <summary>Keras Dense, per step of a sequence: <c>y = act(x·kernel + bias)</c>.</summary>
internal sealed class NaiveDense(LayerLayout layer, int timeSteps) : NaiveLayer(layer, timeSteps)
{
    private readonly float[] _dz = new float[layer.Units];

    public override void Forward(ReadOnlySpan<float> input, float[] p)
    {
        for (int s = 0; s < Steps; s++)
        {
            Apply(input.Slice(s * Inputs, Inputs), p, Output.AsSpan(s * Units, Units));
        }
    }

    public override ReadOnlySpan<float> Step(ReadOnlySpan<float> x, float[] p)
    {
        Span<float> y = Output.AsSpan(0, Units);
        Apply(x[..Inputs], p, y);
        return y;
    }

    public override void Backward(ReadOnlySpan<float> input, float[] p, float[] g, Span<float> inputGradient)
    {
        inputGradient.Clear();
        for (int s = 0; s < Steps; s++)
        {
            for (int j = 0; j < Units; j++)
            {
                _dz[j] = OutputGradient[s * Units + j] * Derivative(Activation, Output[s * Units + j]);
            }

            AddBiasGradient(g, 0, _dz);
            AddGradients(input.Slice(s * Inputs, Inputs), _dz, p, g, Kernel, Units, 0, InputGradientRow(inputGradient, s));
        }
    }

    // y = act(x·kernel + bias) for one row x.
    private void Apply(ReadOnlySpan<float> x, float[] p, Span<float> y)
    {
        for (int j = 0; j < Units; j++)
        {
            y[j] = BiasAt(p, j);
        }

        AddProduct(x, p, Kernel, Units, 0, y);
        for (int j = 0; j < Units; j++)
        {
            y[j] = Activate(Activation, y[j]);
        }
    }
}

/// <summary>
/// What every recurrent layer shares: the state of every step kept for BPTT (t = 0 the initial state,
/// zeros for Forward), outputs in processing order, d loss / d h_t gathered from the outputs, and the
/// state a streaming <see cref="Step"/> carries to the next call.
/// </summary>
internal abstract class NaiveRecurrent : NaiveLayer
{
    // The state Step carries between calls, laid out as this layer's part of a generated model's State: [h] ([h, c] for LSTM).
    private readonly float[] _carried;

    protected NaiveRecurrent(LayerLayout layer, int timeSteps, int blocks)
        : base(layer, timeSteps)
    {
        Blocks = blocks;
        RecurrentKernel = layer.Weights[1].Offset;
        _carried = new float[layer.StateLength];
        States = new float[layer.StateLength / Units][];
        for (int k = 0; k < States.Length; k++)
        {
            States[k] = new float[(timeSteps + 1) * Units];
        }

        H = States[0];
        StateGradient = new float[Units];
        PreviousStateGradient = new float[Units];
    }

    protected int Blocks { get; }

    protected int Width => Blocks * Units;

    protected int RecurrentKernel { get; }

    /// <summary>Each state vector of every step, <c>[t * U + j]</c>: h (and LSTM's c), in the order of <see cref="LayerLayout.StateLength"/>.</summary>
    protected float[][] States { get; }

    /// <summary><c>H[t * U + j]</c>: h_t.</summary>
    protected float[] H { get; }

    protected float[] StateGradient { get; }

    protected float[] PreviousStateGradient { get; }

    public sealed override void Forward(ReadOnlySpan<float> input, float[] p)
    {
        // Every sequence starts from zeros (Step may have left its state in step 0).
        foreach (float[] state in States)
        {
            Array.Clear(state, 0, Units);
        }

        for (int t = 1; t <= Steps; t++)
        {
            StepForward(t, input.Slice(InputRow(t) * Inputs, Inputs), p);
        }

        int first = Layer.OutputIsSequence ? 1 : Steps;
        H.AsSpan(first * Units, Output.Length).CopyTo(Output);
    }

    /// <summary>The carried state in as step 0, <see cref="StepForward"/> to step 1, step 1 carried out to the next call.</summary>
    public sealed override ReadOnlySpan<float> Step(ReadOnlySpan<float> x, float[] p)
    {
        for (int k = 0; k < States.Length; k++)
        {
            _carried.AsSpan(k * Units, Units).CopyTo(States[k]);
        }

        StepForward(1, x[..Inputs], p);
        for (int k = 0; k < States.Length; k++)
        {
            States[k].AsSpan(Units, Units).CopyTo(_carried.AsSpan(k * Units, Units));
        }

        return H.AsSpan(Units, Units);
    }

    public sealed override void ResetState() => Array.Clear(_carried);

    public sealed override void Backward(ReadOnlySpan<float> input, float[] p, float[] g, Span<float> inputGradient)
    {
        inputGradient.Clear();
        Array.Clear(StateGradient);
        BeginBackward();
        if (!Layer.OutputIsSequence)
        {
            OutputGradient.AsSpan(0, Units).CopyTo(StateGradient);
        }

        for (int t = Steps; t >= 1; t--)
        {
            if (Layer.OutputIsSequence)
            {
                for (int j = 0; j < Units; j++)
                {
                    StateGradient[j] += OutputGradient[(t - 1) * Units + j];
                }
            }

            int row = InputRow(t);
            Array.Clear(PreviousStateGradient);
            StepBackward(t, input.Slice(row * Inputs, Inputs), p, g, InputGradientRow(inputGradient, row));
            PreviousStateGradient.CopyTo(StateGradient, 0);
        }
    }

    /// <summary>h_t (and whatever else the cell keeps) from x and h_{t-1}.</summary>
    protected abstract void StepForward(int t, ReadOnlySpan<float> x, float[] p);

    /// <summary>From d loss / d h_t (StateGradient) to the weight gradients, dx, and d loss / d h_{t-1} (added into PreviousStateGradient).</summary>
    protected abstract void StepBackward(int t, ReadOnlySpan<float> x, float[] p, float[] g, Span<float> dx);

    /// <summary><c>z = bias + x·kernel + h_{t-1}·recurrent_kernel</c>, all Width columns.</summary>
    protected void Preactivate(int t, ReadOnlySpan<float> x, float[] p, Span<float> z)
    {
        for (int k = 0; k < Width; k++)
        {
            z[k] = BiasAt(p, k);
        }

        AddProduct(x, p, Kernel, Width, 0, z);
        AddProduct(H.AsSpan((t - 1) * Units, Units), p, RecurrentKernel, Width, 0, z);
    }

    /// <summary>The gradients of <see cref="Preactivate"/> given dz: bias, kernel, recurrent kernel, dx and d h_{t-1}.</summary>
    protected void AddPreactivationGradients(int t, ReadOnlySpan<float> x, ReadOnlySpan<float> dz, float[] p, float[] g, Span<float> dx)
    {
        AddBiasGradient(g, 0, dz);
        AddGradients(x, dz, p, g, Kernel, Width, 0, dx);
        AddGradients(H.AsSpan((t - 1) * Units, Units), dz, p, g, RecurrentKernel, Width, 0, PreviousStateGradient);
    }

    /// <summary>Clears what the cell carries back besides d h (LSTM: d c).</summary>
    protected virtual void BeginBackward()
    {
    }
}

/// <summary>Keras SimpleRNN: <c>h_t = act(x·kernel + h_{t-1}·recurrent_kernel + bias)</c>.</summary>
internal sealed class NaiveSimpleRnn(LayerLayout layer, int timeSteps) : NaiveRecurrent(layer, timeSteps, blocks: 1)
{
    private readonly float[] _da = new float[layer.Units];

    protected override void StepForward(int t, ReadOnlySpan<float> x, float[] p)
    {
        Span<float> h = H.AsSpan(t * Units, Units);
        Preactivate(t, x, p, h);
        for (int j = 0; j < Units; j++)
        {
            h[j] = Activate(Activation, h[j]);
        }
    }

    protected override void StepBackward(int t, ReadOnlySpan<float> x, float[] p, float[] g, Span<float> dx)
    {
        for (int j = 0; j < Units; j++)
        {
            _da[j] = StateGradient[j] * Derivative(Activation, H[t * Units + j]);
        }

        AddPreactivationGradients(t, x, _da, p, g, dx);
    }
}

/// <summary>
/// Keras LSTM, blocks i, f, c, o of <c>z = x·kernel + h·recurrent_kernel + bias</c>:
/// <c>c_t = f ⊙ c_{t-1} + i ⊙ act(z_c)</c>, <c>h_t = o ⊙ act(c_t)</c>, with i, f, o the recurrent activation.
/// </summary>
internal sealed class NaiveLstm : NaiveRecurrent
{
    // Per step t = 1..T: the four activated blocks [i, f, g, o], c_t and act(c_t).
    private readonly float[] _gates;
    private readonly float[] _c;
    private readonly float[] _activatedC;
    private readonly float[] _dz;
    private readonly float[] _cellGradient;

    public NaiveLstm(LayerLayout layer, int timeSteps)
        : base(layer, timeSteps, blocks: 4)
    {
        _gates = new float[(timeSteps + 1) * Width];
        _c = States[1];
        _activatedC = new float[(timeSteps + 1) * Units];
        _dz = new float[Width];
        _cellGradient = new float[Units];
    }

    protected override void StepForward(int t, ReadOnlySpan<float> x, float[] p)
    {
        Span<float> z = _gates.AsSpan(t * Width, Width);
        Preactivate(t, x, p, z);
        for (int j = 0; j < Units; j++)
        {
            float i = Activate(RecurrentActivation, z[j]);
            float f = Activate(RecurrentActivation, z[Units + j]);
            float candidate = Activate(Activation, z[2 * Units + j]);
            float o = Activate(RecurrentActivation, z[3 * Units + j]);
            (z[j], z[Units + j], z[2 * Units + j], z[3 * Units + j]) = (i, f, candidate, o);
            float c = f * _c[(t - 1) * Units + j] + i * candidate;
            _c[t * Units + j] = c;
            _activatedC[t * Units + j] = Activate(Activation, c);
            H[t * Units + j] = o * _activatedC[t * Units + j];
        }
    }

    protected override void BeginBackward() => Array.Clear(_cellGradient);

    protected override void StepBackward(int t, ReadOnlySpan<float> x, float[] p, float[] g, Span<float> dx)
    {
        ReadOnlySpan<float> gates = _gates.AsSpan(t * Width, Width);
        for (int j = 0; j < Units; j++)
        {
            var (i, f, candidate, o) = (gates[j], gates[Units + j], gates[2 * Units + j], gates[3 * Units + j]);
            float dh = StateGradient[j];
            float tc = _activatedC[t * Units + j];
            float dc = _cellGradient[j] + dh * o * Derivative(Activation, tc);
            _dz[j] = dc * candidate * Derivative(RecurrentActivation, i);
            _dz[Units + j] = dc * _c[(t - 1) * Units + j] * Derivative(RecurrentActivation, f);
            _dz[2 * Units + j] = dc * i * Derivative(Activation, candidate);
            _dz[3 * Units + j] = dh * tc * Derivative(RecurrentActivation, o);
            _cellGradient[j] = dc * f;
        }

        AddPreactivationGradients(t, x, _dz, p, g, dx);
    }
}

/// <summary>
/// Keras GRU, blocks z, r, h: <c>h_t = z ⊙ h_{t-1} + (1 - z) ⊙ hh</c>. reset_after (bias rows: input, recurrent):
/// <c>hh = act(x·W_h + b0_h + r ⊙ (h·U_h + b1_h))</c>; without: <c>hh = act(x·W_h + b_h + (r ⊙ h)·U_h)</c>.
/// </summary>
internal sealed class NaiveGru : NaiveRecurrent
{
    private readonly bool _resetAfter;

    // Per step: the input projection x·W + b0 [3U], the recurrent projection h·U (+ b1) [3U] (without
    // reset_after only its z and r blocks), the activated z, r, hh, and r ⊙ h_{t-1} (without reset_after).
    private readonly float[] _input;
    private readonly float[] _recurrent;
    private readonly float[] _gates;
    private readonly float[] _resetState;
    private readonly float[] _dInput;
    private readonly float[] _dRecurrent;
    private readonly float[] _dResetState;

    public NaiveGru(LayerLayout layer, int timeSteps)
        : base(layer, timeSteps, blocks: 3)
    {
        _resetAfter = layer.Settings.ResetAfter;
        _input = new float[(timeSteps + 1) * Width];
        _recurrent = new float[(timeSteps + 1) * Width];
        _gates = new float[(timeSteps + 1) * Width];
        _resetState = new float[(timeSteps + 1) * Units];
        _dInput = new float[Width];
        _dRecurrent = new float[Width];
        _dResetState = new float[Units];
    }

    private int RecurrentBiasRow => _resetAfter ? Width : 0;

    protected override void StepForward(int t, ReadOnlySpan<float> x, float[] p)
    {
        Span<float> xw = _input.AsSpan(t * Width, Width);
        Span<float> hu = _recurrent.AsSpan(t * Width, Width);
        Span<float> gates = _gates.AsSpan(t * Width, Width);
        ReadOnlySpan<float> previous = H.AsSpan((t - 1) * Units, Units);
        for (int k = 0; k < Width; k++)
        {
            xw[k] = BiasAt(p, k);
            hu[k] = _resetAfter ? BiasAt(p, Width + k) : 0f;
        }

        AddProduct(x, p, Kernel, Width, 0, xw);
        AddProduct(previous, p, RecurrentKernel, Width, 0, _resetAfter ? hu : hu[..(2 * Units)]);
        for (int j = 0; j < Units; j++)
        {
            gates[j] = Activate(RecurrentActivation, xw[j] + hu[j]);
            gates[Units + j] = Activate(RecurrentActivation, xw[Units + j] + hu[Units + j]);
        }

        if (!_resetAfter)
        {
            // (r ⊙ h_{t-1})·U_h
            Span<float> rh = _resetState.AsSpan(t * Units, Units);
            for (int j = 0; j < Units; j++)
            {
                rh[j] = gates[Units + j] * previous[j];
            }

            AddProduct(rh, p, RecurrentKernel, Width, 2 * Units, hu.Slice(2 * Units, Units));
        }

        for (int j = 0; j < Units; j++)
        {
            float r = gates[Units + j];
            float candidate = Activate(Activation, xw[2 * Units + j] + (_resetAfter ? r * hu[2 * Units + j] : hu[2 * Units + j]));
            gates[2 * Units + j] = candidate;
            float z = gates[j];
            H[t * Units + j] = z * previous[j] + (1f - z) * candidate;
        }
    }

    protected override void StepBackward(int t, ReadOnlySpan<float> x, float[] p, float[] g, Span<float> dx)
    {
        ReadOnlySpan<float> gates = _gates.AsSpan(t * Width, Width);
        ReadOnlySpan<float> hu = _recurrent.AsSpan(t * Width, Width);
        ReadOnlySpan<float> previous = H.AsSpan((t - 1) * Units, Units);
        for (int j = 0; j < Units; j++)
        {
            var (z, r, candidate) = (gates[j], gates[Units + j], gates[2 * Units + j]);
            float dh = StateGradient[j];
            PreviousStateGradient[j] += dh * z;
            float dCandidate = dh * (1f - z) * Derivative(Activation, candidate);
            _dInput[j] = dh * (previous[j] - candidate) * Derivative(RecurrentActivation, z);
            _dInput[2 * Units + j] = dCandidate;
            if (_resetAfter)
            {
                _dInput[Units + j] = dCandidate * hu[2 * Units + j] * Derivative(RecurrentActivation, r);
                _dRecurrent[2 * Units + j] = dCandidate * r;
            }
        }

        if (!_resetAfter)
        {
            // Through (r ⊙ h_{t-1})·U_h: d(r ⊙ h) = dCandidate·U_hᵀ, then to r and to h_{t-1}.
            Array.Clear(_dResetState);
            AddGradients(_resetState.AsSpan(t * Units, Units), _dInput.AsSpan(2 * Units, Units), p, g, RecurrentKernel, Width, 2 * Units, _dResetState);
            for (int j = 0; j < Units; j++)
            {
                _dInput[Units + j] = _dResetState[j] * previous[j] * Derivative(RecurrentActivation, gates[Units + j]);
                PreviousStateGradient[j] += _dResetState[j] * gates[Units + j];
            }
        }

        // The z and r blocks reach the recurrent projection unchanged.
        _dInput.AsSpan(0, 2 * Units).CopyTo(_dRecurrent);
        AddBiasGradient(g, 0, _dInput);
        AddGradients(x, _dInput, p, g, Kernel, Width, 0, dx);
        if (_resetAfter)
        {
            AddBiasGradient(g, RecurrentBiasRow, _dRecurrent);
            AddGradients(previous, _dRecurrent, p, g, RecurrentKernel, Width, 0, PreviousStateGradient);
        }
        else
        {
            AddGradients(previous, _dRecurrent.AsSpan(0, 2 * Units), p, g, RecurrentKernel, Width, 0, PreviousStateGradient);
        }
    }
}
