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

    /// <summary>Sequences per BackwardBatch call (a Keras batch of 64); times are reported per sequence.</summary>
    protected const int TrainingBatchSequences = 64;

    private protected NaiveRnn Naive { get; private set; } = null!;

    private protected OnnxRnnSession Onnx { get; private set; } = null!;

    private protected SyntheticSequences TrainingSet { get; private set; } = null!;

    private protected Adam NaiveAdam { get; private set; } = null!;

    protected float[] Input { get; private set; } = [];

    protected float[] Target { get; private set; } = [];

    protected float[] Output { get; private set; } = [];

    protected float[] BatchInputs { get; private set; } = [];

    protected float[] BatchOutputs { get; private set; } = [];

    /// <summary>The first <see cref="TrainingBatchSequences"/> of <see cref="BatchInputs"/>.</summary>
    protected float[] TrainingBatchInputs { get; private set; } = [];

    /// <summary>Their targets.</summary>
    protected float[] TrainingBatchTargets { get; private set; } = [];

    /// <summary>BackwardBatch's losses, one per sequence.</summary>
    protected float[] TrainingBatchLosses { get; private set; } = new float[TrainingBatchSequences];

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

    /// <summary>The naive baseline's Backward on each sequence of a training batch, for scale beside the generated model's.</summary>
    [Benchmark(OperationsPerInvoke = TrainingBatchSequences), BenchmarkCategory(OperationKinds.BackwardBatch)]
    public float Naive_BackwardEach()
    {
        Naive.ClearGradients();
        int inputLength = Input.Length, outputLength = Target.Length;
        float loss = 0f;
        for (int s = 0; s < TrainingBatchSequences; s++)
        {
            loss += Naive.Backward(TrainingBatchInputs.AsSpan(s * inputLength, inputLength), TrainingBatchTargets.AsSpan(s * outputLength, outputLength));
        }

        return loss;
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
        TrainingBatchInputs = batch.Inputs[..(TrainingBatchSequences * shape.InputLength)];
        TrainingBatchTargets = batch.Targets[..(TrainingBatchSequences * shape.OutputLength)];

        TrainingSet = new SyntheticSequences(FlopCount.EpochSamples, shape.InputLength, shape.OutputLength, seed: 3);
        NaiveAdam = new Adam();
    }
}
