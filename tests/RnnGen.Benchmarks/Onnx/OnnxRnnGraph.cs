using static RnnGen.Benchmarks.Onnx.OnnxFields;

namespace RnnGen.Benchmarks.Onnx;

/// <summary>
/// Builds, as ONNX bytes, the graph that serves a SimpleRNN + Dense model in ONNX Runtime:
/// <c>x [T, 1, F] → RNN → Y_h [1, 1, H] → Reshape [1, H] → Gemm (+ activation) → y [1, D]</c>.
/// </summary>
/// <remarks>
/// ONNX's RNN computes <c>H_t = f(X_t·Wᵀ + H_{t-1}·Rᵀ + Wb + Rb)</c> with <c>W [1, H, F]</c> and
/// <c>R [1, H, H]</c>, so W is the Keras Kernel transposed, R the RecurrentKernel transposed, and
/// <c>B = [Bias, zeros]</c>. The Dense layer is a Gemm on the Keras <c>[H, D]</c> kernel as it is.
/// </remarks>
internal static class OnnxRnnGraph
{
    private const long IrVersion = 8;
    private const long OpsetVersion = 17;

    public const string InputName = "x";
    public const string OutputName = "y";

    /// <summary>The serialized ModelProto for <paramref name="shape"/> with the given Keras-layout weights.</summary>
    public static byte[] Build(RnnShape shape, ReadOnlySpan<float> parameters)
    {
        if (shape.ReturnSequences || shape.Stateful)
        {
            throw new NotSupportedException("The ONNX baseline serves the last step of a stateless model only.");
        }

        int f = shape.Features;
        int h = shape.HiddenUnits;
        int d = shape.DenseUnits;
        ReadOnlySpan<float> kernel = parameters.Slice(0, f * h);
        ReadOnlySpan<float> recurrentKernel = parameters.Slice(f * h, h * h);
        ReadOnlySpan<float> bias = parameters.Slice(f * h + h * h, h);
        ReadOnlySpan<float> denseKernel = parameters.Slice(f * h + h * h + h, h * d);
        ReadOnlySpan<float> denseBias = parameters.Slice(f * h + h * h + h + h * d, d);

        float[] inputBias = new float[2 * h];
        bias.CopyTo(inputBias);

        var graph = new ProtoMessage()
            .String(OnnxFields.Graph.Name, "rnngen_benchmark")
            .Message(OnnxFields.Graph.Initializer, FloatTensor("W", [1, h, f], Transpose(kernel, f, h)))
            .Message(OnnxFields.Graph.Initializer, FloatTensor("R", [1, h, h], Transpose(recurrentKernel, h, h)))
            .Message(OnnxFields.Graph.Initializer, FloatTensor("B", [1, 2 * h], inputBias))
            .Message(OnnxFields.Graph.Initializer, Int64Tensor("state_shape", [2], [1, h]))
            .Message(OnnxFields.Graph.Initializer, FloatTensor("dense_kernel", [h, d], denseKernel))
            .Message(OnnxFields.Graph.Initializer, FloatTensor("dense_bias", [d], denseBias))
            .Message(OnnxFields.Graph.Input, TensorValue(InputName, [shape.TimeSteps, 1, f]))
            .Message(OnnxFields.Graph.Output, TensorValue(OutputName, [1, d]))
            .Message(OnnxFields.Graph.Node, RnnNode(shape))
            .Message(OnnxFields.Graph.Node, Node("Reshape", ["h_last", "state_shape"], "h_2d"));

        if (shape.DenseActivation == Activation.Linear)
        {
            graph.Message(OnnxFields.Graph.Node, Node("Gemm", ["h_2d", "dense_kernel", "dense_bias"], OutputName));
        }
        else
        {
            graph.Message(OnnxFields.Graph.Node, Node("Gemm", ["h_2d", "dense_kernel", "dense_bias"], "dense"))
                 .Message(OnnxFields.Graph.Node, Node(OperatorName(shape.DenseActivation), ["dense"], OutputName));
        }

        return new ProtoMessage()
            .Int64(OnnxFields.Model.IrVersion, IrVersion)
            .String(OnnxFields.Model.ProducerName, "RnnGen.Benchmarks")
            .Message(OnnxFields.Model.OpsetImport, new ProtoMessage()
                .String(OperatorSetId.Domain, "")
                .Int64(OperatorSetId.Version, OpsetVersion))
            .Message(OnnxFields.Model.Graph, graph)
            .ToByteArray();
    }

    // RNN with only Y_h wired (the empty name leaves the per-step output Y unused).
    private static ProtoMessage RnnNode(RnnShape shape) =>
        new ProtoMessage()
            .String(OnnxFields.Node.Input, InputName)
            .String(OnnxFields.Node.Input, "W")
            .String(OnnxFields.Node.Input, "R")
            .String(OnnxFields.Node.Input, "B")
            .String(OnnxFields.Node.Output, "")
            .String(OnnxFields.Node.Output, "h_last")
            .String(OnnxFields.Node.OpType, "RNN")
            .Message(OnnxFields.Node.Attribute, IntAttribute("hidden_size", shape.HiddenUnits))
            .Message(OnnxFields.Node.Attribute, IntAttribute("layout", 0))
            .Message(OnnxFields.Node.Attribute, new ProtoMessage()
                .String(OnnxFields.Attribute.Name, "activations")
                .Int64(OnnxFields.Attribute.Type, OnnxFields.Attribute.TypeStrings)
                .String(OnnxFields.Attribute.Strings, OperatorName(shape.HiddenActivation)));

    private static ProtoMessage Node(string operatorType, string[] inputs, string output)
    {
        var node = new ProtoMessage();
        foreach (string input in inputs)
        {
            node.String(OnnxFields.Node.Input, input);
        }

        return node.String(OnnxFields.Node.Output, output).String(OnnxFields.Node.OpType, operatorType);
    }

    private static ProtoMessage IntAttribute(string name, long value) =>
        new ProtoMessage()
            .String(OnnxFields.Attribute.Name, name)
            .Int64(OnnxFields.Attribute.Type, OnnxFields.Attribute.TypeInt)
            .Int64(OnnxFields.Attribute.Int, value);

    private static ProtoMessage FloatTensor(string name, long[] dims, ReadOnlySpan<float> values) =>
        new ProtoMessage()
            .PackedInt64s(OnnxFields.Tensor.Dims, dims)
            .Int64(OnnxFields.Tensor.DataType, OnnxFields.Tensor.Float)
            .String(OnnxFields.Tensor.Name, name)
            .PackedFloats(OnnxFields.Tensor.FloatData, values);

    private static ProtoMessage Int64Tensor(string name, long[] dims, long[] values) =>
        new ProtoMessage()
            .PackedInt64s(OnnxFields.Tensor.Dims, dims)
            .Int64(OnnxFields.Tensor.DataType, OnnxFields.Tensor.Int64)
            .String(OnnxFields.Tensor.Name, name)
            .PackedInt64s(OnnxFields.Tensor.Int64Data, values);

    private static ProtoMessage TensorValue(string name, long[] dims)
    {
        var shape = new ProtoMessage();
        foreach (long dim in dims)
        {
            shape.Message(OnnxFields.Type.Dimension, new ProtoMessage().Int64(OnnxFields.Type.DimensionValue, dim));
        }

        var tensorType = new ProtoMessage()
            .Int64(OnnxFields.Type.ElementType, OnnxFields.Tensor.Float)
            .Message(OnnxFields.Type.Shape, shape);

        return new ProtoMessage()
            .String(OnnxFields.ValueInfo.Name, name)
            .Message(OnnxFields.ValueInfo.Type, new ProtoMessage().Message(OnnxFields.Type.TensorType, tensorType));
    }

    // Row-major [rows, columns] → row-major [columns, rows].
    private static float[] Transpose(ReadOnlySpan<float> matrix, int rows, int columns)
    {
        var transposed = new float[matrix.Length];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                transposed[c * rows + r] = matrix[r * columns + c];
            }
        }

        return transposed;
    }

    private static string OperatorName(Activation activation) => activation switch
    {
        Activation.Tanh => "Tanh",
        Activation.Relu => "Relu",
        Activation.Sigmoid => "Sigmoid",
        _ => throw new NotSupportedException($"No ONNX RNN activation for {activation} in this benchmark."),
    };
}
