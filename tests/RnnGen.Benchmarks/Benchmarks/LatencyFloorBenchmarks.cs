using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;
using RnnGen.Benchmarks.Measurement;
using RnnGen.Kernels;

namespace RnnGen.Benchmarks.Benchmarks;

/// <summary>
/// The latency floor of the tutorial's Predict (T=12, H=3): its 12 steps form one dependency
/// chain, each step three dependent FMAs (<c>acc += h_i · RecurrentKernel[i, 0..3]</c>, the input
/// projection being off the chain) and one vectorized tanh, then the Dense dot product.
/// Nothing here is a model: it is the least any implementation of that chain must wait.
/// </summary>
/// <remarks>
/// <para>
/// The tanh is the product's own, <see cref="VectorMath.Tanh(Vector128{float})"/> (a clamped rational
/// function, the fastest accurate one available here), so the floor and the generated Predict pay the
/// same activation and "within 1.3× of the floor" compares like with like.
/// </para>
/// <para>
/// Each call starts from the previous call's result multiplied by zero (which the JIT may not fold for
/// floats), so calls form one long chain: without it the CPU overlaps independent calls and the
/// benchmark reports throughput, not latency. That link adds a multiply and a broadcast per call.
/// </para>
/// </remarks>
[MemoryDiagnoser]
[CategoriesColumn]
public class LatencyFloorBenchmarks
{
    private const int TimeSteps = 12;

    private readonly Vector128<float>[] stepInputs = new Vector128<float>[TimeSteps];
    private Vector128<float> row0;
    private Vector128<float> row1;
    private Vector128<float> row2;
    private Vector128<float> denseKernel;
    private float previousResult;

    [GlobalSetup]
    public void SetUp()
    {
        var random = new Random(5);
        float Next() => (float)(random.NextDouble() - 0.5);
        for (int t = 0; t < TimeSteps; t++)
        {
            stepInputs[t] = Vector128.Create(Next(), Next(), Next(), 0f);
        }

        row0 = Vector128.Create(Next(), Next(), Next(), 0f);
        row1 = Vector128.Create(Next(), Next(), Next(), 0f);
        row2 = Vector128.Create(Next(), Next(), Next(), 0f);
        denseKernel = Vector128.Create(Next(), Next(), Next(), 0f);
    }

    /// <summary>The chain without the activation: FMA latency alone.</summary>
    [Benchmark, BenchmarkCategory(OperationKinds.Floor)]
    public float FmaChain_Tutorial()
    {
        Vector128<float> h = Vector128.Create(previousResult * 0f);
        for (int t = 0; t < TimeSteps; t++)
        {
            h = RecurrentStep(h, stepInputs[t]);
        }

        return previousResult = Vector128.Sum(h * denseKernel);
    }

    /// <summary>The floor: the chain with <see cref="VectorMath.Tanh(Vector128{float})"/> in every step and on the output.</summary>
    [Benchmark, BenchmarkCategory(OperationKinds.Floor)]
    public float FmaTanhChain_Tutorial()
    {
        Vector128<float> h = Vector128.Create(previousResult * 0f);
        for (int t = 0; t < TimeSteps; t++)
        {
            h = VectorMath.Tanh(RecurrentStep(h, stepInputs[t]));
        }

        return previousResult = VectorMath.Tanh(Vector128.Create(Vector128.Sum(h * denseKernel))).ToScalar();
    }

    // acc = x_t·Kernel + Bias, then acc += h_i · RecurrentKernel[i, ..] for i = 0, 1, 2.
    private Vector128<float> RecurrentStep(Vector128<float> h, Vector128<float> inputProjection)
    {
        Vector128<float> acc = Vector128.FusedMultiplyAdd(Vector128.Shuffle(h, Vector128.Create(0)), row0, inputProjection);
        acc = Vector128.FusedMultiplyAdd(Vector128.Shuffle(h, Vector128.Create(1)), row1, acc);
        return Vector128.FusedMultiplyAdd(Vector128.Shuffle(h, Vector128.Create(2)), row2, acc);
    }
}
