using System.Runtime.CompilerServices;

namespace RnnGen.Kernels;

/// <summary>
/// An activation written once over <see cref="IFloatLanes{TVector}"/>, for every register width:
/// its value and the gradient it chains in back-propagation.
/// </summary>
internal interface ILaneActivation
{
    /// <summary>
    /// Whether <see cref="ChainDerivative"/> takes the pre-activation <c>x</c>; otherwise it takes the
    /// output <c>y = a(x)</c>, which the forward pass has stored anyway (swish is no function of its output).
    /// </summary>
    static abstract bool DerivativeFromInput { get; }

    /// <summary><c>a(x)</c> of each lane.</summary>
    static abstract TVector Apply<TLanes, TVector>(TVector x)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct;

    /// <summary><c>gradient · a'(x)</c>, given <c>x</c> or <c>y</c> as <see cref="DerivativeFromInput"/> says.</summary>
    static abstract TVector ChainDerivative<TLanes, TVector>(TVector value, TVector gradient)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct;
}

/// <summary>
/// The activations beyond tanh, sigmoid and relu, with Keras 3's definitions (and Keras 2's
/// hard_sigmoid). Results below the smallest normal float are flushed to a zero of the same sign, as
/// <see cref="VectorMath"/> does, so a decaying state never turns subnormal; exp never produces a
/// subnormal either (its argument is clamped where the result would not be used).
/// </summary>
internal static class KerasActivations
{
    private const float MinNormal = RationalActivations.MinNormal;

    /// <summary>Just above <c>ln(MinNormal)</c>: the smallest argument whose exp is still a normal float.</summary>
    public const float SmallestExpArgument = -87.33f;

    /// <summary>Keras' <c>selu</c> constants (Klambauer et al. 2017).</summary>
    public const float SeluAlpha = 1.67326324235437728481f;

    /// <inheritdoc cref="SeluAlpha"/>
    public const float SeluScale = 1.05070098735548049342f;

    /// <summary><c>e^x - 1</c> without the cancellation of <c>exp(x) - 1</c> near 0: a degree-7 Taylor polynomial on |x| &lt; 1/4.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector ExpMinusOne<TLanes, TVector>(TVector x)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct
    {
        // q = 1/2 + x/6 + x²/24 + x³/120 + x⁴/720 + x⁵/5040; e^x - 1 = x (1 + x q). Truncation below 4e-10 on |x| < 1/4.
        TVector q = TLanes.MultiplyAdd(x, TLanes.Broadcast(1f / 5040f), TLanes.Broadcast(1f / 720f));
        q = TLanes.MultiplyAdd(q, x, TLanes.Broadcast(1f / 120f));
        q = TLanes.MultiplyAdd(q, x, TLanes.Broadcast(1f / 24f));
        q = TLanes.MultiplyAdd(q, x, TLanes.Broadcast(1f / 6f));
        q = TLanes.MultiplyAdd(q, x, TLanes.Broadcast(0.5f));
        TVector series = TLanes.Multiply(x, TLanes.MultiplyAdd(q, x, TLanes.Broadcast(1f)));
        TVector direct = TLanes.Subtract(TLanes.Exp(TLanes.Max(x, TLanes.Broadcast(SmallestExpArgument))), TLanes.Broadcast(1f));
        return TLanes.Select(TLanes.LessThan(TLanes.Abs(x), TLanes.Broadcast(0.25f)), series, direct);
    }

    /// <summary>±0 (the sign of <paramref name="y"/>) where <c>|y|</c> is below the smallest normal float, else <paramref name="y"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector FlushSubnormal<TLanes, TVector>(TVector y)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct =>
        TLanes.Select(TLanes.LessThan(TLanes.Abs(y), TLanes.Broadcast(MinNormal)), TLanes.And(y, TLanes.Broadcast(-0f)), y);

    /// <summary><c>gradient</c> where <c>0 &lt; y &lt; 1</c> (the linear part of a hard sigmoid), times <paramref name="slope"/>; else 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector HardSigmoidGradient<TLanes, TVector>(TVector y, TVector gradient, float slope)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct
    {
        TVector inside = TLanes.And(TLanes.GreaterThan(y, TLanes.Broadcast(0f)), TLanes.LessThan(y, TLanes.Broadcast(1f)));
        return TLanes.And(TLanes.Multiply(gradient, TLanes.Broadcast(slope)), inside);
    }
}

/// <summary>Keras 3 (and PyTorch) <c>hard_sigmoid(x) = relu6(x + 3) / 6</c>; slope 1/6 on (-3, 3).</summary>
internal readonly struct HardSigmoidActivation : ILaneActivation
{
    public static bool DerivativeFromInput => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Apply<TLanes, TVector>(TVector x)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct
    {
        TVector relu6 = TLanes.Min(TLanes.Max(TLanes.Add(x, TLanes.Broadcast(3f)), TLanes.Broadcast(0f)), TLanes.Broadcast(6f));
        return TLanes.Divide(relu6, TLanes.Broadcast(6f));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector ChainDerivative<TLanes, TVector>(TVector y, TVector gradient)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct =>
        KerasActivations.HardSigmoidGradient<TLanes, TVector>(y, gradient, 1f / 6f);
}

/// <summary>Keras 2.x <c>hard_sigmoid(x) = clip(0.2 x + 0.5, 0, 1)</c> (two roundings, as Keras 2 computes it); slope 0.2 on (-2.5, 2.5).</summary>
internal readonly struct HardSigmoidKeras2Activation : ILaneActivation
{
    public static bool DerivativeFromInput => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Apply<TLanes, TVector>(TVector x)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct
    {
        TVector linear = TLanes.Add(TLanes.Multiply(x, TLanes.Broadcast(0.2f)), TLanes.Broadcast(0.5f));
        return TLanes.Min(TLanes.Max(linear, TLanes.Broadcast(0f)), TLanes.Broadcast(1f));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector ChainDerivative<TLanes, TVector>(TVector y, TVector gradient)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct =>
        KerasActivations.HardSigmoidGradient<TLanes, TVector>(y, gradient, 0.2f);
}

/// <summary>Keras <c>elu(x) = x</c> for x &gt; 0, else <c>e^x - 1</c> (alpha 1); <c>elu' = y + 1</c> for y &lt; 0, else 1.</summary>
internal readonly struct EluActivation : ILaneActivation
{
    public static bool DerivativeFromInput => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Apply<TLanes, TVector>(TVector x)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct
    {
        TVector negative = KerasActivations.ExpMinusOne<TLanes, TVector>(x);
        return KerasActivations.FlushSubnormal<TLanes, TVector>(TLanes.Select(TLanes.GreaterThan(x, TLanes.Broadcast(0f)), x, negative));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector ChainDerivative<TLanes, TVector>(TVector y, TVector gradient)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct
    {
        // y < 0, as TensorFlow's EluGrad: elu'(0) = 1.
        TVector slope = TLanes.Select(TLanes.LessThan(y, TLanes.Broadcast(0f)), TLanes.Add(y, TLanes.Broadcast(1f)), TLanes.Broadcast(1f));
        return TLanes.Multiply(gradient, slope);
    }
}

/// <summary>Keras <c>selu(x) = scale · elu(x, alpha)</c>; <c>selu' = y + scale · alpha</c> for y &lt; 0, else <c>scale</c>.</summary>
internal readonly struct SeluActivation : ILaneActivation
{
    public static bool DerivativeFromInput => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Apply<TLanes, TVector>(TVector x)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct
    {
        TVector negative = TLanes.Multiply(KerasActivations.ExpMinusOne<TLanes, TVector>(x), TLanes.Broadcast(KerasActivations.SeluScale * KerasActivations.SeluAlpha));
        TVector positive = TLanes.Multiply(x, TLanes.Broadcast(KerasActivations.SeluScale));
        return KerasActivations.FlushSubnormal<TLanes, TVector>(TLanes.Select(TLanes.GreaterThan(x, TLanes.Broadcast(0f)), positive, negative));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector ChainDerivative<TLanes, TVector>(TVector y, TVector gradient)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct
    {
        // y < 0, not y <= 0, as TensorFlow's SeluGrad: selu'(0) = scale.
        TVector slope = TLanes.Select(
            TLanes.LessThan(y, TLanes.Broadcast(0f)),
            TLanes.Add(y, TLanes.Broadcast(KerasActivations.SeluScale * KerasActivations.SeluAlpha)),
            TLanes.Broadcast(KerasActivations.SeluScale));
        return TLanes.Multiply(gradient, slope);
    }
}

/// <summary>Keras <c>softplus(x) = ln(1 + e^x)</c>, as <c>max(x, 0) + ln(1 + e^-|x|)</c>; <c>softplus' = sigmoid(x) = 1 - e^-y</c>.</summary>
internal readonly struct SoftplusActivation : ILaneActivation
{
    public static bool DerivativeFromInput => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Apply<TLanes, TVector>(TVector x)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct
    {
        // ln(1 + u) for u = e^-|x| in (0, 1], exact to rounding even for tiny u: ln(w) · u / (w - 1), w = 1 + u (Goldberg).
        TVector u = TLanes.Exp(TLanes.Max(TLanes.Subtract(TLanes.Broadcast(0f), TLanes.Abs(x)), TLanes.Broadcast(KerasActivations.SmallestExpArgument)));
        TVector w = TLanes.Add(u, TLanes.Broadcast(1f));
        TVector wMinusOne = TLanes.Subtract(w, TLanes.Broadcast(1f));
        TVector log1p = TLanes.Select(TLanes.GreaterThan(wMinusOne, TLanes.Broadcast(0f)), TLanes.Divide(TLanes.Multiply(TLanes.Log(w), u), wMinusOne), u);
        TVector y = TLanes.Add(TLanes.Max(x, TLanes.Broadcast(0f)), log1p);

        // Below ln(MinNormal) the exact result is subnormal: 0.
        return TLanes.Select(TLanes.LessThan(x, TLanes.Broadcast(KerasActivations.SmallestExpArgument)), TLanes.Broadcast(0f), y);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector ChainDerivative<TLanes, TVector>(TVector y, TVector gradient)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct
    {
        // 1 - e^-y = -(e^-y - 1), without cancellation for small y (x very negative).
        TVector sigmoid = TLanes.Subtract(TLanes.Broadcast(0f), KerasActivations.ExpMinusOne<TLanes, TVector>(TLanes.Subtract(TLanes.Broadcast(0f), y)));
        return TLanes.Multiply(gradient, sigmoid);
    }
}

/// <summary>Keras <c>softsign(x) = x / (1 + |x|)</c>; <c>softsign' = 1 / (1 + |x|)² = (1 - |y|)²</c>. Like Keras, ±∞ gives NaN.</summary>
internal readonly struct SoftsignActivation : ILaneActivation
{
    public static bool DerivativeFromInput => false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Apply<TLanes, TVector>(TVector x)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct =>
        KerasActivations.FlushSubnormal<TLanes, TVector>(TLanes.Divide(x, TLanes.Add(TLanes.Abs(x), TLanes.Broadcast(1f))));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector ChainDerivative<TLanes, TVector>(TVector y, TVector gradient)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct
    {
        TVector complement = TLanes.Subtract(TLanes.Broadcast(1f), TLanes.Abs(y));
        return TLanes.Multiply(gradient, TLanes.Multiply(complement, complement));
    }
}

/// <summary>
/// Keras <c>swish</c> / <c>silu(x) = x · sigmoid(x)</c>, as <c>x / (1 + e^-x)</c>; its derivative
/// <c>s (1 + x (1 - s))</c>, s = sigmoid(x), needs the pre-activation. Like Keras, -∞ gives NaN.
/// </summary>
internal readonly struct SwishActivation : ILaneActivation
{
    public static bool DerivativeFromInput => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Apply<TLanes, TVector>(TVector x)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct
    {
        TVector e = TLanes.Exp(TLanes.Max(TLanes.Subtract(TLanes.Broadcast(0f), x), TLanes.Broadcast(KerasActivations.SmallestExpArgument)));
        return KerasActivations.FlushSubnormal<TLanes, TVector>(TLanes.Divide(x, TLanes.Add(e, TLanes.Broadcast(1f))));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector ChainDerivative<TLanes, TVector>(TVector x, TVector gradient)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct
    {
        // Beyond ±80 the slope is 1, or 0, to within 1e-33: clamping x there keeps e^-x and s normal floats.
        TVector clamped = TLanes.Min(TLanes.Max(x, TLanes.Broadcast(-80f)), TLanes.Broadcast(80f));
        TVector e = TLanes.Exp(TLanes.Subtract(TLanes.Broadcast(0f), clamped));
        TVector s = TLanes.Divide(TLanes.Broadcast(1f), TLanes.Add(e, TLanes.Broadcast(1f)));

        // 1 - s as e·s, not by subtraction, which would lose it for large x.
        TVector slope = TLanes.Multiply(s, TLanes.MultiplyAdd(clamped, TLanes.Multiply(e, s), TLanes.Broadcast(1f)));
        return TLanes.Multiply(gradient, slope);
    }
}
