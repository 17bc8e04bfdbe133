using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace RnnGen.Kernels;

/// <summary>
/// Activations on whole SIMD registers, for generated code that keeps hidden states in vectors.
/// </summary>
/// <remarks>
/// <para>
/// A hidden state held in one register makes every step wait for its activation, so these are
/// written for latency: tanh is one rational function, <c>tanh(x) ≈ x·P(x²) / Q(x²)</c> with
/// <c>P</c> and <c>Q</c> of degree 4 in <c>x²</c> (see <see cref="TanhRational"/>), evaluated in
/// Estrin's form so that the numerator, the denominator and the masks run side by side: four
/// multiply-adds deep, one division, one blend. It is odd by construction, so it keeps the sign
/// of zero and its relative accuracy near 0, where <c>1 - 2 / (e^{2x} + 1)</c> would cancel.
/// sigmoid is <c>1/2 + tanh(x/2)/2</c> with the halvings folded into the coefficients.
/// Both are within 1e-6 of the float64 functions everywhere; NaN propagates, ±∞ gives the limits.
/// </para>
/// <para>
/// Subnormals never appear: results below the smallest normal float, <c>2^-126 ≈ 1.1755e-38</c>,
/// are flushed to a zero of the same sign, and no intermediate product underflows, whatever the
/// input. .NET cannot set the FTZ/DAZ flags, and on this x64 (measured) every underflowing
/// multiply costs a microcode assist: a recurrent state decaying towards zero made each step's
/// tanh about 50% slower before this.
/// </para>
/// </remarks>
public static class VectorMath
{
    /// <summary>float's smallest normal magnitude, 2^-126.</summary>
    private const float MinNormal = 1.17549435e-38f;

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
    public static Vector128<float> Tanh(Vector128<float> x)
    {
        // The small addend keeps every product normal, however small x is (see UnderflowGuard).
        Vector128<float> guard = Vector128.Create(UnderflowGuard);
        Vector128<float> s = Vector128.FusedMultiplyAdd(x, x, guard);
        Vector128<float> s2 = Vector128.FusedMultiplyAdd(s, s, guard);
        Vector128<float> x3 = Vector128.FusedMultiplyAdd(x, s, guard);

        // x·P(s) = x + x³ (p1 + p2 s + p3 s² + p4 s³)
        Vector128<float> odd = Vector128.FusedMultiplyAdd(
            s2,
            Vector128.FusedMultiplyAdd(s, Vector128.Create(TanhRational.P4), Vector128.Create(TanhRational.P3)),
            Vector128.FusedMultiplyAdd(s, Vector128.Create(TanhRational.P2), Vector128.Create(TanhRational.P1)));
        Vector128<float> numerator = Vector128.FusedMultiplyAdd(x3, odd, x);

        // Q(s) = 1 + q1 s + q2 s² + q3 s³ + q4 s⁴
        Vector128<float> high = Vector128.FusedMultiplyAdd(
            s2,
            Vector128.Create(TanhRational.Q4),
            Vector128.FusedMultiplyAdd(s, Vector128.Create(TanhRational.Q3), Vector128.Create(TanhRational.Q2)));
        Vector128<float> denominator = Vector128.FusedMultiplyAdd(
            s2, high, Vector128.FusedMultiplyAdd(s, Vector128.Create(TanhRational.Q1), Vector128<float>.One));

        // Off the critical path: saturated lanes become ±1; small ones x itself, or ±0 below MinNormal.
        // NaN is neither and stays NaN.
        Vector128<float> magnitude = Vector128.Abs(x);
        Vector128<float> saturated = Vector128.GreaterThan(magnitude, Vector128.Create(TanhRational.Saturation));
        Vector128<float> small = Vector128.LessThan(magnitude, Vector128.Create(SmallInput));
        Vector128<float> tiny = Vector128.LessThan(magnitude, Vector128.Create(MinNormal));
        Vector128<float> unchanged = Vector128.ConditionalSelect(tiny, x & Vector128.Create(-0f), x);
        Vector128<float> limit = Vector128.ConditionalSelect(saturated, Vector128.CopySign(Vector128<float>.One, x), unchanged);
        return Vector128.ConditionalSelect(saturated | small, limit, numerator / denominator);
    }

    /// <summary>tanh of each lane: within 1e-6 of the exact value, ±0 kept, subnormal results flushed to ±0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Tanh(Vector256<float> x)
    {
        Vector256<float> guard = Vector256.Create(UnderflowGuard);
        Vector256<float> s = Vector256.FusedMultiplyAdd(x, x, guard);
        Vector256<float> s2 = Vector256.FusedMultiplyAdd(s, s, guard);
        Vector256<float> x3 = Vector256.FusedMultiplyAdd(x, s, guard);
        Vector256<float> odd = Vector256.FusedMultiplyAdd(
            s2,
            Vector256.FusedMultiplyAdd(s, Vector256.Create(TanhRational.P4), Vector256.Create(TanhRational.P3)),
            Vector256.FusedMultiplyAdd(s, Vector256.Create(TanhRational.P2), Vector256.Create(TanhRational.P1)));
        Vector256<float> numerator = Vector256.FusedMultiplyAdd(x3, odd, x);
        Vector256<float> high = Vector256.FusedMultiplyAdd(
            s2,
            Vector256.Create(TanhRational.Q4),
            Vector256.FusedMultiplyAdd(s, Vector256.Create(TanhRational.Q3), Vector256.Create(TanhRational.Q2)));
        Vector256<float> denominator = Vector256.FusedMultiplyAdd(
            s2, high, Vector256.FusedMultiplyAdd(s, Vector256.Create(TanhRational.Q1), Vector256<float>.One));
        Vector256<float> magnitude = Vector256.Abs(x);
        Vector256<float> saturated = Vector256.GreaterThan(magnitude, Vector256.Create(TanhRational.Saturation));
        Vector256<float> small = Vector256.LessThan(magnitude, Vector256.Create(SmallInput));
        Vector256<float> tiny = Vector256.LessThan(magnitude, Vector256.Create(MinNormal));
        Vector256<float> unchanged = Vector256.ConditionalSelect(tiny, x & Vector256.Create(-0f), x);
        Vector256<float> limit = Vector256.ConditionalSelect(saturated, Vector256.CopySign(Vector256<float>.One, x), unchanged);
        return Vector256.ConditionalSelect(saturated | small, limit, numerator / denominator);
    }

    /// <summary>tanh of each lane: within 1e-6 of the exact value, ±0 kept, subnormal results flushed to ±0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Tanh(Vector512<float> x)
    {
        Vector512<float> guard = Vector512.Create(UnderflowGuard);
        Vector512<float> s = Vector512.FusedMultiplyAdd(x, x, guard);
        Vector512<float> s2 = Vector512.FusedMultiplyAdd(s, s, guard);
        Vector512<float> x3 = Vector512.FusedMultiplyAdd(x, s, guard);
        Vector512<float> odd = Vector512.FusedMultiplyAdd(
            s2,
            Vector512.FusedMultiplyAdd(s, Vector512.Create(TanhRational.P4), Vector512.Create(TanhRational.P3)),
            Vector512.FusedMultiplyAdd(s, Vector512.Create(TanhRational.P2), Vector512.Create(TanhRational.P1)));
        Vector512<float> numerator = Vector512.FusedMultiplyAdd(x3, odd, x);
        Vector512<float> high = Vector512.FusedMultiplyAdd(
            s2,
            Vector512.Create(TanhRational.Q4),
            Vector512.FusedMultiplyAdd(s, Vector512.Create(TanhRational.Q3), Vector512.Create(TanhRational.Q2)));
        Vector512<float> denominator = Vector512.FusedMultiplyAdd(
            s2, high, Vector512.FusedMultiplyAdd(s, Vector512.Create(TanhRational.Q1), Vector512<float>.One));
        Vector512<float> magnitude = Vector512.Abs(x);
        Vector512<float> saturated = Vector512.GreaterThan(magnitude, Vector512.Create(TanhRational.Saturation));
        Vector512<float> small = Vector512.LessThan(magnitude, Vector512.Create(SmallInput));
        Vector512<float> tiny = Vector512.LessThan(magnitude, Vector512.Create(MinNormal));
        Vector512<float> unchanged = Vector512.ConditionalSelect(tiny, x & Vector512.Create(-0f), x);
        Vector512<float> limit = Vector512.ConditionalSelect(saturated, Vector512.CopySign(Vector512<float>.One, x), unchanged);
        return Vector512.ConditionalSelect(saturated | small, limit, numerator / denominator);
    }

    /// <summary>tanh of each lane: within 1e-6 of the exact value, ±0 kept, subnormal results flushed to ±0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Tanh(Vector<float> x)
    {
        // Vector<float>.Count is a JIT-time constant: only one branch survives.
        if (Vector<float>.Count == Vector512<float>.Count)
        {
            return Tanh(x.AsVector512()).AsVector();
        }

        return Vector<float>.Count == Vector256<float>.Count
            ? Tanh(x.AsVector256()).AsVector()
            : Tanh(x.AsVector128()).AsVector();
    }

    /// <summary>The logistic function <c>1 / (1 + e^-x)</c> of each lane, within 1e-6 of the exact value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Sigmoid(Vector128<float> x)
    {
        Vector128<float> guard = Vector128.Create(UnderflowGuard);
        Vector128<float> s = Vector128.FusedMultiplyAdd(x, x, guard);
        Vector128<float> s2 = Vector128.FusedMultiplyAdd(s, s, guard);
        Vector128<float> x3 = Vector128.FusedMultiplyAdd(x, s, guard);

        // sigmoid(x) = 1/2 + tanh(x/2)/2 = 1/2 + x·P(s/4) / (4 Q(s/4)); SigmoidRational holds the scaled coefficients.
        // Small x need no special case: x/4 is below half an ulp of 1/2.
        Vector128<float> odd = Vector128.FusedMultiplyAdd(
            s2,
            Vector128.FusedMultiplyAdd(s, Vector128.Create(SigmoidRational.P4), Vector128.Create(SigmoidRational.P3)),
            Vector128.FusedMultiplyAdd(s, Vector128.Create(SigmoidRational.P2), Vector128.Create(SigmoidRational.P1)));
        Vector128<float> numerator = Vector128.FusedMultiplyAdd(x3, odd, x);
        Vector128<float> high = Vector128.FusedMultiplyAdd(
            s2,
            Vector128.Create(SigmoidRational.Q4),
            Vector128.FusedMultiplyAdd(s, Vector128.Create(SigmoidRational.Q3), Vector128.Create(SigmoidRational.Q2)));
        Vector128<float> denominator = Vector128.FusedMultiplyAdd(
            s2, high, Vector128.FusedMultiplyAdd(s, Vector128.Create(SigmoidRational.Q1), Vector128.Create(SigmoidRational.Q0)));

        // Saturated lanes become exactly 0 or 1; NaN is not saturated and stays NaN.
        Vector128<float> saturated = Vector128.GreaterThan(Vector128.Abs(x), Vector128.Create(SigmoidRational.Saturation));
        Vector128<float> limit = Vector128.GreaterThan(x, Vector128<float>.Zero) & Vector128<float>.One;
        return Vector128.ConditionalSelect(saturated, limit, numerator / denominator + Vector128.Create(0.5f));
    }

    /// <summary>The logistic function <c>1 / (1 + e^-x)</c> of each lane, within 1e-6 of the exact value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Sigmoid(Vector256<float> x)
    {
        Vector256<float> guard = Vector256.Create(UnderflowGuard);
        Vector256<float> s = Vector256.FusedMultiplyAdd(x, x, guard);
        Vector256<float> s2 = Vector256.FusedMultiplyAdd(s, s, guard);
        Vector256<float> x3 = Vector256.FusedMultiplyAdd(x, s, guard);
        Vector256<float> odd = Vector256.FusedMultiplyAdd(
            s2,
            Vector256.FusedMultiplyAdd(s, Vector256.Create(SigmoidRational.P4), Vector256.Create(SigmoidRational.P3)),
            Vector256.FusedMultiplyAdd(s, Vector256.Create(SigmoidRational.P2), Vector256.Create(SigmoidRational.P1)));
        Vector256<float> numerator = Vector256.FusedMultiplyAdd(x3, odd, x);
        Vector256<float> high = Vector256.FusedMultiplyAdd(
            s2,
            Vector256.Create(SigmoidRational.Q4),
            Vector256.FusedMultiplyAdd(s, Vector256.Create(SigmoidRational.Q3), Vector256.Create(SigmoidRational.Q2)));
        Vector256<float> denominator = Vector256.FusedMultiplyAdd(
            s2, high, Vector256.FusedMultiplyAdd(s, Vector256.Create(SigmoidRational.Q1), Vector256.Create(SigmoidRational.Q0)));
        Vector256<float> saturated = Vector256.GreaterThan(Vector256.Abs(x), Vector256.Create(SigmoidRational.Saturation));
        Vector256<float> limit = Vector256.GreaterThan(x, Vector256<float>.Zero) & Vector256<float>.One;
        return Vector256.ConditionalSelect(saturated, limit, numerator / denominator + Vector256.Create(0.5f));
    }

    /// <summary>The logistic function <c>1 / (1 + e^-x)</c> of each lane, within 1e-6 of the exact value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Sigmoid(Vector512<float> x)
    {
        Vector512<float> guard = Vector512.Create(UnderflowGuard);
        Vector512<float> s = Vector512.FusedMultiplyAdd(x, x, guard);
        Vector512<float> s2 = Vector512.FusedMultiplyAdd(s, s, guard);
        Vector512<float> x3 = Vector512.FusedMultiplyAdd(x, s, guard);
        Vector512<float> odd = Vector512.FusedMultiplyAdd(
            s2,
            Vector512.FusedMultiplyAdd(s, Vector512.Create(SigmoidRational.P4), Vector512.Create(SigmoidRational.P3)),
            Vector512.FusedMultiplyAdd(s, Vector512.Create(SigmoidRational.P2), Vector512.Create(SigmoidRational.P1)));
        Vector512<float> numerator = Vector512.FusedMultiplyAdd(x3, odd, x);
        Vector512<float> high = Vector512.FusedMultiplyAdd(
            s2,
            Vector512.Create(SigmoidRational.Q4),
            Vector512.FusedMultiplyAdd(s, Vector512.Create(SigmoidRational.Q3), Vector512.Create(SigmoidRational.Q2)));
        Vector512<float> denominator = Vector512.FusedMultiplyAdd(
            s2, high, Vector512.FusedMultiplyAdd(s, Vector512.Create(SigmoidRational.Q1), Vector512.Create(SigmoidRational.Q0)));
        Vector512<float> saturated = Vector512.GreaterThan(Vector512.Abs(x), Vector512.Create(SigmoidRational.Saturation));
        Vector512<float> limit = Vector512.GreaterThan(x, Vector512<float>.Zero) & Vector512<float>.One;
        return Vector512.ConditionalSelect(saturated, limit, numerator / denominator + Vector512.Create(0.5f));
    }

    /// <summary>The logistic function <c>1 / (1 + e^-x)</c> of each lane, within 1e-6 of the exact value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Sigmoid(Vector<float> x)
    {
        if (Vector<float>.Count == Vector512<float>.Count)
        {
            return Sigmoid(x.AsVector512()).AsVector();
        }

        return Vector<float>.Count == Vector256<float>.Count
            ? Sigmoid(x.AsVector256()).AsVector()
            : Sigmoid(x.AsVector128()).AsVector();
    }

    /// <summary>max(0, x) of each lane, with results below the smallest normal float, <c>2^-126 ≈ 1.1755e-38</c>, flushed to +0; NaN propagates.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Relu(Vector128<float> x) =>
        Vector128.AndNot(x, Vector128.LessThan(x, Vector128.Create(MinNormal)));

    /// <summary>max(0, x) of each lane, with results below the smallest normal float, <c>2^-126 ≈ 1.1755e-38</c>, flushed to +0; NaN propagates.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Relu(Vector256<float> x) =>
        Vector256.AndNot(x, Vector256.LessThan(x, Vector256.Create(MinNormal)));

    /// <summary>max(0, x) of each lane, with results below the smallest normal float, <c>2^-126 ≈ 1.1755e-38</c>, flushed to +0; NaN propagates.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Relu(Vector512<float> x) =>
        Vector512.AndNot(x, Vector512.LessThan(x, Vector512.Create(MinNormal)));

    /// <summary>max(0, x) of each lane, with results below the smallest normal float, <c>2^-126 ≈ 1.1755e-38</c>, flushed to +0; NaN propagates.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Relu(Vector<float> x)
    {
        if (Vector<float>.Count == Vector512<float>.Count)
        {
            return Relu(x.AsVector512()).AsVector();
        }

        return Vector<float>.Count == Vector256<float>.Count
            ? Relu(x.AsVector256()).AsVector()
            : Relu(x.AsVector128()).AsVector();
    }
}
