using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using RnnGen.Benchmarks.Baselines;
using RnnGen.Benchmarks.Measurement;
using RnnGen.Benchmarks.Models;
using RnnGen.Benchmarks.Training;
using RnnGen.Training;

namespace RnnGen.Benchmarks.Benchmarks;

/// <summary>
/// Generated <see cref="StackedRnn"/> against <see cref="NaiveSequential"/>, the runtime-sized stack
/// (the Ratio baseline). ONNX Runtime is not a contestant here: the graph
/// <c>OnnxRnnGraph</c> builds is one recurrent node and one Gemm.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[ModelShape(typeof(StackedRnn))]
public class StackedShapeBenchmarks
{
    private const int BatchSequences = 256;

    private readonly StackedRnn model = new(seed: 7);
    private readonly Adam adam = new();
    private readonly Adam naiveAdam = new();
    private NaiveSequential naive = null!;
    private SyntheticSequences trainingSet = null!;
    private float[] input = [];
    private float[] target = [];
    private float[] output = [];
    private float[] batchInputs = [];
    private float[] batchOutputs = [];

    [GlobalSetup]
    public void SetUp()
    {
        naive = new NaiveSequential(StackedRnn.Layout);
        model.Parameters.CopyTo(naive.Parameters);
        var sample = new SyntheticSequences(1, StackedRnn.InputLength, StackedRnn.OutputLength, seed: 1);
        input = sample.Inputs;
        target = sample.Targets;
        output = new float[StackedRnn.OutputLength];
        var batch = new SyntheticSequences(BatchSequences, StackedRnn.InputLength, StackedRnn.OutputLength, seed: 2);
        batchInputs = batch.Inputs;
        batchOutputs = new float[BatchSequences * StackedRnn.OutputLength];
        trainingSet = new SyntheticSequences(FlopCount.EpochSamples, StackedRnn.InputLength, StackedRnn.OutputLength, seed: 3);
    }

    [Benchmark(Baseline = true), BenchmarkCategory(OperationKinds.Predict)]
    public float Naive_Predict()
    {
        naive.Predict(input, output);
        return output[0];
    }

    [Benchmark, BenchmarkCategory(OperationKinds.Predict)]
    public float Generated_Predict()
    {
        model.Predict(input, output);
        return output[0];
    }

    [Benchmark(Baseline = true), BenchmarkCategory(OperationKinds.Backward)]
    public float Naive_Backward()
    {
        naive.ClearGradients();
        return naive.Backward(input, target);
    }

    [Benchmark, BenchmarkCategory(OperationKinds.Backward)]
    public float Generated_Backward()
    {
        model.ClearGradients();
        return model.Backward(input, target);
    }

    [Benchmark(Baseline = true), BenchmarkCategory(OperationKinds.Epoch)]
    public float Naive_Epoch()
    {
        float loss = 0f;
        for (int s = 0; s < trainingSet.Samples; s++)
        {
            naive.ClearGradients();
            loss += naive.Backward(trainingSet.Input(s), trainingSet.Target(s));
            naiveAdam.Step(naive.Parameters, naive.Gradients);
        }

        return loss;
    }

    [Benchmark, BenchmarkCategory(OperationKinds.Epoch)]
    public float Generated_Epoch()
    {
        float loss = 0f;
        for (int s = 0; s < trainingSet.Samples; s++)
        {
            model.ClearGradients();
            loss += model.Backward(trainingSet.Input(s), trainingSet.Target(s));
            adam.Step(model.Parameters, model.Gradients);
        }

        return loss;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = BatchSequences), BenchmarkCategory(OperationKinds.PredictBatch)]
    public float Naive_PredictBatch()
    {
        naive.PredictBatch(batchInputs, batchOutputs);
        return batchOutputs[^1];
    }

    [Benchmark(OperationsPerInvoke = BatchSequences), BenchmarkCategory(OperationKinds.PredictBatch)]
    public float Generated_PredictBatch()
    {
        model.PredictBatch(batchInputs, batchOutputs);
        return batchOutputs[^1];
    }
}
