using Microsoft.ML.OnnxRuntime;

namespace RnnGen.Benchmarks.Onnx;

/// <summary>
/// ONNX Runtime serving <see cref="OnnxRnnGraph"/> on one thread, with input and output tensors
/// bound once to pinned arrays so a benchmarked <see cref="Run"/> measures the session, not marshalling.
/// </summary>
internal sealed class OnnxRnnSession : IDisposable
{
    private readonly InferenceSession session;
    private readonly RunOptions runOptions = new();
    private readonly OrtValue inputValue;
    private readonly OrtValue outputValue;
    private readonly string[] inputNames = [OnnxRnnGraph.InputName];
    private readonly string[] outputNames = [OnnxRnnGraph.OutputName];
    private readonly OrtValue[] inputValues;
    private readonly OrtValue[] outputValues;

    public OnnxRnnSession(RnnShape shape, ReadOnlySpan<float> parameters)
        : this(OnnxRnnGraph.LayoutOf(shape), parameters)
    {
    }

    public OnnxRnnSession(ModelLayout layout, ReadOnlySpan<float> parameters)
    {
        using var options = new SessionOptions
        {
            // One thread, as the generated code and the naive baseline use.
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        session = new InferenceSession(OnnxRnnGraph.Build(layout, parameters), options);

        Input = new float[layout.InputLength];
        Output = new float[layout.OutputUnits];
        inputValue = OrtValue.CreateTensorValueFromMemory(Input, [layout.TimeSteps, 1, layout.Features]);
        outputValue = OrtValue.CreateTensorValueFromMemory(Output, [1, layout.OutputUnits]);
        inputValues = [inputValue];
        outputValues = [outputValue];
    }

    /// <summary>The bound input, <c>[t * F + f]</c> (the same as ONNX's <c>[T, 1, F]</c>).</summary>
    public float[] Input { get; }

    /// <summary>The bound output, <c>[d]</c>; <see cref="Run"/> writes it.</summary>
    public float[] Output { get; }

    /// <summary>Runs the graph on <see cref="Input"/> into <see cref="Output"/>.</summary>
    public void Run() => session.Run(runOptions, inputNames, inputValues, outputNames, outputValues);

    public void Dispose()
    {
        inputValue.Dispose();
        outputValue.Dispose();
        runOptions.Dispose();
        session.Dispose();
    }
}
