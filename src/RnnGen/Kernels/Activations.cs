using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace RnnGen.Kernels;

/// <summary>
/// The activations and their derivatives, as generated code calls them: scalar forms for
/// unrolled code, span forms (vectorized with <see cref="VectorMath"/>) for loops.
/// Derivatives are written in terms of the activation's output <c>y</c>, which the forward
/// pass has already stored, so backward never recomputes a transcendental function; the one
/// exception is swish, which is no function of its output and takes the pre-activation.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Activations
{
    // The scalar forms run the vector ones on one lane, so every strategy computes the same bits and
    // gets the same flush of subnormal results (which would otherwise slow a decaying state down).

    /// <summary><c>tanh(x)</c>, as <see cref="VectorMath.Tanh(Vector128{float})"/> computes it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Tanh(float x) => VectorMath.Tanh(Vector128.CreateScalarUnsafe(x)).ToScalar();

    /// <summary>The logistic function <c>1 / (1 + e^-x)</c>, as <see cref="VectorMath.Sigmoid(Vector128{float})"/> computes it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sigmoid(float x) => VectorMath.Sigmoid(Vector128.CreateScalarUnsafe(x)).ToScalar();

    /// <summary><c>max(0, x)</c>, as <see cref="VectorMath.Relu(Vector128{float})"/> computes it; NaN stays NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Relu(float x) => VectorMath.Relu(Vector128.CreateScalarUnsafe(x)).ToScalar();

    /// <summary><c>values[i] = tanh(values[i])</c> in place, vectorized (<see cref="VectorMath.Tanh(System.Runtime.Intrinsics.Vector512{float})"/>: within 1e-6, subnormal results flushed to ±0).</summary>
    public static void Tanh(Span<float> values) => ElementwiseLoops.InPlace<TanhFunction>(values);

    /// <summary><c>values[i] = sigmoid(values[i])</c> in place, vectorized (within 1e-6).</summary>
    public static void Sigmoid(Span<float> values) => ElementwiseLoops.InPlace<SigmoidFunction>(values);

    /// <summary><c>values[i] = max(0, values[i])</c> in place, vectorized; results below the smallest normal float, <c>2^-126 ≈ 1.1755e-38</c>, become +0, NaN stays NaN.</summary>
    public static void Relu(Span<float> values) => ElementwiseLoops.InPlace<ReluFunction>(values);

    /// <summary><c>gradient[i] *= 1 - y[i]²</c>: chains d tanh into an incoming gradient. <paramref name="y"/> holds at least <c>gradient.Length</c> floats.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="y"/> is shorter than <paramref name="gradient"/>.</exception>
    public static void MultiplyByTanhDerivative(ReadOnlySpan<float> y, Span<float> gradient) =>
        ElementwiseLoops.Update<TanhGradient>(y, gradient);

    /// <summary><c>gradient[i] *= y[i] (1 - y[i])</c>: chains d sigmoid into an incoming gradient. <paramref name="y"/> holds at least <c>gradient.Length</c> floats.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="y"/> is shorter than <paramref name="gradient"/>.</exception>
    public static void MultiplyBySigmoidDerivative(ReadOnlySpan<float> y, Span<float> gradient) =>
        ElementwiseLoops.Update<SigmoidGradient>(y, gradient);

    /// <summary><c>gradient[i] = 0</c> where <c>y[i] &lt;= 0</c> (or NaN): chains d relu into an incoming gradient. <paramref name="y"/> holds at least <c>gradient.Length</c> floats.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="y"/> is shorter than <paramref name="gradient"/>.</exception>
    public static void MultiplyByReluDerivative(ReadOnlySpan<float> y, Span<float> gradient) =>
        ElementwiseLoops.Update<ReluGradient>(y, gradient);

    /// <summary>Keras 3 (and PyTorch) hard sigmoid <c>relu6(x + 3) / 6</c>, as <see cref="VectorMath.HardSigmoid(Vector128{float})"/> computes it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float HardSigmoid(float x) => VectorMath.HardSigmoid(Vector128.CreateScalarUnsafe(x)).ToScalar();

    /// <summary><c>values[i] = hardsigmoid(values[i])</c> in place, vectorized: Keras 3 (and PyTorch) hard sigmoid <c>relu6(x + 3) / 6</c>.</summary>
    public static void HardSigmoid(Span<float> values) => ElementwiseLoops.InPlace<LaneFunction<HardSigmoidActivation>>(values);

    /// <summary><c>gradient[i] *= 1/6</c> where <c>0 &lt; y[i] &lt; 1</c>, else 0. <paramref name="y"/> holds at least <c>gradient.Length</c> floats.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="y"/> is shorter than <paramref name="gradient"/>.</exception>
    public static void MultiplyByHardSigmoidDerivative(ReadOnlySpan<float> y, Span<float> gradient) =>
        ElementwiseLoops.Update<LaneGradient<HardSigmoidActivation>>(y, gradient);

    /// <summary>Keras 2.x hard sigmoid <c>clip(0.2 x + 0.5, 0, 1)</c>, as <see cref="VectorMath.HardSigmoidKeras2(Vector128{float})"/> computes it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float HardSigmoidKeras2(float x) => VectorMath.HardSigmoidKeras2(Vector128.CreateScalarUnsafe(x)).ToScalar();

    /// <summary><c>values[i] = hardsigmoidkeras2(values[i])</c> in place, vectorized: Keras 2.x hard sigmoid <c>clip(0.2 x + 0.5, 0, 1)</c>.</summary>
    public static void HardSigmoidKeras2(Span<float> values) => ElementwiseLoops.InPlace<LaneFunction<HardSigmoidKeras2Activation>>(values);

    /// <summary><c>gradient[i] *= 0.2</c> where <c>0 &lt; y[i] &lt; 1</c>, else 0. <paramref name="y"/> holds at least <c>gradient.Length</c> floats.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="y"/> is shorter than <paramref name="gradient"/>.</exception>
    public static void MultiplyByHardSigmoidKeras2Derivative(ReadOnlySpan<float> y, Span<float> gradient) =>
        ElementwiseLoops.Update<LaneGradient<HardSigmoidKeras2Activation>>(y, gradient);

    /// <summary><c>elu(x)</c>: x for x &gt; 0, else <c>e^x - 1</c>, as <see cref="VectorMath.Elu(Vector128{float})"/> computes it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Elu(float x) => VectorMath.Elu(Vector128.CreateScalarUnsafe(x)).ToScalar();

    /// <summary><c>values[i] = elu(values[i])</c> in place, vectorized: <c>elu(x)</c>: x for x &gt; 0, else <c>e^x - 1</c>.</summary>
    public static void Elu(Span<float> values) => ElementwiseLoops.InPlace<LaneFunction<EluActivation>>(values);

    /// <summary><c>gradient[i] *= y[i] &lt; 0 ? y[i] + 1 : 1</c>. <paramref name="y"/> holds at least <c>gradient.Length</c> floats.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="y"/> is shorter than <paramref name="gradient"/>.</exception>
    public static void MultiplyByEluDerivative(ReadOnlySpan<float> y, Span<float> gradient) =>
        ElementwiseLoops.Update<LaneGradient<EluActivation>>(y, gradient);

    /// <summary><c>selu(x) = scale · elu(x, alpha)</c> with Keras' constants, as <see cref="VectorMath.Selu(Vector128{float})"/> computes it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Selu(float x) => VectorMath.Selu(Vector128.CreateScalarUnsafe(x)).ToScalar();

    /// <summary><c>values[i] = selu(values[i])</c> in place, vectorized: <c>selu(x) = scale · elu(x, alpha)</c> with Keras' constants.</summary>
    public static void Selu(Span<float> values) => ElementwiseLoops.InPlace<LaneFunction<SeluActivation>>(values);

    /// <summary><c>gradient[i] *= y[i] &lt; 0 ? y[i] + scale · alpha : scale</c>. <paramref name="y"/> holds at least <c>gradient.Length</c> floats.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="y"/> is shorter than <paramref name="gradient"/>.</exception>
    public static void MultiplyBySeluDerivative(ReadOnlySpan<float> y, Span<float> gradient) =>
        ElementwiseLoops.Update<LaneGradient<SeluActivation>>(y, gradient);

    /// <summary><c>softplus(x) = ln(1 + e^x)</c>, as <see cref="VectorMath.Softplus(Vector128{float})"/> computes it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Softplus(float x) => VectorMath.Softplus(Vector128.CreateScalarUnsafe(x)).ToScalar();

    /// <summary><c>values[i] = softplus(values[i])</c> in place, vectorized: <c>softplus(x) = ln(1 + e^x)</c>.</summary>
    public static void Softplus(Span<float> values) => ElementwiseLoops.InPlace<LaneFunction<SoftplusActivation>>(values);

    /// <summary><c>gradient[i] *= 1 - e^-y[i]</c> (the sigmoid of the input). <paramref name="y"/> holds at least <c>gradient.Length</c> floats.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="y"/> is shorter than <paramref name="gradient"/>.</exception>
    public static void MultiplyBySoftplusDerivative(ReadOnlySpan<float> y, Span<float> gradient) =>
        ElementwiseLoops.Update<LaneGradient<SoftplusActivation>>(y, gradient);

    /// <summary><c>softsign(x) = x / (1 + |x|)</c> (±∞ gives NaN, as in Keras), as <see cref="VectorMath.Softsign(Vector128{float})"/> computes it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Softsign(float x) => VectorMath.Softsign(Vector128.CreateScalarUnsafe(x)).ToScalar();

    /// <summary><c>values[i] = softsign(values[i])</c> in place, vectorized: <c>softsign(x) = x / (1 + |x|)</c> (±∞ gives NaN, as in Keras).</summary>
    public static void Softsign(Span<float> values) => ElementwiseLoops.InPlace<LaneFunction<SoftsignActivation>>(values);

    /// <summary><c>gradient[i] *= (1 - |y[i]|)²</c>. <paramref name="y"/> holds at least <c>gradient.Length</c> floats.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="y"/> is shorter than <paramref name="gradient"/>.</exception>
    public static void MultiplyBySoftsignDerivative(ReadOnlySpan<float> y, Span<float> gradient) =>
        ElementwiseLoops.Update<LaneGradient<SoftsignActivation>>(y, gradient);

    /// <summary><c>swish(x) = silu(x) = x · sigmoid(x)</c> (-∞ gives NaN, as in Keras), as <see cref="VectorMath.Swish(Vector128{float})"/> computes it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Swish(float x) => VectorMath.Swish(Vector128.CreateScalarUnsafe(x)).ToScalar();

    /// <summary><c>values[i] = swish(values[i])</c> in place, vectorized: <c>swish(x) = silu(x) = x · sigmoid(x)</c> (-∞ gives NaN, as in Keras).</summary>
    public static void Swish(Span<float> values) => ElementwiseLoops.InPlace<LaneFunction<SwishActivation>>(values);

    /// <summary><c>gradient[i] *= s (1 + x[i] (1 - s))</c>, s = sigmoid(x[i]): from the pre-activation <paramref name="x"/>, since swish is no function of its output. <paramref name="x"/> holds at least <c>gradient.Length</c> floats.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="x"/> is shorter than <paramref name="gradient"/>.</exception>
    public static void MultiplyBySwishDerivative(ReadOnlySpan<float> x, Span<float> gradient) =>
        ElementwiseLoops.Update<LaneGradient<SwishActivation>>(x, gradient);

    /// <summary>The slope of hardsigmoid from its output <paramref name="y"/>, as <see cref="MultiplyByHardSigmoidDerivative"/> chains it: for unrolled backward code.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float HardSigmoidDerivative(float y) =>
        HardSigmoidActivation.ChainDerivative<Lanes128, Vector128<float>>(Vector128.CreateScalarUnsafe(y), Vector128.CreateScalarUnsafe(1f)).ToScalar();

    /// <summary>The slope of hardsigmoidkeras2 from its output <paramref name="y"/>, as <see cref="MultiplyByHardSigmoidKeras2Derivative"/> chains it: for unrolled backward code.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float HardSigmoidKeras2Derivative(float y) =>
        HardSigmoidKeras2Activation.ChainDerivative<Lanes128, Vector128<float>>(Vector128.CreateScalarUnsafe(y), Vector128.CreateScalarUnsafe(1f)).ToScalar();

    /// <summary>The slope of elu from its output <paramref name="y"/>, as <see cref="MultiplyByEluDerivative"/> chains it: for unrolled backward code.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float EluDerivative(float y) =>
        EluActivation.ChainDerivative<Lanes128, Vector128<float>>(Vector128.CreateScalarUnsafe(y), Vector128.CreateScalarUnsafe(1f)).ToScalar();

    /// <summary>The slope of selu from its output <paramref name="y"/>, as <see cref="MultiplyBySeluDerivative"/> chains it: for unrolled backward code.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float SeluDerivative(float y) =>
        SeluActivation.ChainDerivative<Lanes128, Vector128<float>>(Vector128.CreateScalarUnsafe(y), Vector128.CreateScalarUnsafe(1f)).ToScalar();

    /// <summary>The slope of softplus from its output <paramref name="y"/>, as <see cref="MultiplyBySoftplusDerivative"/> chains it: for unrolled backward code.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float SoftplusDerivative(float y) =>
        SoftplusActivation.ChainDerivative<Lanes128, Vector128<float>>(Vector128.CreateScalarUnsafe(y), Vector128.CreateScalarUnsafe(1f)).ToScalar();

    /// <summary>The slope of softsign from its output <paramref name="y"/>, as <see cref="MultiplyBySoftsignDerivative"/> chains it: for unrolled backward code.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float SoftsignDerivative(float y) =>
        SoftsignActivation.ChainDerivative<Lanes128, Vector128<float>>(Vector128.CreateScalarUnsafe(y), Vector128.CreateScalarUnsafe(1f)).ToScalar();

    /// <summary>The slope of swish from its pre-activation <paramref name="x"/>, as <see cref="MultiplyBySwishDerivative"/> chains it: for unrolled backward code.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float SwishDerivative(float x) =>
        SwishActivation.ChainDerivative<Lanes128, Vector128<float>>(Vector128.CreateScalarUnsafe(x), Vector128.CreateScalarUnsafe(1f)).ToScalar();
}
