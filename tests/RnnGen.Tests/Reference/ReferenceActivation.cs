namespace RnnGen.Tests.Reference;

/// <summary>
/// An activation in float64 with Keras' exact definition, and its derivative. Converts implicitly
/// from the product's <see cref="RnnGen.Activation"/> (by name, so the values the product adds later
/// map without change) and from <see cref="KerasActivation"/>, which names every activation the
/// reference knows. The default value is linear.
/// </summary>
/// <param name="Kind">Which activation.</param>
internal readonly record struct ReferenceActivation(KerasActivation Kind)
{
    /// <summary>SELU's alpha and scale, as Keras (and TensorFlow, PyTorch) define them.</summary>
    public const double SeluAlpha = 1.6732632423543772848170429916717, SeluScale = 1.0507009873554804934193349852946;

    /// <summary>Every activation, in <see cref="KerasActivation"/> order.</summary>
    public static IReadOnlyList<ReferenceActivation> All { get; } =
        [.. Enum.GetValues<KerasActivation>().Select(kind => new ReferenceActivation(kind))];

    /// <summary>The reference's activation of the same name.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value the product's enum does not define.</exception>
    public static implicit operator ReferenceActivation(Activation activation) =>
        Enum.IsDefined(activation) && Enum.TryParse(activation.ToString(), out KerasActivation kind)
            ? new(kind)
            : throw new ArgumentOutOfRangeException(nameof(activation), activation, "The reference knows no activation of this name.");

    /// <summary>Wraps <paramref name="kind"/>.</summary>
    public static implicit operator ReferenceActivation(KerasActivation kind) => new(kind);

    /// <summary><paramref name="activation"/>'s a(x) (kept for callers written against the static class).</summary>
    public static double Apply(ReferenceActivation activation, double x) => activation.Apply(x);

    /// <summary><paramref name="activation"/>'s a'(x) (kept for callers written against the static class).</summary>
    public static double Derivative(ReferenceActivation activation, double x) => activation.Derivative(x);

    /// <summary>a(x), as <see cref="KerasActivation"/> defines each.</summary>
    public double Apply(double x) => Kind switch
    {
        KerasActivation.Linear => x,
        KerasActivation.Tanh => Math.Tanh(x),
        KerasActivation.Relu => x > 0 ? x : 0,
        KerasActivation.Sigmoid => Sigmoid(x),
        KerasActivation.HardSigmoid => Math.Clamp(x + 3, 0, 6) / 6,
        KerasActivation.HardSigmoidKeras2 => Math.Clamp(0.2 * x + 0.5, 0, 1),
        KerasActivation.Elu => x > 0 ? x : Math.Exp(x) - 1,
        KerasActivation.Selu => SeluScale * (x > 0 ? x : SeluAlpha * (Math.Exp(x) - 1)),

        // log(1 + e^x) = max(x, 0) + log(1 + e^-|x|), without overflow for large x.
        KerasActivation.Softplus => Math.Max(x, 0) + Math.Log(1 + Math.Exp(-Math.Abs(x))),
        KerasActivation.Softsign => x / (1 + Math.Abs(x)),
        KerasActivation.Swish => x * Sigmoid(x),
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "The reference has no formula for this activation."),
    };

    /// <summary>
    /// a'(x), taken at the pre-activation x (not at the output, so that activations whose derivative
    /// is no function of their output fit the same shape). At the kinks, as TensorFlow's gradients of
    /// Keras' definitions: relu'(0) = 0 (ReluGrad: x &gt; 0); Keras 3's hard_sigmoid, relu6(x + 3) / 6, has
    /// its slope only strictly inside (-3, 3) (Relu6Grad); Keras 2's, clip_by_value(0.2 x + 0.5, 0, 1),
    /// on the closed [-2.5, 2.5] (clip_by_value passes the gradient at its bounds); elu'(0) = 1 and
    /// selu'(0) = scale (EluGrad, SeluGrad: the negative branch only for outputs &lt; 0).
    /// </summary>
    public double Derivative(double x) => Kind switch
    {
        KerasActivation.Linear => 1,
        KerasActivation.Tanh => 1 - Math.Tanh(x) * Math.Tanh(x),
        KerasActivation.Relu => x > 0 ? 1 : 0,
        KerasActivation.Sigmoid => Sigmoid(x) * (1 - Sigmoid(x)),
        KerasActivation.HardSigmoid => x > -3 && x < 3 ? 1.0 / 6 : 0,
        KerasActivation.HardSigmoidKeras2 => x >= -2.5 && x <= 2.5 ? 0.2 : 0,
        KerasActivation.Elu => x >= 0 ? 1 : Math.Exp(x),
        KerasActivation.Selu => SeluScale * (x >= 0 ? 1 : SeluAlpha * Math.Exp(x)),
        KerasActivation.Softplus => Sigmoid(x),
        KerasActivation.Softsign => 1 / ((1 + Math.Abs(x)) * (1 + Math.Abs(x))),

        // d/dx x·s(x) = s(x) + x·s(x)·(1 - s(x))
        KerasActivation.Swish => Sigmoid(x) * (1 + x * (1 - Sigmoid(x))),
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "The reference has no formula for this activation."),
    };

    /// <summary>The Keras name, e.g. <c>HardSigmoidKeras2</c> (theory data shows it).</summary>
    public override string ToString() => Kind.ToString();

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
}
