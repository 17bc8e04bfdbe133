namespace RnnGen.Tests.Training;

/// <summary>
/// A plain, runtime-sized SimpleRNN + Dense (last step only, not stateful) implementing <see cref="IRnnModel"/>
/// with straightforward loops, so the runtime can be tested against any shape independently of the generator.
/// </summary>
internal sealed class RuntimeSizedRnn : IRnnModel
{
    private readonly float[] _parameters;
    private readonly float[] _gradients;
    private readonly float[] _state;
    private readonly float[] _hidden;   // [(T + 1) * H], row 0 = h_0 = 0
    private readonly float[] _output;
    private readonly float[] _dh;
    private readonly float[] _dhNext;
    private readonly int _t, _f, _h, _d;

    public RuntimeSizedRnn(int timeSteps, int features, int hiddenUnits, int denseUnits, Activation hidden = Activation.Tanh, Activation dense = Activation.Linear, int seed = 1)
    {
        Shape = new RnnShape(CellKind.SimpleRnn, timeSteps, features, hiddenUnits, denseUnits, hidden, dense, false, false);
        (_t, _f, _h, _d) = (timeSteps, features, hiddenUnits, denseUnits);
        _parameters = new float[Shape.ParameterCount];
        _gradients = new float[Shape.ParameterCount];
        _state = new float[hiddenUnits];
        _hidden = new float[(timeSteps + 1) * hiddenUnits];
        _output = new float[denseUnits];
        _dh = new float[hiddenUnits];
        _dhNext = new float[hiddenUnits];
        var random = new Random(seed);
        RnnGen.Training.KerasInitializers.GlorotUniform(Kernel, _f, _h, random);
        RnnGen.Training.KerasInitializers.Orthogonal(RecurrentKernel, _h, _h, random);
        RnnGen.Training.KerasInitializers.GlorotUniform(DenseKernel, _h, _d, random);
    }

    public RnnShape Shape { get; }

    private ModelLayout? _layout;

    public ModelLayout Layout => _layout ??= new(
        Shape.TimeSteps,
        Shape.Features,
        stateful: false,
        LayerSettings.SimpleRnn(Shape.HiddenUnits, Shape.HiddenActivation),
        LayerSettings.Dense(Shape.DenseUnits, Shape.DenseActivation));
    public int InputLength => _t * _f;
    public int OutputLength => _d;
    public int ParameterCount => _parameters.Length;
    public Span<float> Parameters => _parameters;
    public Span<float> Kernel => _parameters.AsSpan(0, _f * _h);
    public Span<float> RecurrentKernel => _parameters.AsSpan(_f * _h, _h * _h);
    public Span<float> Bias => _parameters.AsSpan(_f * _h + _h * _h, _h);
    public Span<float> DenseKernel => _parameters.AsSpan(_f * _h + _h * _h + _h, _h * _d);
    public Span<float> DenseBias => _parameters.AsSpan(_f * _h + _h * _h + _h + _h * _d, _d);
    public Span<float> Gradients => _gradients;
    public Span<float> State => _state;

    public void ClearGradients() => Array.Clear(_gradients);

    public void ResetStates() => Array.Clear(_state);

    public void Predict(ReadOnlySpan<float> input, Span<float> output)
    {
        if (input.Length != InputLength || output.Length != OutputLength)
        {
            throw new ArgumentException("wrong length");
        }

        Forward(input);
        _output.CopyTo(output);
    }

    public void PredictBatch(ReadOnlySpan<float> inputs, Span<float> outputs)
    {
        for (int i = 0; i < inputs.Length / InputLength; i++)
        {
            Predict(inputs.Slice(i * InputLength, InputLength), outputs.Slice(i * OutputLength, OutputLength));
        }
    }

    public void Step(ReadOnlySpan<float> input, Span<float> output) => throw new NotSupportedException();

    public float Backward(ReadOnlySpan<float> input, ReadOnlySpan<float> target)
    {
        Forward(input);
        Span<float> g = _gradients;
        int kernelAt = 0, recurrentAt = _f * _h, biasAt = recurrentAt + _h * _h, denseAt = biasAt + _h, denseBiasAt = denseAt + _h * _d;
        float loss = 0f;
        Array.Clear(_dh);
        ReadOnlySpan<float> last = _hidden.AsSpan(_t * _h, _h);
        for (int d = 0; d < _d; d++)
        {
            float error = _output[d] - target[d];
            loss += error * error;
            float dz = 2f * error / _d * Derivative(Shape.DenseActivation, _output[d]);
            g[denseBiasAt + d] += dz;
            for (int j = 0; j < _h; j++)
            {
                g[denseAt + j * _d + d] += last[j] * dz;
                _dh[j] += DenseKernel[j * _d + d] * dz;
            }
        }

        for (int t = _t; t >= 1; t--)
        {
            ReadOnlySpan<float> h = _hidden.AsSpan(t * _h, _h);
            ReadOnlySpan<float> previous = _hidden.AsSpan((t - 1) * _h, _h);
            Array.Clear(_dhNext);
            for (int j = 0; j < _h; j++)
            {
                float dz = _dh[j] * Derivative(Shape.HiddenActivation, h[j]);
                g[biasAt + j] += dz;
                for (int f = 0; f < _f; f++)
                {
                    g[kernelAt + f * _h + j] += input[(t - 1) * _f + f] * dz;
                }

                for (int i = 0; i < _h; i++)
                {
                    g[recurrentAt + i * _h + j] += previous[i] * dz;
                    _dhNext[i] += RecurrentKernel[i * _h + j] * dz;
                }
            }

            _dhNext.CopyTo(_dh, 0);
        }

        return loss / _d;
    }

    public string Summary() => Shape.ToString();

    private void Forward(ReadOnlySpan<float> input)
    {
        Array.Clear(_hidden, 0, _h);
        for (int t = 1; t <= _t; t++)
        {
            for (int j = 0; j < _h; j++)
            {
                float z = Bias[j];
                for (int f = 0; f < _f; f++)
                {
                    z += input[(t - 1) * _f + f] * Kernel[f * _h + j];
                }

                for (int i = 0; i < _h; i++)
                {
                    z += _hidden[(t - 1) * _h + i] * RecurrentKernel[i * _h + j];
                }

                _hidden[t * _h + j] = Activate(Shape.HiddenActivation, z);
            }
        }

        for (int d = 0; d < _d; d++)
        {
            float z = DenseBias[d];
            for (int j = 0; j < _h; j++)
            {
                z += _hidden[_t * _h + j] * DenseKernel[j * _d + d];
            }

            _output[d] = Activate(Shape.DenseActivation, z);
        }
    }

    private static float Activate(Activation activation, float z) => activation switch
    {
        Activation.Tanh => MathF.Tanh(z),
        Activation.Relu => MathF.Max(0f, z),
        Activation.Sigmoid => 1f / (1f + MathF.Exp(-z)),
        _ => z,
    };

    private static float Derivative(Activation activation, float y) => activation switch
    {
        Activation.Tanh => 1f - y * y,
        Activation.Relu => y > 0f ? 1f : 0f,
        Activation.Sigmoid => y * (1f - y),
        _ => 1f,
    };
}
