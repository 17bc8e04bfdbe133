using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace RnnGen.Kernels;

/// <summary>
/// The activations and their derivatives, as generated code calls them: scalar forms for
/// unrolled code, span forms (vectorized with <see cref="VectorMath"/>) for loops.
/// Derivatives are written in terms of the activation's output <c>y</c>, which the forward
/// pass has already stored, so backward never recomputes a transcendental function.
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
}
