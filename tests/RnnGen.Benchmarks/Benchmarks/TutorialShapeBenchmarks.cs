using BenchmarkDotNet.Attributes;
using RnnGen.Benchmarks.Measurement;
using RnnGen.Benchmarks.Models;
using RnnGen.Training;

namespace RnnGen.Benchmarks.Benchmarks;

/// <summary>Generated <see cref="TutorialRnn"/> against the baselines of <see cref="ShapeBenchmarks"/>.</summary>
[ModelShape(typeof(TutorialRnn))]
public class TutorialShapeBenchmarks : ShapeBenchmarks
{
    private readonly TutorialRnn model = new(seed: 7);
    private readonly Adam adam = new();

    private float firstInput;

    [GlobalSetup]
    public void SetUp()
    {
        SetUpBaselines(model);
        firstInput = Input[0];
    }

    [Benchmark, BenchmarkCategory(OperationKinds.Predict)]
    public float Generated_Predict()
    {
        model.Predict(Input, Output);
        return Output[0];
    }

    // Chained: each call's first input value waits for the previous call's output (times zero, so the data
    // stay the same), as in a real-time loop where one prediction feeds the next; compare with the floors.
    [Benchmark(Baseline = true), BenchmarkCategory(OperationKinds.PredictChained)]
    public float Naive_PredictChained()
    {
        Input[0] = firstInput + Output[0] * 0f;
        Naive.Predict(Input, Output);
        return Output[0];
    }

    [Benchmark, BenchmarkCategory(OperationKinds.PredictChained)]
    public float Generated_PredictChained()
    {
        Input[0] = firstInput + Output[0] * 0f;
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

    /// <summary>Backward on each sequence of a training batch, the baseline of BackwardBatch beside it.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = TrainingBatchSequences), BenchmarkCategory(OperationKinds.BackwardBatch)]
    public float Generated_BackwardEach()
    {
        model.ClearGradients();
        float loss = 0f;
        for (int s = 0; s < TrainingBatchSequences; s++)
        {
            loss += model.Backward(TrainingBatchInputs.AsSpan(s * TutorialRnn.InputLength, TutorialRnn.InputLength), TrainingBatchTargets.AsSpan(s * TutorialRnn.OutputLength, TutorialRnn.OutputLength));
        }

        return loss;
    }

    /// <summary>The same batch in one BackwardBatch call: the tutorial's model runs Backward on each sequence in turn, at the same cost.</summary>
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
