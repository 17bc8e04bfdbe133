using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;
using RnnGen.Benchmarks.Measurement;

namespace RnnGen.Benchmarks.Benchmarks;

/// <summary>
/// The bandwidth floor of the large shape's Predict: each of its 64 steps reads the 256 KB
/// RecurrentKernel (H = 256), which lives in L2 (1 MB per core here, L1 is 32 KB). Measures reading
/// that much from L2 with independent accumulators, and the same read as the step's actual
/// product <c>acc[0..256] += h_i · RecurrentKernel[i, 0..256]</c> with all 256 sums in registers.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
public class L2StreamFloorBenchmarks
{
    private const int HiddenUnits = 256;
    private const int MatrixFloats = HiddenUnits * HiddenUnits;
    private const int MatrixBytes = MatrixFloats * sizeof(float);

    private readonly float[] matrix = new float[MatrixFloats];
    private readonly float[] hidden = new float[HiddenUnits];
    private readonly float[] result = new float[HiddenUnits];

    [GlobalSetup]
    public void SetUp()
    {
        var random = new Random(9);
        for (int i = 0; i < matrix.Length; i++)
        {
            matrix[i] = (float)(random.NextDouble() - 0.5) * 0.1f;
        }

        for (int i = 0; i < hidden.Length; i++)
        {
            hidden[i] = (float)(random.NextDouble() - 0.5);
        }
    }

    /// <summary>Sums the 256 KB buffer with eight independent Vector512 accumulators: pure read bandwidth.</summary>
    [Benchmark, BenchmarkCategory(OperationKinds.Floor), StreamedBytes(MatrixBytes)]
    public float ReadFromL2_256KB()
    {
        ref float start = ref MemoryMarshal.GetArrayDataReference(matrix);
        Vector512<float> a0 = default, a1 = default, a2 = default, a3 = default;
        Vector512<float> a4 = default, a5 = default, a6 = default, a7 = default;
        for (nuint i = 0; i < MatrixFloats; i += 128)
        {
            a0 += Vector512.LoadUnsafe(ref start, i);
            a1 += Vector512.LoadUnsafe(ref start, i + 16);
            a2 += Vector512.LoadUnsafe(ref start, i + 32);
            a3 += Vector512.LoadUnsafe(ref start, i + 48);
            a4 += Vector512.LoadUnsafe(ref start, i + 64);
            a5 += Vector512.LoadUnsafe(ref start, i + 80);
            a6 += Vector512.LoadUnsafe(ref start, i + 96);
            a7 += Vector512.LoadUnsafe(ref start, i + 112);
        }

        return Vector512.Sum((a0 + a1) + (a2 + a3) + ((a4 + a5) + (a6 + a7)));
    }

    /// <summary>One recurrent step's <c>h · RecurrentKernel</c> in axpy form, 16 Vector512 sums held in registers.</summary>
    [Benchmark, BenchmarkCategory(OperationKinds.Floor), StreamedBytes(MatrixBytes)]
    public float RecurrentProductFromL2_256KB()
    {
        ref float row = ref MemoryMarshal.GetArrayDataReference(matrix);
        ref float h = ref MemoryMarshal.GetArrayDataReference(hidden);
        Vector512<float> s0 = default, s1 = default, s2 = default, s3 = default;
        Vector512<float> s4 = default, s5 = default, s6 = default, s7 = default;
        Vector512<float> s8 = default, s9 = default, s10 = default, s11 = default;
        Vector512<float> s12 = default, s13 = default, s14 = default, s15 = default;
        for (int i = 0; i < HiddenUnits; i++)
        {
            Vector512<float> hi = Vector512.Create(Unsafe.Add(ref h, i));
            s0 = Vector512.FusedMultiplyAdd(hi, Vector512.LoadUnsafe(ref row, 0), s0);
            s1 = Vector512.FusedMultiplyAdd(hi, Vector512.LoadUnsafe(ref row, 16), s1);
            s2 = Vector512.FusedMultiplyAdd(hi, Vector512.LoadUnsafe(ref row, 32), s2);
            s3 = Vector512.FusedMultiplyAdd(hi, Vector512.LoadUnsafe(ref row, 48), s3);
            s4 = Vector512.FusedMultiplyAdd(hi, Vector512.LoadUnsafe(ref row, 64), s4);
            s5 = Vector512.FusedMultiplyAdd(hi, Vector512.LoadUnsafe(ref row, 80), s5);
            s6 = Vector512.FusedMultiplyAdd(hi, Vector512.LoadUnsafe(ref row, 96), s6);
            s7 = Vector512.FusedMultiplyAdd(hi, Vector512.LoadUnsafe(ref row, 112), s7);
            s8 = Vector512.FusedMultiplyAdd(hi, Vector512.LoadUnsafe(ref row, 128), s8);
            s9 = Vector512.FusedMultiplyAdd(hi, Vector512.LoadUnsafe(ref row, 144), s9);
            s10 = Vector512.FusedMultiplyAdd(hi, Vector512.LoadUnsafe(ref row, 160), s10);
            s11 = Vector512.FusedMultiplyAdd(hi, Vector512.LoadUnsafe(ref row, 176), s11);
            s12 = Vector512.FusedMultiplyAdd(hi, Vector512.LoadUnsafe(ref row, 192), s12);
            s13 = Vector512.FusedMultiplyAdd(hi, Vector512.LoadUnsafe(ref row, 208), s13);
            s14 = Vector512.FusedMultiplyAdd(hi, Vector512.LoadUnsafe(ref row, 224), s14);
            s15 = Vector512.FusedMultiplyAdd(hi, Vector512.LoadUnsafe(ref row, 240), s15);
            row = ref Unsafe.Add(ref row, HiddenUnits);
        }

        ref float output = ref MemoryMarshal.GetArrayDataReference(result);
        s0.StoreUnsafe(ref output, 0);
        s1.StoreUnsafe(ref output, 16);
        s2.StoreUnsafe(ref output, 32);
        s3.StoreUnsafe(ref output, 48);
        s4.StoreUnsafe(ref output, 64);
        s5.StoreUnsafe(ref output, 80);
        s6.StoreUnsafe(ref output, 96);
        s7.StoreUnsafe(ref output, 112);
        s8.StoreUnsafe(ref output, 128);
        s9.StoreUnsafe(ref output, 144);
        s10.StoreUnsafe(ref output, 160);
        s11.StoreUnsafe(ref output, 176);
        s12.StoreUnsafe(ref output, 192);
        s13.StoreUnsafe(ref output, 208);
        s14.StoreUnsafe(ref output, 224);
        s15.StoreUnsafe(ref output, 240);
        return result[HiddenUnits - 1];
    }
}
