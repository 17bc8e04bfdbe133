namespace RnnGen.Training;

/// <summary>
/// Adam with Keras' defaults and Keras' update rule exactly (<c>keras.optimizers.Adam</c>, without
/// amsgrad or weight decay).
/// </summary>
/// <remarks>
/// Keras adds <c>epsilon</c> to <c>√v</c> and folds the bias corrections into the step size. PyTorch's
/// <c>torch.optim.Adam</c> adds it to the bias-corrected <c>√v̂ = √v / √(1 - β₂ᵗ)</c> instead, which is the
/// same as Keras with <c>epsilon_keras = epsilon_torch · √(1 - β₂ᵗ)</c>: the two differ in the first
/// steps and wherever <c>√v</c> is comparable to epsilon. Keras' default epsilon is 1e-7, PyTorch's 1e-8.
/// </remarks>
public sealed class Adam : Optimizer
{
    private readonly float _beta1;
    private readonly float _beta2;
    private readonly float _epsilon;
    private float[] _m = [];
    private float[] _v = [];
    private float _stepSize;

    /// <summary>Creates Adam with Keras' default hyper-parameters.</summary>
    /// <param name="learningRate">Keras <c>learning_rate</c>, at least 0.</param>
    /// <param name="beta1">Decay of the first moment, in [0, 1).</param>
    /// <param name="beta2">Decay of the second moment, in [0, 1).</param>
    /// <param name="epsilon">Added to <c>√v</c> (not to the bias-corrected <c>√v̂</c>, see remarks), positive.</param>
    /// <exception cref="ArgumentOutOfRangeException">A hyper-parameter is outside the range given.</exception>
    public Adam(float learningRate = 0.001f, float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-7f)
        : base(learningRate)
    {
        RequireBeta(beta1, nameof(beta1));
        RequireBeta(beta2, nameof(beta2));
        if (!(epsilon > 0f) || !float.IsFinite(epsilon))
        {
            throw OutOfRange.Of(nameof(epsilon), epsilon, "epsilon must be positive and finite");
        }

        _beta1 = beta1;
        _beta2 = beta2;
        _epsilon = epsilon;
    }

    /// <summary>Decay of the first moment (Keras <c>beta_1</c>).</summary>
    public float Beta1 => _beta1;

    /// <summary>Decay of the second moment (Keras <c>beta_2</c>).</summary>
    public float Beta2 => _beta2;

    /// <summary>Added to <c>√v</c> (Keras <c>epsilon</c>).</summary>
    public float Epsilon => _epsilon;

    /// <inheritdoc/>
    protected override void CreateState(int parameterCount)
    {
        _m = new float[parameterCount];
        _v = new float[parameterCount];
    }

    /// <inheritdoc/>
    protected override void BeginStep(long iteration)
    {
        // lr_t = lr * sqrt(1 - beta2^t) / (1 - beta1^t)   (bias corrections, computed in float64)
        _stepSize = (float)(LearningRate * Math.Sqrt(1.0 - Math.Pow(_beta2, iteration)) / (1.0 - Math.Pow(_beta1, iteration)));
    }

    /// <inheritdoc/>
    protected override void Update(int offset, Span<float> parameters, ReadOnlySpan<float> gradients, float gradientScale, float clipValue)
    {
        Span<float> m = _m.AsSpan(offset, parameters.Length);
        Span<float> v = _v.AsSpan(offset, parameters.Length);
        float oneMinusBeta1 = 1f - _beta1;
        float oneMinusBeta2 = 1f - _beta2;
        float stepSize = _stepSize;
        float epsilon = _epsilon;

        // Keras:
        //   m += (g - m) * (1 - beta1)
        //   v += (g^2 - v) * (1 - beta2)
        //   p -= lr_t * m / (sqrt(v) + epsilon)
        for (int i = 0; i < parameters.Length; i++)
        {
            float g = Math.Clamp(gradients[i] * gradientScale, -clipValue, clipValue);
            m[i] += (g - m[i]) * oneMinusBeta1;
            v[i] += (g * g - v[i]) * oneMinusBeta2;
            parameters[i] -= stepSize * m[i] / (MathF.Sqrt(v[i]) + epsilon);
        }
    }

    private static void RequireBeta(float beta, string name)
    {
        if (!(beta >= 0f && beta < 1f))
        {
            throw OutOfRange.Of(name, beta, $"{name} must lie in [0, 1)");
        }
    }
}
