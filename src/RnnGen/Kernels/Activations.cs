using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace RnnGen.Kernels;

/// <summary>
/// The activations and their derivatives, as generated code calls them: scalar forms for
/// unrolled code, span forms (vectorized by <see cref="TensorPrimitives"/>) for loops.
/// Derivatives are written in terms of the activation's output <c>y</c>, which the forward
/// pass has already stored, so backward never recomputes a transcendental function.
/// </summary>
public static class Activations
{
    /// <summary><c>tanh(x)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Tanh(float x) => MathF.Tanh(x);

    /// <summary>The logistic function <c>1 / (1 + e^-x)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));

    /// <summary><c>max(0, x)</c>; NaN stays NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Relu(float x) => x > 0f ? x : (float.IsNaN(x) ? x : 0f);

    /// <summary>d tanh / dx at the point where tanh returned <paramref name="y"/>: <c>1 - y²</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float TanhDerivative(float y) => 1f - y * y;

    /// <summary>d sigmoid / dx at the point where sigmoid returned <paramref name="y"/>: <c>y (1 - y)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float SigmoidDerivative(float y) => y * (1f - y);

    /// <summary>d relu / dx where relu returned <paramref name="y"/>: 1 for y &gt; 0, else 0 (TensorFlow's choice at 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float ReluDerivative(float y) => y > 0f ? 1f : 0f;

    /// <summary><c>values[i] = tanh(values[i])</c>, vectorized.</summary>
    public static void Tanh(Span<float> values) => TensorPrimitives.Tanh(values, values);

    /// <summary><c>values[i] = sigmoid(values[i])</c>, vectorized.</summary>
    public static void Sigmoid(Span<float> values) => TensorPrimitives.Sigmoid(values, values);

    /// <summary><c>values[i] = max(0, values[i])</c>, vectorized.</summary>
    public static void Relu(Span<float> values) => TensorPrimitives.Max(values, 0f, values);

    /// <summary><c>gradient[i] *= 1 - y[i]²</c>: chains d tanh into an incoming gradient.</summary>
    public static void MultiplyByTanhDerivative(ReadOnlySpan<float> y, Span<float> gradient)
    {
        for (int i = 0; i < gradient.Length; i++)
        {
            gradient[i] *= 1f - y[i] * y[i];
        }
    }

    /// <summary><c>gradient[i] *= y[i] (1 - y[i])</c>: chains d sigmoid into an incoming gradient.</summary>
    public static void MultiplyBySigmoidDerivative(ReadOnlySpan<float> y, Span<float> gradient)
    {
        for (int i = 0; i < gradient.Length; i++)
        {
            gradient[i] *= y[i] * (1f - y[i]);
        }
    }

    /// <summary><c>gradient[i] = 0</c> where <c>y[i] &lt;= 0</c>: chains d relu into an incoming gradient.</summary>
    public static void MultiplyByReluDerivative(ReadOnlySpan<float> y, Span<float> gradient)
    {
        for (int i = 0; i < gradient.Length; i++)
        {
            if (!(y[i] > 0f))
            {
                gradient[i] = 0f;
            }
        }
    }
}
