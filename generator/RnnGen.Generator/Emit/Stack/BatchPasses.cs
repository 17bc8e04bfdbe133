using System.Linq;
using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emit.Stack;

/// <summary>
/// PredictBatch's pass: sequence by sequence through Forward, or, when every layer is written out and
/// nothing is stateful, whole groups of sequences side by side, one per SIMD lane, at the widest
/// accelerated width (the JIT keeps only that branch), the rest one by one.
/// </summary>
internal static class BatchPasses
{
    public static void Emit(SourceWriter writer, ModelSpec spec, Buffers buffers)
    {
        WritePredictBatch(writer, spec, buffers);
        if (Backends.UsesLanes(spec))
        {
            foreach (int width in ScalarBackend.LaneWidths)
            {
                writer.WriteLine();
                WritePredictLanes(writer, spec, buffers, width);
            }
        }
    }

    private static void WritePredictBatch(SourceWriter writer, ModelSpec spec, Buffers buffers)
    {
        string output = $"floats.Slice({StackPasses.OutputOffset(spec, buffers)}, {spec.OutputLength})";
        writer.WriteLine($"/// <summary>Runs count sequences stored one after another{(Backends.UsesLanes(spec) ? ", whole groups of them side by side, one per SIMD lane" : "")}.</summary>");
        StackPasses.WriteHotPath(writer);
        using (writer.Block("public static void PredictBatch(Span<float> floats, ReadOnlySpan<float> inputs, Span<float> outputs, int count)"))
        {
            if (Backends.UsesLanes(spec))
            {
                writer.WriteLine("int n = 0;");
                writer.WriteLine("// At the widest accelerated width: the JIT keeps only that branch.");
                for (int i = 0; i < ScalarBackend.LaneWidths.Length; i++)
                {
                    int width = ScalarBackend.LaneWidths[i];
                    using (writer.Block($"{(i == 0 ? "if" : "else if")} (Vector{width}.IsHardwareAccelerated)"))
                    {
                        writer.WriteLine($"const int lanes = {width / 32};");
                        using (writer.Block("for (; n + lanes <= count; n += lanes)"))
                        {
                            writer.WriteLine($"PredictLanes{width}(floats, inputs.Slice(n * {spec.InputLength}, lanes * {spec.InputLength}), outputs.Slice(n * {spec.OutputLength}, lanes * {spec.OutputLength}));");
                        }
                    }
                }

                writer.WriteLine("// The rest one by one.");
            }

            using (writer.Block(Backends.UsesLanes(spec) ? "for (; n < count; n++)" : "for (int n = 0; n < count; n++)"))
            {
                writer.WriteLine($"Forward(floats, inputs.Slice(n * {spec.InputLength}, {spec.InputLength}));");
                writer.WriteLine($"{output}.CopyTo(outputs.Slice(n * {spec.OutputLength}, {spec.OutputLength}));");
            }
        }
    }

    /// <summary>
    /// Vector{width}&lt;float&gt;.Count sequences at once, one per lane, every weight broadcast to all lanes:
    /// a small model's single sequence is a latency-bound chain, many in lanes are throughput.
    /// </summary>
    private static void WritePredictLanes(SourceWriter writer, ModelSpec spec, Buffers buffers, int width)
    {
        int lanes = width / 32;
        int stride = ScalarBackend.LaneStride;
        writer.WriteLine($"/// <summary>Runs {lanes} sequences at once, one per lane of a Vector{width}, every weight broadcast to all lanes.</summary>");
        StackPasses.WriteHotPath(writer);
        using (writer.Block($"private static void PredictLanes{width}(Span<float> floats, ReadOnlySpan<float> inputs, Span<float> outputs)"))
        {
            writer.WriteLine($"ReadOnlySpan<float> parameters = {StackPasses.Slice(buffers.Parameters)};");
            writer.WriteLine($"Span<float> laneInputs = {StackPasses.Slice(buffers.LaneInputs!)};");
            writer.WriteLine("// Each layer's forward buffer, [element][lane].");
            foreach (LayerSpec owner in spec.Layers.SelectMany(static l => l.Bidirectional ? [l, .. l.Directions] : new[] { l }))
            {
                string name = buffers.Of(owner, owner.IsRecurrent && !owner.Bidirectional ? BufferRole.States : BufferRole.Outputs).Name;
                writer.WriteLine($"Span<float> {name} = {StackPasses.Slice(buffers.LanesOf(owner))};");
            }

            writer.WriteLine("// Transpose the group's inputs once, [sequence][t, f] to [t, f][lane], so each step loads whole vectors.");
            using (writer.Block($"for (int s = 0; s < {lanes}; s++)"))
            {
                using (writer.Block($"for (int k = 0; k < {spec.InputLength}; k++)"))
                {
                    writer.WriteLine($"laneInputs[k * {stride} + s] = inputs[s * {spec.InputLength} + k];");
                }
            }

            StackPasses.ForEachLayer(writer, spec, buffers, StackPasses.Pass.Lanes, static (w, emitter, context) => emitter.Forward(w, context), width);
            Steps output = LayerContext.OutputOf(spec, buffers, spec.LastLayer);
            writer.WriteLine("// Each lane's outputs back to its sequence.");
            using (writer.Block($"for (int s = 0; s < {lanes}; s++)"))
            {
                using (writer.Block($"for (int k = 0; k < {spec.OutputLength}; k++)"))
                {
                    string index = output.Offset == 0 ? "k" : $"({output.Offset} + k)";
                    writer.WriteLine($"outputs[s * {spec.OutputLength} + k] = {output.Span}[{index} * {stride} + s];");
                }
            }
        }
    }
}
