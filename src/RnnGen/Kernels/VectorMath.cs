using System.ComponentModel;
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
[EditorBrowsable(EditorBrowsableState.Never)]
public static class VectorMath
{
    private const float MinNormal = RationalActivations.MinNormal;

    /// <summary>tanh of each lane: within 1e-6 of the exact value, ±0 kept, subnormal results flushed to ±0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Tanh(Vector128<float> x) => RationalActivations.Tanh<Lanes128, Vector128<float>>(x);

    /// <summary>tanh of each lane: within 1e-6 of the exact value, ±0 kept, subnormal results flushed to ±0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Tanh(Vector256<float> x) => RationalActivations.Tanh<Lanes256, Vector256<float>>(x);

    /// <summary>tanh of each lane: within 1e-6 of the exact value, ±0 kept, subnormal results flushed to ±0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Tanh(Vector512<float> x) => RationalActivations.Tanh<Lanes512, Vector512<float>>(x);

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
    public static Vector128<float> Sigmoid(Vector128<float> x) => RationalActivations.Sigmoid<Lanes128, Vector128<float>>(x);

    /// <summary>The logistic function <c>1 / (1 + e^-x)</c> of each lane, within 1e-6 of the exact value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Sigmoid(Vector256<float> x) => RationalActivations.Sigmoid<Lanes256, Vector256<float>>(x);

    /// <summary>The logistic function <c>1 / (1 + e^-x)</c> of each lane, within 1e-6 of the exact value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Sigmoid(Vector512<float> x) => RationalActivations.Sigmoid<Lanes512, Vector512<float>>(x);

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

    /// <summary>Keras 3 (and PyTorch) hard sigmoid <c>relu6(x + 3) / 6</c> of each lane; subnormal results flushed to ±0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> HardSigmoid(Vector128<float> x) => HardSigmoidActivation.Apply<Lanes128, Vector128<float>>(x);

    /// <summary>Keras 3 (and PyTorch) hard sigmoid <c>relu6(x + 3) / 6</c> of each lane; subnormal results flushed to ±0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> HardSigmoid(Vector256<float> x) => HardSigmoidActivation.Apply<Lanes256, Vector256<float>>(x);

    /// <summary>Keras 3 (and PyTorch) hard sigmoid <c>relu6(x + 3) / 6</c> of each lane; subnormal results flushed to ±0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> HardSigmoid(Vector512<float> x) => HardSigmoidActivation.Apply<Lanes512, Vector512<float>>(x);

    /// <summary>Keras 2.x hard sigmoid <c>clip(0.2 x + 0.5, 0, 1)</c> of each lane; subnormal results flushed to ±0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> HardSigmoidKeras2(Vector128<float> x) => HardSigmoidKeras2Activation.Apply<Lanes128, Vector128<float>>(x);

    /// <summary>Keras 2.x hard sigmoid <c>clip(0.2 x + 0.5, 0, 1)</c> of each lane; subnormal results flushed to ±0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> HardSigmoidKeras2(Vector256<float> x) => HardSigmoidKeras2Activation.Apply<Lanes256, Vector256<float>>(x);

    /// <summary>Keras 2.x hard sigmoid <c>clip(0.2 x + 0.5, 0, 1)</c> of each lane; subnormal results flushed to ±0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> HardSigmoidKeras2(Vector512<float> x) => HardSigmoidKeras2Activation.Apply<Lanes512, Vector512<float>>(x);

    /// <summary><c>elu(x)</c>: x for x &gt; 0, else <c>e^x - 1</c> of each lane; subnormal results flushed to ±0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Elu(Vector128<float> x) => EluActivation.Apply<Lanes128, Vector128<float>>(x);

    /// <summary><c>elu(x)</c>: x for x &gt; 0, else <c>e^x - 1</c> of each lane; subnormal results flushed to ±0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Elu(Vector256<float> x) => EluActivation.Apply<Lanes256, Vector256<float>>(x);

    /// <summary><c>elu(x)</c>: x for x &gt; 0, else <c>e^x - 1</c> of each lane; subnormal results flushed to ±0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Elu(Vector512<float> x) => EluActivation.Apply<Lanes512, Vector512<float>>(x);

    /// <summary><c>selu(x) = scale · elu(x, alpha)</c> with Keras' constants of each lane; subnormal results flushed to ±0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Selu(Vector128<float> x) => SeluActivation.Apply<Lanes128, Vector128<float>>(x);

    /// <summary><c>selu(x) = scale · elu(x, alpha)</c> with Keras' constants of each lane; subnormal results flushed to ±0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Selu(Vector256<float> x) => SeluActivation.Apply<Lanes256, Vector256<float>>(x);

    /// <summary><c>selu(x) = scale · elu(x, alpha)</c> with Keras' constants of each lane; subnormal results flushed to ±0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Selu(Vector512<float> x) => SeluActivation.Apply<Lanes512, Vector512<float>>(x);

    /// <summary><c>softplus(x) = ln(1 + e^x)</c> of each lane; subnormal results flushed to ±0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Softplus(Vector128<float> x) => SoftplusActivation.Apply<Lanes128, Vector128<float>>(x);

    /// <summary><c>softplus(x) = ln(1 + e^x)</c> of each lane; subnormal results flushed to ±0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Softplus(Vector256<float> x) => SoftplusActivation.Apply<Lanes256, Vector256<float>>(x);

    /// <summary><c>softplus(x) = ln(1 + e^x)</c> of each lane; subnormal results flushed to ±0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Softplus(Vector512<float> x) => SoftplusActivation.Apply<Lanes512, Vector512<float>>(x);

    /// <summary><c>softsign(x) = x / (1 + |x|)</c> (±∞ gives NaN, as in Keras) of each lane; subnormal results flushed to ±0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Softsign(Vector128<float> x) => SoftsignActivation.Apply<Lanes128, Vector128<float>>(x);

    /// <summary><c>softsign(x) = x / (1 + |x|)</c> (±∞ gives NaN, as in Keras) of each lane; subnormal results flushed to ±0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Softsign(Vector256<float> x) => SoftsignActivation.Apply<Lanes256, Vector256<float>>(x);

    /// <summary><c>softsign(x) = x / (1 + |x|)</c> (±∞ gives NaN, as in Keras) of each lane; subnormal results flushed to ±0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Softsign(Vector512<float> x) => SoftsignActivation.Apply<Lanes512, Vector512<float>>(x);

    /// <summary><c>swish(x) = silu(x) = x · sigmoid(x)</c> (-∞ gives NaN, as in Keras) of each lane; subnormal results flushed to ±0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Swish(Vector128<float> x) => SwishActivation.Apply<Lanes128, Vector128<float>>(x);

    /// <summary><c>swish(x) = silu(x) = x · sigmoid(x)</c> (-∞ gives NaN, as in Keras) of each lane; subnormal results flushed to ±0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Swish(Vector256<float> x) => SwishActivation.Apply<Lanes256, Vector256<float>>(x);

    /// <summary><c>swish(x) = silu(x) = x · sigmoid(x)</c> (-∞ gives NaN, as in Keras) of each lane; subnormal results flushed to ±0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Swish(Vector512<float> x) => SwishActivation.Apply<Lanes512, Vector512<float>>(x);
}
