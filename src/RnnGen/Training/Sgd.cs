namespace RnnGen.Training;

/// <summary>
/// Stochastic gradient descent with optional momentum and Nesterov momentum, Keras semantics
/// (<c>keras.optimizers.SGD</c>).
/// </summary>
public sealed class Sgd : Optimizer
{
    private readonly float _momentum;
    private readonly bool _nesterov;
    private float[] _velocity = [];

    /// <summary>Creates SGD with Keras' defaults.</summary>
    /// <param name="learningRate">Keras <c>learning_rate</c>, at least 0 (default 0.01).</param>
    /// <param name="momentum">Keras <c>momentum</c>, in [0, 1]; 0 is plain gradient descent.</param>
    /// <param name="nesterov">Keras <c>nesterov</c>: apply Nesterov momentum.</param>
    /// <exception cref="ArgumentOutOfRangeException">A hyper-parameter is outside the range given.</exception>
    public Sgd(float learningRate = 0.01f, float momentum = 0f, bool nesterov = false)
        : base(learningRate)
    {
        if (!(momentum >= 0f && momentum <= 1f))
        {
            throw OutOfRange.Of(nameof(momentum), momentum, "momentum must lie in [0, 1]");
        }

        _momentum = momentum;
        _nesterov = nesterov;
    }

    /// <summary>Keras <c>momentum</c>.</summary>
    public float Momentum => _momentum;

    /// <summary>Keras <c>nesterov</c>.</summary>
    public bool Nesterov => _nesterov;

    /// <inheritdoc/>
    protected override void CreateState(int parameterCount) =>
        _velocity = _momentum != 0f ? new float[parameterCount] : [];

    /// <inheritdoc/>
    protected override void Update(int offset, Span<float> parameters, ReadOnlySpan<float> gradients, float gradientScale, float clipValue)
    {
        float lr = LearningRate;
        if (_momentum == 0f)
        {
            // Keras: p -= lr * g
            for (int i = 0; i < parameters.Length; i++)
            {
                parameters[i] -= lr * Math.Clamp(gradients[i] * gradientScale, -clipValue, clipValue);
            }

            return;
        }

        Span<float> velocity = _velocity.AsSpan(offset, parameters.Length);
        float momentum = _momentum;

        // Keras:
        //   m = momentum * m - lr * g
        //   p += m                          (plain)
        //   p += momentum * m - lr * g      (nesterov)
        for (int i = 0; i < parameters.Length; i++)
        {
            float g = Math.Clamp(gradients[i] * gradientScale, -clipValue, clipValue);
            velocity[i] = velocity[i] * momentum - g * lr;
            parameters[i] += _nesterov ? velocity[i] * momentum - g * lr : velocity[i];
        }
    }
}
