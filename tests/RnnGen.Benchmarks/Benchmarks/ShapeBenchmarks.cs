using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using RnnGen.Benchmarks.Baselines;
using RnnGen.Benchmarks.Measurement;
using RnnGen.Benchmarks.Onnx;
using RnnGen.Benchmarks.Training;
using RnnGen.Training;

namespace RnnGen.Benchmarks.Benchmarks;

/// <summary>
/// What every shape measures, with the baselines in the same class so each operation's group shows
/// generated vs naive (the Ratio baseline) vs ONNX Runtime side by side. A derived class per shape
/// adds the generated model's methods, calling the concrete generated type directly (no interface
/// dispatch in the timed code). Every method returns a float so no result is dead code.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public abstract class ShapeBenchmarks
{
    /// <summary>Sequences per PredictBatch call; times are reported per sequence.</summary>
    protected const int BatchSequences = 256;

    private protected NaiveRnn Naive { get; private set; } = null!;

    private protected OnnxRnnSession Onnx { get; private set; } = null!;

    private protected SyntheticSequences TrainingSet { get; private set; } = null!;

    private protected Adam NaiveAdam { get; private set; } = null!;

    protected float[] Input { get; private set; } = [];

    protected float[] Target { get; private set; } = [];

    protected float[] Output { get; private set; } = [];

    protected float[] BatchInputs { get; private set; } = [];

    protected float[] BatchOutputs { get; private set; } = [];

    [Benchmark(Baseline = true), BenchmarkCategory(OperationKinds.Predict)]
    public float Naive_Predict()
    {
        Naive.Predict(Input, Output);
        return Output[0];
    }

    [Benchmark, BenchmarkCategory(OperationKinds.Predict)]
    public float Onnx_Predict()
    {
        Onnx.Run();
        return Onnx.Output[0];
    }

    [Benchmark(Baseline = true), BenchmarkCategory(OperationKinds.Backward)]
    public float Naive_Backward()
    {
        Naive.ClearGradients();
        return Naive.Backward(Input, Target);
    }

    [Benchmark(Baseline = true), BenchmarkCategory(OperationKinds.Epoch)]
    public float Naive_Epoch()
    {
        float loss = 0f;
        for (int s = 0; s < TrainingSet.Samples; s++)
        {
            Naive.ClearGradients();
            loss += Naive.Backward(TrainingSet.Input(s), TrainingSet.Target(s));
            NaiveAdam.Step(Naive.Parameters, Naive.Gradients);
        }

        return loss;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = BatchSequences), BenchmarkCategory(OperationKinds.PredictBatch)]
    public float Naive_PredictBatch()
    {
        Naive.PredictBatch(BatchInputs, BatchOutputs);
        return BatchOutputs[^1];
    }

    [GlobalCleanup]
    public void DisposeOnnxSession() => Onnx.Dispose();

    /// <summary>Gives both baselines the generated model's weights and prepares the data.</summary>
    protected void SetUpBaselines(IRnnModel generated)
    {
        RnnShape shape = generated.Shape;
        Naive = new NaiveRnn(shape);
        generated.Parameters.CopyTo(Naive.Parameters);
        Onnx = new OnnxRnnSession(shape, generated.Parameters);

        var sample = new SyntheticSequences(1, shape.InputLength, shape.OutputLength, seed: 1);
        Input = sample.Inputs;
        Target = sample.Targets;
        Input.CopyTo(Onnx.Input, 0);
        Output = new float[shape.OutputLength];

        var batch = new SyntheticSequences(BatchSequences, shape.InputLength, shape.OutputLength, seed: 2);
        BatchInputs = batch.Inputs;
        BatchOutputs = new float[BatchSequences * shape.OutputLength];

        TrainingSet = new SyntheticSequences(FlopCount.EpochSamples, shape.InputLength, shape.OutputLength, seed: 3);
        NaiveAdam = new Adam();
    }
}
