using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using RnnGen.Benchmarks.Baselines;
using RnnGen.Benchmarks.Measurement;
using RnnGen.Benchmarks.Onnx;
using RnnGen.Benchmarks.Training;

namespace RnnGen.Benchmarks.Benchmarks;

/// <summary>
/// What every gated shape (64 steps of one feature, one LSTM or GRU layer, Dense(1)) measures, with the
/// baselines in the same class: <see cref="NaiveSequential"/> of the same layout with the generated model's
/// Parameters (the Ratio baseline) and, for Predict, ONNX Runtime's LSTM or GRU operator. A derived class per
/// shape adds the generated model's methods, calling the concrete generated type directly.
/// </summary>
/// <remarks>
/// Step streams: each call feeds the <see cref="StepsPerInvoke"/> steps of <see cref="Input"/> one by one and is
/// reported per step; the state carries on from call to call, as in a stream, and is never reset.
/// </remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public abstract class GatedShapeBenchmarks
{
    /// <summary>Streaming steps per Step call: the gated shapes' TimeSteps, so a call streams one input sequence.</summary>
    protected const int StepsPerInvoke = 64;

    private int features;

    private protected NaiveSequential Naive { get; private set; } = null!;

    private protected OnnxRnnSession Onnx { get; private set; } = null!;

    /// <summary>One sequence, <c>[t * Features + f]</c>; also the stream Step feeds.</summary>
    protected float[] Input { get; private set; } = [];

    protected float[] Target { get; private set; } = [];

    protected float[] Output { get; private set; } = [];

    /// <summary>The last layer's output for one step.</summary>
    protected float[] StepOutput { get; private set; } = [];

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

    [Benchmark(Baseline = true, OperationsPerInvoke = StepsPerInvoke), BenchmarkCategory(OperationKinds.Step)]
    public float Naive_Step()
    {
        for (int t = 0; t < StepsPerInvoke; t++)
        {
            Naive.Step(Input.AsSpan(t * features, features), StepOutput);
        }

        return StepOutput[0];
    }

    [Benchmark(Baseline = true), BenchmarkCategory(OperationKinds.Backward)]
    public float Naive_Backward()
    {
        Naive.ClearGradients();
        return Naive.Backward(Input, Target);
    }

    [GlobalCleanup]
    public void DisposeOnnxSession() => Onnx.Dispose();

    /// <summary>Gives both baselines the generated model's weights and prepares the data.</summary>
    /// <exception cref="InvalidOperationException">The model's TimeSteps is not <see cref="StepsPerInvoke"/>.</exception>
    protected void SetUpBaselines(IRnnModel generated)
    {
        ModelLayout layout = generated.Layout;
        if (layout.TimeSteps != StepsPerInvoke)
        {
            throw new InvalidOperationException($"The gated benchmarks stream {StepsPerInvoke} steps per Step call; {layout} has {layout.TimeSteps}.");
        }

        Naive = new NaiveSequential(layout);
        generated.Parameters.CopyTo(Naive.Parameters);
        Onnx = new OnnxRnnSession(layout, generated.Parameters);

        var sample = new SyntheticSequences(1, layout.InputLength, layout.OutputLength, seed: 1);
        Input = sample.Inputs;
        Target = sample.Targets;
        Input.CopyTo(Onnx.Input, 0);
        Output = new float[layout.OutputLength];
        StepOutput = new float[layout.OutputUnits];
        features = layout.Features;
    }
}
