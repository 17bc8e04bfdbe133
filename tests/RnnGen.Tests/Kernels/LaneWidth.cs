using System.Numerics;
using System.Runtime.Intrinsics;
using RnnGen.Kernels;

namespace RnnGen.Tests.Kernels;

/// <summary>A register type of <see cref="VectorMath"/>; every width is tested whether or not the CPU accelerates it.</summary>
public enum LaneWidth
{
    Vector128,
    Vector256,
    Vector512,
    VectorT,
}

/// <summary>Applies one of <see cref="VectorMath"/>'s functions to whole arrays through a chosen register type.</summary>
internal static class LaneMath
{
    public static readonly TheoryData<LaneWidth> Widths = new(Enum.GetValues<LaneWidth>());

    public static float[] Tanh(LaneWidth width, float[] xs) =>
        Apply(width, xs, VectorMath.Tanh, VectorMath.Tanh, VectorMath.Tanh, VectorMath.Tanh);

    public static float[] Sigmoid(LaneWidth width, float[] xs) =>
        Apply(width, xs, VectorMath.Sigmoid, VectorMath.Sigmoid, VectorMath.Sigmoid, VectorMath.Sigmoid);

    public static float[] Relu(LaneWidth width, float[] xs) =>
        Apply(width, xs, VectorMath.Relu, VectorMath.Relu, VectorMath.Relu, VectorMath.Relu);

    private static float[] Apply(
        LaneWidth width,
        float[] xs,
        Func<Vector128<float>, Vector128<float>> f128,
        Func<Vector256<float>, Vector256<float>> f256,
        Func<Vector512<float>, Vector512<float>> f512,
        Func<Vector<float>, Vector<float>> fT)
    {
        int lanes = width switch
        {
            LaneWidth.Vector128 => Vector128<float>.Count,
            LaneWidth.Vector256 => Vector256<float>.Count,
            LaneWidth.Vector512 => Vector512<float>.Count,
            _ => Vector<float>.Count,
        };

        // Padded to whole registers with zeros; the padding is cut off again at the end.
        var padded = new float[(xs.Length + lanes - 1) / lanes * lanes];
        xs.CopyTo(padded, 0);
        var ys = new float[padded.Length];
        for (int i = 0; i < padded.Length; i += lanes)
        {
            switch (width)
            {
                case LaneWidth.Vector128:
                    f128(Vector128.Create(padded, i)).CopyTo(ys, i);
                    break;
                case LaneWidth.Vector256:
                    f256(Vector256.Create(padded, i)).CopyTo(ys, i);
                    break;
                case LaneWidth.Vector512:
                    f512(Vector512.Create(padded, i)).CopyTo(ys, i);
                    break;
                default:
                    fT(new Vector<float>(padded, i)).CopyTo(ys, i);
                    break;
            }
        }

        return ys[..xs.Length];
    }
}
