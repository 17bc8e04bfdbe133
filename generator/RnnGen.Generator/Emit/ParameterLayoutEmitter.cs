using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emit;

/// <summary>
/// Where every float lives: the offsets of each weight in <c>Parameters</c>, the buffers (all
/// allocated by the constructor, none after), the constructors with Keras' initial weights, and
/// the span views of parameters, gradients and state.
/// </summary>
internal static class ParameterLayoutEmitter
{
    public static void Emit(SourceWriter writer, ModelSpec spec, EmissionStrategy strategy)
    {
        WriteOffsets(writer);
        writer.WriteLine();
        WriteFields(writer, spec, strategy);
        writer.WriteLine();
        WriteConstructors(writer, spec);
        writer.WriteLine();
        WriteViews(writer);
    }

    private static void WriteOffsets(SourceWriter writer)
    {
        writer.WriteLine("// Offsets of each weight in Parameters (and of its gradient in Gradients).");
        writer.WriteLine("private const int KernelOffset = 0;");
        writer.WriteLine("private const int RecurrentKernelOffset = KernelOffset + Features * HiddenUnits;");
        writer.WriteLine("private const int BiasOffset = RecurrentKernelOffset + HiddenUnits * HiddenUnits;");
        writer.WriteLine("private const int DenseKernelOffset = BiasOffset + HiddenUnits;");
        writer.WriteLine("private const int DenseBiasOffset = DenseKernelOffset + HiddenUnits * DenseUnits;");
    }

    private static void WriteFields(SourceWriter writer, ModelSpec spec, EmissionStrategy strategy)
    {
        writer.WriteLine("private readonly float[] _parameters;");
        writer.WriteLine("private readonly float[] _gradients;");
        writer.WriteLine("private readonly float[] _state;");
        writer.WriteLine(strategy == EmissionStrategy.Register
            ? "// h_0 .. h_T of the last forward pass, [(TimeSteps + 1) * HiddenUnits], then padding for a whole Vector128 store: BPTT reads them back."
            : "// h_0 .. h_T of the last forward pass, [(TimeSteps + 1) * HiddenUnits]: BPTT reads them back.");
        writer.WriteLine("private readonly float[] _hiddenStates;");
        writer.WriteLine("// The last forward pass's outputs, [OutputLength].");
        writer.WriteLine("private readonly float[] _outputs;");
        if (EmissionStrategies.UsesLanesForBatches(spec))
        {
            writer.WriteLine("// Batch scratch: a group's inputs transposed to [t, f][lane], and one output per lane.");
            writer.WriteLine("private readonly float[] _laneInputs;");
            writer.WriteLine("private readonly float[] _laneOutputs;");
        }
    }

    private static void WriteConstructors(SourceWriter writer, ModelSpec spec)
    {
        string name = spec.Type.Name;
        int genericStart = name.IndexOf('<');
        string constructorName = genericStart < 0 ? name : name.Substring(0, genericStart);
        EmissionStrategy strategy = EmissionStrategies.Of(spec);

        writer.WriteLine("/// <summary>Creates the model with Keras' default initial weights, from a random seed.</summary>");
        writer.WriteLine($"public {constructorName}() : this(global::System.Random.Shared.Next())");
        using (writer.Block())
        {
        }

        writer.WriteLine();
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// Creates the model with Keras' default initial weights: glorot_uniform kernels, an orthogonal");
        writer.WriteLine("/// recurrent kernel, zero biases; the same <paramref name=\"seed\"/> gives the same weights.");
        writer.WriteLine("/// </summary>");
        using (writer.Block($"public {constructorName}(int seed)"))
        {
            writer.WriteLine("_parameters = new float[ParameterCount];");
            writer.WriteLine("_gradients = new float[ParameterCount];");
            writer.WriteLine("_state = new float[HiddenUnits];");
            writer.WriteLine(strategy == EmissionStrategy.Register
                ? $"_hiddenStates = new float[(TimeSteps + 1) * HiddenUnits + {EmissionStrategies.RegisterLanes - spec.HiddenUnits}];"
                : "_hiddenStates = new float[(TimeSteps + 1) * HiddenUnits];");
            writer.WriteLine("_outputs = new float[OutputLength];");
            if (EmissionStrategies.UsesLanesForBatches(spec))
            {
                writer.WriteLine($"_laneInputs = new float[InputLength * {LanesForward.MaxLanes}];");
                writer.WriteLine($"_laneOutputs = new float[{LanesForward.MaxLanes}];");
            }

            writer.WriteLine();
            writer.WriteLine("var random = new global::System.Random(seed);");
            writer.WriteLine($"{Names.Initializers}.GlorotUniform(Kernel, Features, HiddenUnits, random);");
            writer.WriteLine($"{Names.Initializers}.Orthogonal(RecurrentKernel, HiddenUnits, HiddenUnits, random);");
            writer.WriteLine($"{Names.Initializers}.GlorotUniform(DenseKernel, HiddenUnits, DenseUnits, random);");
            writer.WriteLine("// Bias and DenseBias start at zero, as Keras' 'zeros' initializer leaves them.");
        }
    }

    private static void WriteViews(SourceWriter writer)
    {
        writer.WriteLine("/// <summary>All weights in Keras get_weights() order, row-major: Kernel, RecurrentKernel, Bias, DenseKernel, DenseBias.</summary>");
        writer.WriteLine($"public {Names.Span} Parameters => _parameters;");
        writer.WriteLine();
        View(writer, "Kernel", "KernelOffset", "Features * HiddenUnits", "SimpleRNN kernel [Features, HiddenUnits], row-major (Keras wx).");
        View(writer, "RecurrentKernel", "RecurrentKernelOffset", "HiddenUnits * HiddenUnits", "SimpleRNN recurrent kernel [HiddenUnits, HiddenUnits], row-major (Keras wh).");
        View(writer, "Bias", "BiasOffset", "HiddenUnits", "SimpleRNN bias [HiddenUnits] (Keras bh).");
        View(writer, "DenseKernel", "DenseKernelOffset", "HiddenUnits * DenseUnits", "Dense kernel [HiddenUnits, DenseUnits], row-major (Keras wy).");
        View(writer, "DenseBias", "DenseBiasOffset", "DenseUnits", "Dense bias [DenseUnits] (Keras by).");
        writer.WriteLine("/// <summary>d loss / d Parameters, same layout; Backward adds into it.</summary>");
        writer.WriteLine($"public {Names.Span} Gradients => _gradients;");
        writer.WriteLine();
        writer.WriteLine("/// <summary>The hidden state [HiddenUnits]: where a stateful model starts and ends each call, and what Step advances.</summary>");
        writer.WriteLine($"public {Names.Span} State => _state;");
        writer.WriteLine();
        writer.WriteLine("/// <summary>Sets every gradient to zero.</summary>");
        writer.WriteLine("public void ClearGradients() => global::System.Array.Clear(_gradients);");
        writer.WriteLine();
        writer.WriteLine("/// <summary>Sets State to zeros (Keras reset_states()).</summary>");
        writer.WriteLine("public void ResetStates() => global::System.Array.Clear(_state);");
    }

    private static void View(SourceWriter writer, string name, string offset, string length, string summary)
    {
        writer.WriteLine($"/// <summary>{summary} A view of Parameters.</summary>");
        writer.WriteLine($"public {Names.Span} {name} => new(_parameters, {offset}, {length});");
        writer.WriteLine();
    }
}
