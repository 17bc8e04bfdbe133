using BenchmarkDotNet.Attributes;
using RnnGen.Training;

namespace RnnGen.Benchmarks.Benchmarks;

/// <summary>
/// What a model of <see cref="HiddenUnits"/> units costs to construct: Keras' <c>orthogonal</c> recurrent
/// kernel, <c>[H, H]</c>, is the only super-linear step of a model's initialization (normal draws, a QR
/// decomposition, the sign correction). One call is one <c>KerasInitializers.Orthogonal</c> of that size.
/// </summary>
[MemoryDiagnoser]
public class OrthogonalInitializerBenchmarks
{
    private float[] kernel = [];

    [Params(64, 256, 1024, 2048)]
    public int HiddenUnits { get; set; }

    [GlobalSetup]
    public void SetUp() => kernel = new float[HiddenUnits * HiddenUnits];

    /// <summary>A fresh seed per call costs nothing next to the QR, and keeps every call's work the same.</summary>
    [Benchmark]
    public float Orthogonal()
    {
        KerasInitializers.Orthogonal(kernel, HiddenUnits, HiddenUnits, new Random(1));
        return kernel[^1];
    }
}
