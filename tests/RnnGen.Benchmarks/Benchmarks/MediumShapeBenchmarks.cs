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

    /// <summary>Backward on each sequence of a training batch: the per-sample path BackwardBatch is measured against.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = TrainingBatchSequences), BenchmarkCategory(OperationKinds.BackwardBatch)]
    public float Generated_BackwardEach()
    {
        model.ClearGradients();
        float loss = 0f;
        for (int s = 0; s < TrainingBatchSequences; s++)
        {
            loss += model.Backward(TrainingBatchInputs.AsSpan(s * MediumRnn.InputLength, MediumRnn.InputLength), TrainingBatchTargets.AsSpan(s * MediumRnn.OutputLength, MediumRnn.OutputLength));
        }

        return loss;
    }

    /// <summary>The same batch in one BackwardBatch call: tiles of 16 sequences whose BPTT is matrix products.</summary>
    [Benchmark(OperationsPerInvoke = TrainingBatchSequences), BenchmarkCategory(OperationKinds.BackwardBatch)]
    public float Generated_BackwardBatch()
    {
        model.ClearGradients();
        model.BackwardBatch(TrainingBatchInputs, TrainingBatchTargets, TrainingBatchLosses);
        return TrainingBatchLosses[^1];
    }

    [Benchmark(OperationsPerInvoke = BatchSequences), BenchmarkCategory(OperationKinds.PredictBatch)]
    public float Generated_PredictBatch()
    {
        model.PredictBatch(BatchInputs, BatchOutputs);
        return BatchOutputs[^1];
    }
}
