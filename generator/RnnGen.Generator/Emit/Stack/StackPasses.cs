using System.Collections.Generic;
using System.Linq;
using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emit.Stack;

/// <summary>
/// The passes of a layered model, each written once for any stack: initialization, forward layer by
/// layer, streaming step across the layers, and BPTT back over them, with the gradient of layer l's
/// input feeding layer l − 1. They are emitted as static methods of a <c>file static class</c> over
/// the model's one float array, so none of them is a member of the user's type.
/// </summary>
internal static class StackPasses
{
    public static string ClassName(ModelSpec spec) => ConstructorName(spec).TrimStart('@') + "Passes";

    public static void Emit(SourceWriter writer, ModelSpec spec, Buffers buffers)
    {
        writer.WriteLine($"/// <summary>The passes of {spec.Type.Name.Replace("<", "{").Replace(">", "}")}, over its one float array (offsets below are into it).</summary>");
        writer.WriteLine($"[global::System.CodeDom.Compiler.GeneratedCode(\"{Names.Tool}\", \"{Names.Version}\")]");
        using (writer.Block($"file static class {ClassName(spec)}"))
        {
            WriteLayoutComment(writer, buffers);
            writer.WriteLine($"public const int Length = {buffers.TotalLength};");
            writer.WriteLine();
            WriteAligned(writer);
            writer.WriteLine();
            WriteInitialize(writer, spec, buffers);
            writer.WriteLine();
            WriteForward(writer, spec, buffers);
            writer.WriteLine();
            BatchPasses.Emit(writer, spec, buffers);

            if (spec.CanStream)
            {
                writer.WriteLine();
                WriteStep(writer, spec, buffers);
            }

            writer.WriteLine();
            WriteBackward(writer, spec, buffers);
            writer.WriteLine();
            BatchBackwardPasses.Emit(writer, spec, buffers);
            writer.WriteLine();
            SummaryEmitter.WriteConstant(writer, spec);
            if (spec.Type.Keyword.Contains("struct"))
            {
                writer.WriteLine();
                WriteConstructedGuard(writer, spec);
            }
        }
    }

    private static void WriteAligned(SourceWriter writer)
    {
        writer.WriteLine("/// <summary>Floats the array holds past Length, so that its first 64-byte boundary leaves Length after it.</summary>");
        writer.WriteLine($"public const int Slack = {Buffers.Alignment};");
        writer.WriteLine();
        writer.WriteLine("/// <summary>The model's floats, from the first 64-byte boundary of its pinned array: every buffer starts a cache line.</summary>");
        using (writer.Block("public static Span<float> Aligned(float[] array)"))
        {
            writer.WriteLine("nint address = Unsafe.ByteOffset(ref Unsafe.NullRef<float>(), ref MemoryMarshal.GetArrayDataReference(array));");
            writer.WriteLine("return array.AsSpan((int)(-address & 63) / sizeof(float), Length);");
        }
    }

    private static void WriteLayoutComment(SourceWriter writer, Buffers buffers)
    {
        writer.WriteLine("// The array: offset, length, what it holds.");
        foreach (Buffer buffer in buffers.All)
        {
            writer.WriteLine($"//   {buffer.Offset,9} {buffer.Length,9}  {buffer.Name}: {buffer.Purpose}");
        }
    }

    private static void WriteInitialize(SourceWriter writer, ModelSpec spec, Buffers buffers)
    {
        writer.WriteLine("/// <summary>Keras' default initial weights: glorot_uniform kernels, orthogonal recurrent kernels, zero biases.</summary>");
        using (writer.Block("public static void Initialize(Span<float> floats, int seed)"))
        {
            writer.WriteLine($"Span<float> parameters = {Slice(buffers.Parameters)};");
            writer.WriteLine("var random = new Random(seed);");
            foreach (LayerSpec layer in spec.Layers.SelectMany(static l => l.Directions))
            {
                WeightSpec kernel = layer.Kernel;
                writer.WriteLine($"KerasInitializers.GlorotUniform(parameters.Slice({kernel.Offset}, {kernel.Length}), {kernel.Rows}, {kernel.Columns}, random); // {layer.Name}/kernel");
                if (layer.RecurrentKernel is WeightSpec recurrent)
                {
                    writer.WriteLine($"KerasInitializers.Orthogonal(parameters.Slice({recurrent.Offset}, {recurrent.Length}), {recurrent.Rows}, {recurrent.Columns}, random); // {layer.Name}/recurrent_kernel");
                }

                if (layer.Kind == LayerKind.Lstm && layer.UnitForgetBias && layer.Bias is WeightSpec bias)
                {
                    writer.WriteLine($"parameters.Slice({bias.Offset + layer.Units}, {layer.Units}).Fill(1f); // {layer.Name}/bias: unit_forget_bias, the f block (of i, f, c, o) starts at one");
                }
            }

            writer.WriteLine(spec.Layers.Any(static l => l.Kind == LayerKind.Lstm && l.UnitForgetBias && l.UseBias)
                ? "// Other biases start at zero, as Keras' 'zeros' initializer leaves them."
                : "// Biases start at zero, as Keras' 'zeros' initializer leaves them.");
        }
    }

    private static void WriteForward(SourceWriter writer, ModelSpec spec, Buffers buffers)
    {
        writer.WriteLine("/// <summary>Runs one sequence through every layer, leaving each layer's outputs in its buffer for BPTT.</summary>");
        WriteHotPath(writer);
        using (writer.Block("public static void Forward(Span<float> floats, ReadOnlySpan<float> input)"))
        {
            WriteLocals(writer, spec, buffers, forwardOnly: true, gradients: false, state: spec.Stateful);
            ForEachLayer(writer, spec, buffers, Pass.Forward, static (w, emitter, context) => emitter.Forward(w, context));
        }
    }

    /// <summary>
    /// Optimized code from the first call: a hot path never runs the JIT's tier-0 code (measured with
    /// samples/Deploying: under default tiering the tutorial's first thousand calls ran 10–17× slower than
    /// warm ones while they waited to tier up; at steady state the attribute costs nothing).
    /// </summary>
    internal static void WriteHotPath(SourceWriter writer) =>
        writer.WriteLine("[MethodImpl(MethodImplOptions.AggressiveOptimization)]");

    /// <summary>Every member of a struct model's default value throws this, not a NullReferenceException.</summary>
    private static void WriteConstructedGuard(SourceWriter writer, ModelSpec spec)
    {
        string type = spec.Type.Name.Replace("<", "{").Replace(">", "}");
        string name = ConstructorName(spec);
        writer.WriteLine($"/// <summary>The array of a constructed model; default({type}) has none.</summary>");
        using (writer.Block("public static float[] Constructed(float[]? floats)"))
        {
            writer.WriteLine("return floats ?? NotConstructed();");
        }

        writer.WriteLine();
        writer.WriteLine("[System.Diagnostics.CodeAnalysis.DoesNotReturn]");
        writer.WriteLine("[System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]");
        using (writer.Block("private static float[] NotConstructed()"))
        {
            writer.WriteLine($"throw new InvalidOperationException(\"default({name}) is not a model: construct it with new {name}() or new {name}(seed).\");");
        }
    }

    /// <summary>The type's name without type parameters, as its constructors spell it.</summary>
    public static string ConstructorName(ModelSpec spec)
    {
        string name = spec.Type.Name;
        int generic = name.IndexOf('<');
        return generic < 0 ? name : name.Substring(0, generic);
    }

    private static void WriteStep(SourceWriter writer, ModelSpec spec, Buffers buffers)
    {
        writer.WriteLine("/// <summary>One streaming step through every layer: advances State and writes the last layer's output.</summary>");
        WriteHotPath(writer);
        using (writer.Block("public static void Step(Span<float> floats, ReadOnlySpan<float> input, Span<float> output)"))
        {
            WriteLocals(writer, spec, buffers, forwardOnly: true, gradients: false, state: true, preactivations: false);
            var x = new Place("input", "0", spec.Features);
            foreach (LayerSpec layer in spec.Layers)
            {
                writer.WriteLine($"// {layer.Name}: {layer.Describe()}");
                using (writer.Block())
                {
                    IVectorBackend ops = Backends.Forward(layer);
                    var context = new LayerContext(spec, layer, buffers, new Steps(x.Span, 0, x.Length), inputGradient: null, ops);
                    ops.DeclareWeights(writer, layer);
                    x = LayerEmitters.For(layer.Kind).Step(writer, context, x);
                }
            }

            writer.WriteLine($"{x.Slice}.CopyTo(output);");
        }
    }

    private static void WriteBackward(SourceWriter writer, ModelSpec spec, Buffers buffers)
    {
        LayerSpec last = spec.LastLayer;
        string y = LayerContext.OutputOf(spec, buffers, last).First(last.OutputSteps(spec.TimeSteps));
        string dy = buffers.Of(last, BufferRole.OutputGradients).Name;
        int outputs = spec.OutputLength;

        writer.WriteLine("/// <summary>Forward, then BPTT back over the layers; returns the mean squared error and adds every gradient.</summary>");
        WriteHotPath(writer);
        using (writer.Block("public static float Backward(Span<float> floats, ReadOnlySpan<float> input, ReadOnlySpan<float> target)"))
        {
            writer.WriteLine("Forward(floats, input);");
            WriteLocals(writer, spec, buffers, forwardOnly: false, gradients: true, state: false);
            writer.WriteLine($"// loss = mean((y - target)²); d loss / d y = 2 (y - target) / {outputs}");
            writer.WriteLine($"ReadOnlySpan<float> y = {y};");
            writer.WriteLine("float loss = 0f;");
            using (writer.Block($"for (int k = 0; k < {outputs}; k++)"))
            {
                writer.WriteLine("float error = y[k] - target[k];");
                writer.WriteLine("loss += error * error;");
                writer.WriteLine($"{dy}[k] = 2f / {outputs} * error;");
            }

            ForEachLayer(writer, spec, buffers, Pass.Backward, static (w, emitter, context) => emitter.Backward(w, context));
            writer.WriteLine($"return loss / {outputs};");
        }
    }

    /// <summary>A block per layer, in order (or in reverse for BPTT), with the layer's weights as locals.</summary>
    public static void ForEachLayer(SourceWriter writer, ModelSpec spec, Buffers buffers, Pass pass, System.Action<SourceWriter, ILayerEmitter, LayerContext> body, int laneWidth = 0)
    {
        int count = spec.Layers.Count;
        for (int i = 0; i < count; i++)
        {
            LayerSpec layer = spec.Layers[pass == Pass.Backward ? count - 1 - i : i];
            Steps input = layer.Index == 0 ? ModelInput(spec, pass) : LayerContext.OutputOf(spec, buffers, spec.Layers[layer.Index - 1], TileRows(pass));
            Steps? inputGradient = pass == Pass.Backward && layer.Index > 0
                ? new Steps(buffers.Of(spec.Layers[layer.Index - 1], BufferRole.OutputGradients).Name, 0, layer.InputSize)
                : null;
            if (!layer.Bidirectional)
            {
                WriteLayer(writer, spec, buffers, pass, body, laneWidth, layer, input, inputGradient);
                continue;
            }

            // Bidirectional: both directions read the same input; BPTT splits the merged output's
            // gradient between them and sums what each sends down.
            writer.WriteLine($"// {layer.Name}: {layer.Describe()}, [{Shape(layer.InputSteps(spec.TimeSteps), layer.InputSize)}] → [{Shape(layer.OutputSteps(spec.TimeSteps), layer.OutputSize)}]");
            LayerSpec[] directions = layer.Directions;
            if (pass == Pass.Backward)
            {
                BidirectionalMerge.WriteSplit(writer, spec, buffers, layer);
                WriteLayer(writer, spec, buffers, pass, body, laneWidth, directions[0], input, inputGradient);
                Steps? backwardInputGradient = inputGradient is null ? null : new Steps(buffers.Of(layer, BufferRole.InputGradients).Name, 0, layer.InputSize);
                WriteLayer(writer, spec, buffers, pass, body, laneWidth, directions[1], input, backwardInputGradient);
                if (inputGradient is not null)
                {
                    BidirectionalMerge.WriteInputGradientSum(writer, spec, buffers, layer, inputGradient);
                }
            }
            else
            {
                WriteLayer(writer, spec, buffers, pass, body, laneWidth, directions[0], input, inputGradient: null);
                WriteLayer(writer, spec, buffers, pass, body, laneWidth, directions[1], input, inputGradient: null);
                BidirectionalMerge.WriteMerge(writer, spec, buffers, layer, pass == Pass.Lanes ? ScalarBackend.LaneStride : 1);
            }
        }
    }

    /// <summary>One layer's block (or one direction's, of a bidirectional layer), with its weights as locals.</summary>
    private static void WriteLayer(SourceWriter writer, ModelSpec spec, Buffers buffers, Pass pass, System.Action<SourceWriter, ILayerEmitter, LayerContext> body, int laneWidth, LayerSpec layer, Steps input, Steps? inputGradient)
    {
        IVectorBackend ops = pass switch
        {
            Pass.Backward => Backends.Backward(layer),
            Pass.Lanes => ScalarBackend.Lanes(laneWidth),
            Pass.Tiles => TileBackend.Instance,
            _ => Backends.Forward(layer),
        };
        int steps = layer.InputSteps(spec.TimeSteps);
        int outSteps = layer.OutputSteps(spec.TimeSteps);
        writer.WriteLine($"// {layer.Name}: {layer.Describe()}, [{Shape(steps, layer.InputSize)}] → [{Shape(outSteps, layer.Units)}]");
        using (writer.Block())
        {
            var context = new LayerContext(spec, layer, buffers, input, inputGradient, ops, keepsStates: pass is not (Pass.Lanes or Pass.Tiles), TileRows(pass));
            ops.DeclareWeights(writer, layer);
            body(writer, LayerEmitters.For(layer.Kind), context);
        }
    }

    /// <param name="preactivations">The pass reads or writes the pre-activations some layers keep for BPTT (Step does not).</param>
    private static void WriteLocals(SourceWriter writer, ModelSpec spec, Buffers buffers, bool forwardOnly, bool gradients, bool state, bool preactivations = true)
    {
        writer.WriteLine($"ReadOnlySpan<float> parameters = {Slice(buffers.Parameters)};");
        if (gradients)
        {
            writer.WriteLine($"Span<float> gradients = {Slice(buffers.Gradients)};");
        }

        if (state)
        {
            writer.WriteLine($"Span<float> state = {Slice(buffers.State)};");
        }

        var roles = new List<BufferRole> { BufferRole.States, BufferRole.Outputs, BufferRole.Gates, BufferRole.Cells, BufferRole.CellActivations, BufferRole.RecurrentProjections, BufferRole.Scratch };
        if (preactivations)
        {
            roles.Add(BufferRole.Preactivations);
        }

        if (!forwardOnly)
        {
            roles.AddRange([BufferRole.OutputGradients, BufferRole.InputGradients, BufferRole.PreactivationGradients, BufferRole.RecurrentGradients, BufferRole.StateGradient, BufferRole.CellGradient]);
        }

        foreach (BufferRole role in roles)
        {
            foreach (LayerSpec layer in spec.Layers)
            {
                foreach (LayerSpec owner in layer.BufferOwners)
                {
                    if (IsOwn(owner, role))
                    {
                        Buffer buffer = buffers.Of(owner, role);
                        writer.WriteLine($"Span<float> {buffer.Name} = {Slice(buffer)};");
                    }
                }
            }
        }
    }

    /// <summary>Whether the layer has a buffer of the role: a bidirectional layer owns only its merged output, its gradient and its input gradient; its directions the rest.</summary>
    private static bool IsOwn(LayerSpec layer, BufferRole role) => layer.Bidirectional
        ? role is BufferRole.Outputs or BufferRole.OutputGradients || (role == BufferRole.InputGradients && layer.Index > 0)
        : role switch
    {
        BufferRole.States or BufferRole.PreactivationGradients or BufferRole.StateGradient => layer.IsRecurrent,
        BufferRole.Outputs => !layer.IsRecurrent,
        BufferRole.InputGradients => false,
        BufferRole.Preactivations => layer.KeepsPreactivations,
        BufferRole.Gates => layer.IsGated,
        BufferRole.Cells or BufferRole.CellActivations or BufferRole.CellGradient => layer.Kind == LayerKind.Lstm,
        BufferRole.RecurrentProjections or BufferRole.RecurrentGradients => layer.Kind == LayerKind.Gru && layer.ResetAfter,
        BufferRole.Scratch => layer.Kind == LayerKind.Gru,
        _ => true,
    };

    /// <summary>The traversals a layer's maths is written for.</summary>
    public enum Pass
    {
        Forward,
        Backward,

        /// <summary>PredictBatch's forward pass, one sequence per SIMD lane: only outputs are kept.</summary>
        Lanes,

        /// <summary>PredictBatch's forward pass over a tile of sequences, each step one matrix product for the tile: only outputs are kept.</summary>
        Tiles,
    }

    /// <summary>The model's input as the first layer reads it: one sequence, its lanes, or a tile's sequences InputLength floats apart.</summary>
    private static Steps ModelInput(ModelSpec spec, Pass pass) => pass switch
    {
        Pass.Lanes => new Steps("laneInputs", 0, spec.Features),
        Pass.Tiles => new Steps("input", 0, spec.Features) { RowStride = spec.InputLength },
        _ => new Steps("input", 0, spec.Features),
    };

    private static int TileRows(Pass pass) => pass == Pass.Tiles ? TileBackend.Rows : 0;

    /// <summary>Where the last layer's output starts in the array.</summary>
    public static int OutputOffset(ModelSpec spec, Buffers buffers)
    {
        LayerSpec last = spec.LastLayer;
        return last.IsRecurrent && !last.Bidirectional
            ? buffers.Of(last, BufferRole.States).Offset + (last.ReturnSequences ? last.Units : spec.TimeSteps * last.Units)
            : buffers.Of(last, BufferRole.Outputs).Offset;
    }

    public static string Slice(Buffer buffer) => $"floats.Slice({buffer.Offset}, {buffer.Length})";

    internal static string Shape(int steps, int units) => steps == 1 ? $"{units}" : $"{steps}, {units}";
}
