using BenchmarkDotNet.Attributes;
using RnnGen.Benchmarks.Measurement;
using RnnGen.Benchmarks.Models;
using RnnGen.Benchmarks.Training;

namespace RnnGen.Benchmarks.Benchmarks;

/// <summary>Generated <see cref="GruH64"/> against the baselines of <see cref="GatedShapeBenchmarks"/>.</summary>
[ModelShape(typeof(GruH64))]
public class GruH64Benchmarks : GatedShapeBenchmarks
{
    /// <summary>Sequences per PredictBatch call (four tiles of the generated model's matrix products); times are reported per sequence.</summary>
    private const int BatchSequences = 64;

    private readonly GruH64 model = new(seed: 7);

    private float[] batchInputs = [];

    private float[] batchOutputs = [];

    [GlobalSetup]
    public void SetUp()
    {
        SetUpBaselines(model);
        batchInputs = new SyntheticSequences(BatchSequences, GruH64.InputLength, GruH64.OutputLength, seed: 2).Inputs;
        batchOutputs = new float[BatchSequences * GruH64.OutputLength];
    }

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
            model.Step(Input.AsSpan(t * GruH64.Features, GruH64.Features), StepOutput);
        }

        return StepOutput[0];
    }

    [Benchmark, BenchmarkCategory(OperationKinds.Backward)]
    public float Generated_Backward()
    {
        model.ClearGradients();
        return model.Backward(Input, Target);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = BatchSequences), BenchmarkCategory(OperationKinds.PredictBatch)]
    public float Naive_PredictBatch()
    {
        Naive.PredictBatch(batchInputs, batchOutputs);
        return batchOutputs[^1];
    }

    [Benchmark(OperationsPerInvoke = BatchSequences), BenchmarkCategory(OperationKinds.PredictBatch)]
    public float Generated_PredictBatch()
    {
        model.PredictBatch(batchInputs, batchOutputs);
        return batchOutputs[^1];
    }
}
