using System.Globalization;
using System.Numerics.Tensors;

namespace RnnGen.Training;

/// <summary>
/// What every optimizer shares: the learning rate, the step count, and Keras' gradient clipping
/// (<c>clipnorm</c>, <c>global_clipnorm</c>, <c>clipvalue</c>; at most one of them, as in Keras).
/// </summary>
/// <remarks>
/// Clipping never writes to the caller's gradients: it becomes a scale factor per variable
/// (norm clipping) or a clamp per element (value clipping) applied inside the update loop.
/// </remarks>
public abstract class Optimizer : IOptimizer
{
    private readonly float? _clipNorm;
    private readonly float? _globalClipNorm;
    private readonly float? _clipValue;
    private int _parameterCount = -1;

    /// <summary>Creates an optimizer with the given learning rate.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="learningRate"/> is negative or not finite.</exception>
    protected Optimizer(float learningRate)
    {
        LearningRate = learningRate;
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or not finite.</exception>
    public float LearningRate
    {
        get;
        set
        {
            RequireFiniteNonNegative(value, nameof(LearningRate));
            field = value;
        }
    }

    /// <inheritdoc/>
    public long Iterations { get; private set; }

    /// <summary>
    /// Keras <c>clipnorm</c>: each variable's gradient is scaled by <c>c / max(‖g‖₂, c)</c>, so its
    /// L2 norm is at most <c>c</c>. Null (the default): off.
    /// </summary>
    /// <exception cref="ArgumentException">Not positive and finite, or another clipping option is set.</exception>
    public float? ClipNorm
    {
        get => _clipNorm;
        init => _clipNorm = CheckClipping(value, nameof(ClipNorm));
    }

    /// <summary>
    /// Keras <c>global_clipnorm</c>: all gradients are scaled by <c>c / max(‖g‖₂, c)</c> with the norm
    /// taken over every variable at once. Null (the default): off.
    /// </summary>
    /// <exception cref="ArgumentException">Not positive and finite, or another clipping option is set.</exception>
    public float? GlobalClipNorm
    {
        get => _globalClipNorm;
        init => _globalClipNorm = CheckClipping(value, nameof(GlobalClipNorm));
    }

    /// <summary>Keras <c>clipvalue</c>: each gradient element is clamped to <c>[-c, c]</c>. Null (the default): off.</summary>
    /// <exception cref="ArgumentException">Not positive and finite, or another clipping option is set.</exception>
    public float? ClipValue
    {
        get => _clipValue;
        init => _clipValue = CheckClipping(value, nameof(ClipValue));
    }

    /// <inheritdoc/>
    public void Step(Span<float> parameters, ReadOnlySpan<float> gradients) => Step(parameters, gradients, []);

    /// <inheritdoc/>
    public void Step(Span<float> parameters, ReadOnlySpan<float> gradients, ReadOnlySpan<int> variableLengths)
    {
        RequireLengths(parameters, gradients, variableLengths);
        if (_parameterCount != parameters.Length)
        {
            CreateState(parameters.Length);
            _parameterCount = parameters.Length;
        }

        Iterations++;
        BeginStep(Iterations);

        float globalScale = _globalClipNorm is float g ? NormClipScale(TensorPrimitives.Norm(gradients), g) : 1f;
        float clipValue = _clipValue ?? float.PositiveInfinity;
        if (variableLengths.IsEmpty)
        {
            Update(0, parameters, gradients, _clipNorm is float c ? NormClipScale(TensorPrimitives.Norm(gradients), c) : globalScale, clipValue);
            return;
        }

        int offset = 0;
        foreach (int length in variableLengths)
        {
            ReadOnlySpan<float> variableGradients = gradients.Slice(offset, length);
            float scale = _clipNorm is float c ? NormClipScale(TensorPrimitives.Norm(variableGradients), c) : globalScale;
            Update(offset, parameters.Slice(offset, length), variableGradients, scale, clipValue);
            offset += length;
        }
    }

    /// <inheritdoc/>
    public virtual void Reset()
    {
        Iterations = 0;
        _parameterCount = -1;
    }

    /// <summary>Allocates per-parameter state for <paramref name="parameterCount"/> parameters, zeroed (first step, or after the length changed by <see cref="Reset"/>).</summary>
    protected abstract void CreateState(int parameterCount);

    /// <summary>Called once per step before any <see cref="Update"/>, with the 1-based step number <c>t</c>.</summary>
    protected virtual void BeginStep(long iteration)
    {
    }

    /// <summary>
    /// Updates one variable. The gradient to use for element <c>i</c> is
    /// <c>Math.Clamp(gradients[i] * gradientScale, -clipValue, clipValue)</c>.
    /// </summary>
    /// <param name="offset">Where the variable starts in the whole parameter buffer (index into the state).</param>
    /// <param name="parameters">The variable's parameters.</param>
    /// <param name="gradients">The variable's raw gradients.</param>
    /// <param name="gradientScale">The norm-clipping factor, 1 when off.</param>
    /// <param name="clipValue">The value-clipping bound, +∞ when off.</param>
    protected abstract void Update(int offset, Span<float> parameters, ReadOnlySpan<float> gradients, float gradientScale, float clipValue);

    // Keras _clip_by_norm / clip_by_global_norm: g * c / max(‖g‖, c); a NaN or infinite norm gives NaN.
    private static float NormClipScale(float norm, float clipNorm) =>
        float.IsFinite(norm) ? clipNorm / MathF.Max(norm, clipNorm) : float.NaN;

    private float? CheckClipping(float? value, string name)
    {
        if (value is not float v)
        {
            return null;
        }

        if (!(v > 0f) || !float.IsFinite(v))
        {
            throw OutOfRange.Of(name, v, $"{name} must be positive and finite");
        }

        int alreadySet = (_clipNorm.HasValue ? 1 : 0) + (_globalClipNorm.HasValue ? 1 : 0) + (_clipValue.HasValue ? 1 : 0);
        if (alreadySet > 0)
        {
            throw new ArgumentException("Only one of ClipNorm, GlobalClipNorm and ClipValue can be set (as in Keras).", name);
        }

        return v;
    }

    private void RequireLengths(Span<float> parameters, ReadOnlySpan<float> gradients, ReadOnlySpan<int> variableLengths)
    {
        if (gradients.Length != parameters.Length)
        {
            throw new ArgumentException(
                $"Expected {parameters.Length} gradients (one per parameter), but the span has {gradients.Length}.", nameof(gradients));
        }

        if (_parameterCount >= 0 && _parameterCount != parameters.Length)
        {
            throw new ArgumentException(
                $"This optimizer holds state for {_parameterCount} parameters, but {parameters.Length} were given; call Reset() to reuse it for another buffer.",
                nameof(parameters));
        }

        if (variableLengths.IsEmpty)
        {
            return;
        }

        long sum = 0;
        foreach (int length in variableLengths)
        {
            if (length < 0)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Variable lengths must not be negative, but one is {length}."), nameof(variableLengths));
            }

            sum += length;
        }

        if (sum != parameters.Length)
        {
            throw new ArgumentException(
                $"Expected variable lengths adding up to {parameters.Length} parameters, but they add up to {sum}.", nameof(variableLengths));
        }
    }

    /// <summary>Throws unless <paramref name="value"/> is finite and at least zero.</summary>
    private protected static void RequireFiniteNonNegative(float value, string name)
    {
        if (!(value >= 0f) || !float.IsFinite(value))
        {
            throw OutOfRange.Of(name, value, $"{name} must be finite and not negative");
        }
    }
}
