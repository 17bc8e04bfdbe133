using BenchmarkDotNet.Attributes;
using RnnGen.Benchmarks.Measurement;
using RnnGen.Benchmarks.Models;
using RnnGen.Training;

namespace RnnGen.Benchmarks.Benchmarks;

/// <summary>Generated <see cref="MediumRnn"/> against the baselines of <see cref="ShapeBenchmarks"/>.</summary>
[ModelShape(typeof(MediumRnn))]
public class MediumShapeBenchmarks : ShapeBenchmarks
{
    private readonly MediumRnn model = new(seed: 7);
    private readonly Adam adam = new();

    [GlobalSetup]
    public void SetUp() => SetUpBaselines(model);

    [Benchmark, BenchmarkCategory(OperationKinds.Predict)]
    public float Generated_Predict()
    {
        model.Predict(Input, Output);
        return Output[0];
    }

    [Benchmark, BenchmarkCategory(OperationKinds.Backward)]
    public float Generated_Backward()
    {
        model.ClearGradients();
        return model.Backward(Input, Target);
    }

    [Benchmark, BenchmarkCategory(OperationKinds.Epoch)]
    public float Generated_Epoch()
    {
        float loss = 0f;
        for (int s = 0; s < TrainingSet.Samples; s++)
        {
            model.ClearGradients();
            loss += model.Backward(TrainingSet.Input(s), TrainingSet.Target(s));
            adam.Step(model.Parameters, model.Gradients);
        }

        return loss;
    }

    [Benchmark(OperationsPerInvoke = BatchSequences), BenchmarkCategory(OperationKinds.PredictBatch)]
    public float Generated_PredictBatch()
    {
        model.PredictBatch(BatchInputs, BatchOutputs);
        return BatchOutputs[^1];
    }
}
