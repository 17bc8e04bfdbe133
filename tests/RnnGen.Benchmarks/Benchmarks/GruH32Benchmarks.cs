using BenchmarkDotNet.Attributes;
using RnnGen.Benchmarks.Measurement;
using RnnGen.Benchmarks.Models;

namespace RnnGen.Benchmarks.Benchmarks;

/// <summary>Generated <see cref="GruH32"/> against the baselines of <see cref="GatedShapeBenchmarks"/>.</summary>
[ModelShape(typeof(GruH32))]
public class GruH32Benchmarks : GatedShapeBenchmarks
{
    private readonly GruH32 model = new(seed: 7);

    [GlobalSetup]
    public void SetUp() => SetUpBaselines(model);

    [Benchmark, BenchmarkCategory(OperationKinds.Predict)]
    public float Generated_Predict()
    {
        model.Predict(Input, Output);
        return Output[0];
    }

    [Benchmark(OperationsPerInvoke = StepsPerInvoke), BenchmarkCategory(OperationKinds.Step)]
    public float Generated_Step()
    {
        for (int t = 0; t < StepsPerInvoke; t++)
        {
            model.Step(Input.AsSpan(t * GruH32.Features, GruH32.Features), StepOutput);
        }

        return StepOutput[0];
    }

    [Benchmark, BenchmarkCategory(OperationKinds.Backward)]
    public float Generated_Backward()
    {
        model.ClearGradients();
        return model.Backward(Input, Target);
    }
}
