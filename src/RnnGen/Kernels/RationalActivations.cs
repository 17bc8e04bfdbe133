using System.Runtime.CompilerServices;

namespace RnnGen.Kernels;

/// <summary>
/// tanh and sigmoid written once for every register width (see <see cref="VectorMath"/> for the
/// method, its accuracy and why subnormals are kept away).
/// </summary>
internal static class RationalActivations
{
    /// <summary>float's smallest normal magnitude, 2^-126.</summary>
    public const float MinNormal = 1.17549435e-38f;

    /// <summary>2^-26: below it tanh(x) rounds to x itself.</summary>
    private const float SmallInput = 1.49011612e-8f;

    /// <summary>
    /// 2^-60, added where x², x⁴ and x³ are formed so that they never underflow: on this x64
    /// (measured) every underflowing multiply costs a microcode assist, which made tanh about 50%
    /// slower for a state decaying towards zero. It changes nothing above <see cref="SmallInput"/>
    /// (at most 2^-34 of the result) and small lanes do not use the rational function's result.
    /// </summary>
    private const float UnderflowGuard = 8.67361738e-19f;

    /// <summary>tanh of each lane: within 1e-6 of the exact value, ±0 kept, subnormal results flushed to ±0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Tanh<TLanes, TVector>(TVector x)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct
    {
        // The small addend keeps every product normal, however small x is (see UnderflowGuard).
        TVector guard = TLanes.Broadcast(UnderflowGuard);
        TVector s = TLanes.MultiplyAdd(x, x, guard);
        TVector s2 = TLanes.MultiplyAdd(s, s, guard);
        TVector x3 = TLanes.MultiplyAdd(x, s, guard);

        // x·P(s) = x + x³ (p1 + p2 s + p3 s² + p4 s³)
        TVector odd = TLanes.MultiplyAdd(
            s2,
            TLanes.MultiplyAdd(s, TLanes.Broadcast(TanhRational.P4), TLanes.Broadcast(TanhRational.P3)),
            TLanes.MultiplyAdd(s, TLanes.Broadcast(TanhRational.P2), TLanes.Broadcast(TanhRational.P1)));
        TVector numerator = TLanes.MultiplyAdd(x3, odd, x);

        // Q(s) = 1 + q1 s + q2 s² + q3 s³ + q4 s⁴
        TVector high = TLanes.MultiplyAdd(
            s2,
            TLanes.Broadcast(TanhRational.Q4),
            TLanes.MultiplyAdd(s, TLanes.Broadcast(TanhRational.Q3), TLanes.Broadcast(TanhRational.Q2)));
        TVector denominator = TLanes.MultiplyAdd(
            s2, high, TLanes.MultiplyAdd(s, TLanes.Broadcast(TanhRational.Q1), TLanes.Broadcast(1f)));

        // Off the critical path: saturated lanes become ±1; small ones x itself, or ±0 below MinNormal.
        // NaN is neither and stays NaN.
        TVector magnitude = TLanes.Abs(x);
        TVector saturated = TLanes.GreaterThan(magnitude, TLanes.Broadcast(TanhRational.Saturation));
        TVector small = TLanes.LessThan(magnitude, TLanes.Broadcast(SmallInput));
        TVector tiny = TLanes.LessThan(magnitude, TLanes.Broadcast(MinNormal));
        TVector unchanged = TLanes.Select(tiny, TLanes.And(x, TLanes.Broadcast(-0f)), x);
        TVector limit = TLanes.Select(saturated, TLanes.CopySign(TLanes.Broadcast(1f), x), unchanged);
        return TLanes.Select(TLanes.Or(saturated, small), limit, TLanes.Divide(numerator, denominator));
    }

    /// <summary>The logistic function <c>1 / (1 + e^-x)</c> of each lane, within 1e-6 of the exact value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TVector Sigmoid<TLanes, TVector>(TVector x)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct
    {
        TVector guard = TLanes.Broadcast(UnderflowGuard);
        TVector s = TLanes.MultiplyAdd(x, x, guard);
        TVector s2 = TLanes.MultiplyAdd(s, s, guard);
        TVector x3 = TLanes.MultiplyAdd(x, s, guard);

        // sigmoid(x) = 1/2 + tanh(x/2)/2 = 1/2 + x·P(s/4) / (4 Q(s/4)); SigmoidRational holds the scaled coefficients.
        // Small x need no special case: x/4 is below half an ulp of 1/2.
        TVector odd = TLanes.MultiplyAdd(
            s2,
            TLanes.MultiplyAdd(s, TLanes.Broadcast(SigmoidRational.P4), TLanes.Broadcast(SigmoidRational.P3)),
            TLanes.MultiplyAdd(s, TLanes.Broadcast(SigmoidRational.P2), TLanes.Broadcast(SigmoidRational.P1)));
        TVector numerator = TLanes.MultiplyAdd(x3, odd, x);
        TVector high = TLanes.MultiplyAdd(
            s2,
            TLanes.Broadcast(SigmoidRational.Q4),
            TLanes.MultiplyAdd(s, TLanes.Broadcast(SigmoidRational.Q3), TLanes.Broadcast(SigmoidRational.Q2)));
        TVector denominator = TLanes.MultiplyAdd(
            s2, high, TLanes.MultiplyAdd(s, TLanes.Broadcast(SigmoidRational.Q1), TLanes.Broadcast(SigmoidRational.Q0)));

        // Saturated lanes become exactly 0 or 1; NaN is not saturated and stays NaN.
        TVector saturated = TLanes.GreaterThan(TLanes.Abs(x), TLanes.Broadcast(SigmoidRational.Saturation));
        TVector limit = TLanes.And(TLanes.GreaterThan(x, TLanes.Broadcast(0f)), TLanes.Broadcast(1f));
        return TLanes.Select(saturated, limit, TLanes.Add(TLanes.Divide(numerator, denominator), TLanes.Broadcast(0.5f)));
    }
}
