using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace RnnGen.Kernels;

/// <summary>tanh for <see cref="ElementwiseLoops"/>.</summary>
internal readonly struct TanhFunction : IVectorFunction
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Invoke(Vector128<float> x) => VectorMath.Tanh(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Invoke(Vector256<float> x) => VectorMath.Tanh(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Invoke(Vector512<float> x) => VectorMath.Tanh(x);
}

/// <summary>sigmoid for <see cref="ElementwiseLoops"/>.</summary>
internal readonly struct SigmoidFunction : IVectorFunction
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Invoke(Vector128<float> x) => VectorMath.Sigmoid(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Invoke(Vector256<float> x) => VectorMath.Sigmoid(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Invoke(Vector512<float> x) => VectorMath.Sigmoid(x);
}

/// <summary>relu for <see cref="ElementwiseLoops"/>.</summary>
internal readonly struct ReluFunction : IVectorFunction
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Invoke(Vector128<float> x) => VectorMath.Relu(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Invoke(Vector256<float> x) => VectorMath.Relu(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Invoke(Vector512<float> x) => VectorMath.Relu(x);
}

/// <summary><c>gradient · (1 - y²)</c> for <see cref="ElementwiseLoops"/>.</summary>
internal readonly struct TanhGradient : IVectorGradient
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Invoke(Vector128<float> y, Vector128<float> gradient) =>
        gradient * Vector128.MultiplyAddEstimate(-y, y, Vector128<float>.One);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Invoke(Vector256<float> y, Vector256<float> gradient) =>
        gradient * Vector256.MultiplyAddEstimate(-y, y, Vector256<float>.One);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Invoke(Vector512<float> y, Vector512<float> gradient) =>
        gradient * Vector512.MultiplyAddEstimate(-y, y, Vector512<float>.One);
}

/// <summary><c>gradient · y (1 - y)</c> for <see cref="ElementwiseLoops"/>.</summary>
internal readonly struct SigmoidGradient : IVectorGradient
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Invoke(Vector128<float> y, Vector128<float> gradient) =>
        gradient * Vector128.MultiplyAddEstimate(-y, y, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Invoke(Vector256<float> y, Vector256<float> gradient) =>
        gradient * Vector256.MultiplyAddEstimate(-y, y, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Invoke(Vector512<float> y, Vector512<float> gradient) =>
        gradient * Vector512.MultiplyAddEstimate(-y, y, y);
}

/// <summary><c>gradient</c> where <c>y &gt; 0</c>, else 0, for <see cref="ElementwiseLoops"/>.</summary>
internal readonly struct ReluGradient : IVectorGradient
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Invoke(Vector128<float> y, Vector128<float> gradient) =>
        gradient & Vector128.GreaterThan(y, Vector128<float>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Invoke(Vector256<float> y, Vector256<float> gradient) =>
        gradient & Vector256.GreaterThan(y, Vector256<float>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Invoke(Vector512<float> y, Vector512<float> gradient) =>
        gradient & Vector512.GreaterThan(y, Vector512<float>.Zero);
}

/// <summary>Any <see cref="ILaneActivation"/> for <see cref="ElementwiseLoops"/>.</summary>
internal readonly struct LaneFunction<TActivation> : IVectorFunction
    where TActivation : ILaneActivation
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Invoke(Vector128<float> x) => TActivation.Apply<Lanes128, Vector128<float>>(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Invoke(Vector256<float> x) => TActivation.Apply<Lanes256, Vector256<float>>(x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Invoke(Vector512<float> x) => TActivation.Apply<Lanes512, Vector512<float>>(x);
}

/// <summary>The chained derivative of any <see cref="ILaneActivation"/> for <see cref="ElementwiseLoops"/>.</summary>
internal readonly struct LaneGradient<TActivation> : IVectorGradient
    where TActivation : ILaneActivation
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Invoke(Vector128<float> value, Vector128<float> gradient) =>
        TActivation.ChainDerivative<Lanes128, Vector128<float>>(value, gradient);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Invoke(Vector256<float> value, Vector256<float> gradient) =>
        TActivation.ChainDerivative<Lanes256, Vector256<float>>(value, gradient);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Invoke(Vector512<float> value, Vector512<float> gradient) =>
        TActivation.ChainDerivative<Lanes512, Vector512<float>>(value, gradient);
}
