using Google.Protobuf;
using RnnGen.Benchmarks.Onnx.Proto;

namespace RnnGen.Benchmarks.Onnx;

/// <summary>
/// Builds, as ONNX bytes, the graph that serves a one-recurrent-layer model in ONNX Runtime:
/// <c>x [T, 1, F] → RNN | LSTM | GRU → Y_h [1, 1, H] → Reshape [1, H]</c>, then, for a model ending in
/// Dense, <c>Gemm (+ activation) → y [1, D]</c>. The model is built from the messages protoc
/// generates for <c>onnx_subset.proto</c> and serialized by Google.Protobuf.
/// </summary>
/// <remarks>
/// ONNX's recurrent operators compute <c>X_t·Wᵀ + H_{t-1}·Rᵀ + Wb + Rb</c> per gate with
/// <c>W [1, G·H, F]</c> and <c>R [1, G·H, H]</c>: W is the Keras kernel transposed, R the recurrent
/// kernel transposed, gate block by gate block in ONNX's order. LSTM: ONNX's gates are i, o, f, c
/// (Keras: i, f, c, o), and Keras' one bias is Wb with Rb zero. GRU: both orders are z, r, h;
/// <c>linear_before_reset = 1</c> is Keras' reset_after, with the bias rows as Wb and Rb; without
/// reset_after Keras' one bias is Wb and Rb is zero. SimpleRNN: <c>B = [bias, zeros]</c>. The Dense
/// layer is a Gemm on the Keras <c>[H, D]</c> kernel as it is.
/// </remarks>
internal static class OnnxRnnGraph
{
    private const long IrVersion = 8;
    private const long OpsetVersion = 17;

    public const string InputName = "x";
    public const string OutputName = "y";

    /// <summary>The serialized ModelProto for a SimpleRNN + Dense <paramref name="shape"/> with the given Keras-layout weights.</summary>
    public static byte[] Build(RnnShape shape, ReadOnlySpan<float> parameters) => Build(LayoutOf(shape), parameters);

    /// <summary>The layout of a single-layer shape.</summary>
    public static ModelLayout LayoutOf(RnnShape shape) => new(
        shape.TimeSteps,
        shape.Features,
        shape.Stateful,
        LayerSettings.SimpleRnn(shape.HiddenUnits, shape.HiddenActivation, returnSequences: shape.ReturnSequences),
        LayerSettings.Dense(shape.DenseUnits, shape.DenseActivation));

    /// <summary>The serialized ModelProto for <paramref name="layout"/> (one recurrent layer, then at most one Dense layer) with the given Keras-layout weights.</summary>
    /// <exception cref="NotSupportedException">Another architecture, or an option the graph does not model.</exception>
    public static byte[] Build(ModelLayout layout, ReadOnlySpan<float> parameters)
    {
        LayerLayout recurrent = layout.Layers[0];
        LayerSettings cell = recurrent.Settings;
        if (layout.Stateful || !cell.IsRecurrent || cell.ReturnSequences || cell.GoBackwards || cell.Bidirectional || !cell.UseBias
            || layout.Layers.Count > 2 || (layout.Layers.Count == 2 && layout.Layers[1].Kind != LayerKind.Dense))
        {
            throw new NotSupportedException($"The ONNX baseline serves one stateless, forward, biased recurrent layer on its last step, then at most one Dense layer; not {layout}.");
        }

        int f = layout.Features;
        int h = cell.Units;
        int blocks = recurrent.Weights[0].Columns / h;
        int[] order = cell.Kind == LayerKind.Lstm ? [0, 3, 1, 2] : [.. Enumerable.Range(0, blocks)]; // ONNX block k is Keras block order[k]
        ReadOnlySpan<float> kernel = Of(recurrent.Weights[0], parameters);
        ReadOnlySpan<float> recurrentKernel = Of(recurrent.Weights[1], parameters);
        ReadOnlySpan<float> bias = Of(recurrent.Weights[2], parameters);

        float[] b = new float[2 * blocks * h];
        for (int k = 0; k < blocks; k++)
        {
            bias.Slice(order[k] * h, h).CopyTo(b.AsSpan(k * h));
            if (cell.Kind == LayerKind.Gru && cell.ResetAfter)
            {
                bias.Slice(blocks * h + order[k] * h, h).CopyTo(b.AsSpan((blocks + k) * h));
            }
        }

        var graph = new GraphProto
        {
            Name = "rnngen_benchmark",
            Initializer =
            {
                FloatTensor("W", [1, blocks * h, f], Gates(kernel, f, h, order)),
                FloatTensor("R", [1, blocks * h, h], Gates(recurrentKernel, h, h, order)),
                FloatTensor("B", [1, 2 * blocks * h], b),
                Int64Tensor("state_shape", [2], [1, h]),
            },
            Input = { TensorValue(InputName, [layout.TimeSteps, 1, f]) },
            Output = { TensorValue(OutputName, [1, layout.OutputUnits]) },
            Node = { RecurrentNode(cell) },
        };

        if (layout.Layers.Count == 1)
        {
            graph.Node.Add(Node("Reshape", ["h_last", "state_shape"], OutputName));
        }
        else
        {
            LayerLayout dense = layout.Layers[1];
            graph.Initializer.Add(FloatTensor("dense_kernel", [h, dense.Units], Of(dense.Weights[0], parameters)));
            graph.Node.Add(Node("Reshape", ["h_last", "state_shape"], "h_2d"));
            string[] gemmInputs = dense.Settings.UseBias ? ["h_2d", "dense_kernel", "dense_bias"] : ["h_2d", "dense_kernel"];
            if (dense.Settings.UseBias)
            {
                graph.Initializer.Add(FloatTensor("dense_bias", [dense.Units], Of(dense.Weights[1], parameters)));
            }

            if (dense.Settings.Activation == Activation.Linear)
            {
                graph.Node.Add(Node("Gemm", gemmInputs, OutputName));
            }
            else
            {
                graph.Node.Add(Node("Gemm", gemmInputs, "dense"));
                graph.Node.Add(Node(OperatorName(dense.Settings.Activation), ["dense"], OutputName));
            }
        }

        var model = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = "RnnGen.Benchmarks",
            OpsetImport = { new OperatorSetIdProto { Version = OpsetVersion } }, // the default domain: ONNX's own operators
            Graph = graph,
        };
        return model.ToByteArray();
    }

    // The recurrent node with only Y_h wired (the empty name leaves the per-step output Y unused).
    private static NodeProto RecurrentNode(LayerSettings cell)
    {
        string[] activations = cell.Kind switch
        {
            LayerKind.Lstm => [OperatorName(cell.RecurrentActivation), OperatorName(cell.Activation), OperatorName(cell.Activation)],
            LayerKind.Gru => [OperatorName(cell.RecurrentActivation), OperatorName(cell.Activation)],
            _ => [OperatorName(cell.Activation)],
        };
        var node = new NodeProto
        {
            Input = { InputName, "W", "R", "B" },
            Output = { "", "h_last" },
            OpType = cell.Kind switch { LayerKind.Lstm => "LSTM", LayerKind.Gru => "GRU", _ => "RNN" },
            Attribute = { IntAttribute("hidden_size", cell.Units), IntAttribute("layout", 0) },
        };
        if (cell.Kind == LayerKind.Gru)
        {
            node.Attribute.Add(IntAttribute("linear_before_reset", cell.ResetAfter ? 1 : 0));
        }

        node.Attribute.Add(new AttributeProto
        {
            Name = "activations",
            Type = AttributeProto.Types.AttributeType.Strings,
            Strings = { activations.Select(ByteString.CopyFromUtf8) },
        });
        return node;
    }

    private static ReadOnlySpan<float> Of(WeightLayout weight, ReadOnlySpan<float> parameters) => parameters.Slice(weight.Offset, weight.Length);

    // A Keras [rows, G·units] kernel as ONNX's [G·units, rows]: each gate block transposed, blocks in ONNX's order.
    private static float[] Gates(ReadOnlySpan<float> kernel, int rows, int units, int[] order)
    {
        int columns = order.Length * units;
        var result = new float[kernel.Length];
        for (int k = 0; k < order.Length; k++)
        {
            for (int u = 0; u < units; u++)
            {
                for (int r = 0; r < rows; r++)
                {
                    result[(k * units + u) * rows + r] = kernel[r * columns + order[k] * units + u];
                }
            }
        }

        return result;
    }

    private static NodeProto Node(string operatorType, string[] inputs, string output) =>
        new() { Input = { inputs }, Output = { output }, OpType = operatorType };

    private static AttributeProto IntAttribute(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    private static TensorProto FloatTensor(string name, long[] dims, ReadOnlySpan<float> values) =>
        new() { Dims = { dims }, DataType = (int)TensorProto.Types.DataType.Float, Name = name, FloatData = { values.ToArray() } };

    private static TensorProto Int64Tensor(string name, long[] dims, long[] values) =>
        new() { Dims = { dims }, DataType = (int)TensorProto.Types.DataType.Int64, Name = name, Int64Data = { values } };

    // A float tensor of fixed shape, as a graph input or output declares it.
    private static ValueInfoProto TensorValue(string name, long[] dims) => new()
    {
        Name = name,
        Type = new TypeProto
        {
            TensorType = new TypeProto.Types.Tensor
            {
                ElemType = (int)TensorProto.Types.DataType.Float,
                Shape = new TensorShapeProto { Dim = { dims.Select(dim => new TensorShapeProto.Types.Dimension { DimValue = dim }) } },
            },
        },
    };

    private static string OperatorName(Activation activation) => activation switch
    {
        Activation.Tanh => "Tanh",
        Activation.Relu => "Relu",
        Activation.Sigmoid => "Sigmoid",
        _ => throw new NotSupportedException($"No ONNX activation for {activation} in this benchmark."),
    };
}
