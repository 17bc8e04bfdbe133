using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace RnnGen.Kernels;

/// <summary>
/// Activations on whole SIMD registers, for generated code that keeps hidden states in vectors.
/// tanh(x) = sign(x) (1 - 2 / (e^{2|x|} + 1)); sigmoid(x) = 1 / (1 + e^{-x}); NaN propagates.
/// </summary>
public static class VectorMath
{
    /// <summary>tanh of each lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Tanh(Vector128<float> x)
    {
        Vector128<float> e = Vector128.Exp(Vector128.Abs(x) * Vector128.Create(2f));
        return Vector128.CopySign(Vector128<float>.One - Vector128.Create(2f) / (e + Vector128<float>.One), x);
    }

    /// <summary>tanh of each lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Tanh(Vector256<float> x)
    {
        Vector256<float> e = Vector256.Exp(Vector256.Abs(x) * Vector256.Create(2f));
        return Vector256.CopySign(Vector256<float>.One - Vector256.Create(2f) / (e + Vector256<float>.One), x);
    }

    /// <summary>tanh of each lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Tanh(Vector512<float> x)
    {
        Vector512<float> e = Vector512.Exp(Vector512.Abs(x) * Vector512.Create(2f));
        return Vector512.CopySign(Vector512<float>.One - Vector512.Create(2f) / (e + Vector512<float>.One), x);
    }

    /// <summary>tanh of each lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Tanh(Vector<float> x)
    {
        Vector<float> e = Vector.Exp(Vector.Abs(x) * new Vector<float>(2f));
        return Vector.CopySign(Vector<float>.One - new Vector<float>(2f) / (e + Vector<float>.One), x);
    }

    /// <summary>The logistic function of each lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Sigmoid(Vector128<float> x) => Vector128<float>.One / (Vector128<float>.One + Vector128.Exp(-x));

    /// <summary>The logistic function of each lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Sigmoid(Vector256<float> x) => Vector256<float>.One / (Vector256<float>.One + Vector256.Exp(-x));

    /// <summary>The logistic function of each lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Sigmoid(Vector512<float> x) => Vector512<float>.One / (Vector512<float>.One + Vector512.Exp(-x));

    /// <summary>The logistic function of each lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Sigmoid(Vector<float> x) => Vector<float>.One / (Vector<float>.One + Vector.Exp(-x));

    /// <summary>max(0, x) of each lane; NaN propagates.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Relu(Vector128<float> x) => Vector128.Max(x, Vector128<float>.Zero);

    /// <summary>max(0, x) of each lane; NaN propagates.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Relu(Vector256<float> x) => Vector256.Max(x, Vector256<float>.Zero);

    /// <summary>max(0, x) of each lane; NaN propagates.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Relu(Vector512<float> x) => Vector512.Max(x, Vector512<float>.Zero);

    /// <summary>max(0, x) of each lane; NaN propagates.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Relu(Vector<float> x) => Vector.Max(x, Vector<float>.Zero);
}
