using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace RnnGen.Benchmarks.Measurement;

/// <summary>
/// The cheapest tanh the latency floor may assume: <c>tanh(x) = sign(x) (1 - e) / (1 + e)</c> with
/// <c>e = exp(-2|x|)</c>, the exponential from one range reduction and a degree-6 Taylor polynomial.
/// Accurate to about 2e-7 absolute (checked against double by <c>--verify</c>); NaN is not handled,
/// which only makes the floor lower.
/// </summary>
internal static class FastVectorTanh
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Tanh(Vector128<float> x)
    {
        // Below -20 the exponential no longer changes tanh in float.
        Vector128<float> y = Vector128.Max(Vector128.Abs(x) * -2f, Vector128.Create(-20f));

        // exp(y) = 2ⁿ · exp(r), n = round(y / ln 2), |r| ≤ ln 2 / 2.
        Vector128<float> n = Vector128.Round(y * 1.44269504f);
        Vector128<float> r = Vector128.FusedMultiplyAdd(n, Vector128.Create(-0.693147182f), y);
        Vector128<float> p = Vector128.FusedMultiplyAdd(r, Vector128.Create(1f / 720f), Vector128.Create(1f / 120f));
        p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(1f / 24f));
        p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(1f / 6f));
        p = Vector128.FusedMultiplyAdd(p, r, Vector128.Create(0.5f));
        p = Vector128.FusedMultiplyAdd(p, r, Vector128<float>.One);
        p = Vector128.FusedMultiplyAdd(p, r, Vector128<float>.One);
        Vector128<int> exponent = (Vector128.ConvertToInt32(n) + Vector128.Create(127)) << 23;
        Vector128<float> e = p * exponent.AsSingle();

        Vector128<float> magnitude = (Vector128<float>.One - e) / (Vector128<float>.One + e);
        return Vector128.CopySign(magnitude, x);
    }
}
