using BenchmarkDotNet.Attributes;
using RnnGen.Benchmarks.Measurement;
using RnnGen.Benchmarks.Models;

namespace RnnGen.Benchmarks.Benchmarks;

/// <summary>Generated <see cref="LstmH32"/> against the baselines of <see cref="GatedShapeBenchmarks"/>.</summary>
[ModelShape(typeof(LstmH32))]
public class LstmH32Benchmarks : GatedShapeBenchmarks
{
    private readonly LstmH32 model = new(seed: 7);

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
            model.Step(Input.AsSpan(t * LstmH32.Features, LstmH32.Features), StepOutput);
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
