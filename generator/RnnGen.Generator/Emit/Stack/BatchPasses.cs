using System.Linq;
using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emit.Stack;

/// <summary>
/// PredictBatch's pass: when every layer is written out and nothing is stateful, whole groups of
/// sequences side by side, one per SIMD lane, at the widest accelerated width (the JIT keeps only that
/// branch), the rest one by one; when a layer runs span loops and nothing is stateful, tiles of
/// sequences side by side, each step of each layer one matrix product for the whole tile
/// (<see cref="ModelSpec.BatchesInTiles"/>); else sequence by sequence through Forward.
/// </summary>
internal static class BatchPasses
{
    /// <summary>The roles a layer may have tile buffers of, in the order their locals are declared.</summary>
    private static readonly BufferRole[] TileRoles =
    [
        BufferRole.States, BufferRole.Outputs, BufferRole.Gates, BufferRole.Cells, BufferRole.CellActivations, BufferRole.RecurrentProjections, BufferRole.Scratch,
    ];

    public static void Emit(SourceWriter writer, ModelSpec spec, Buffers buffers)
    {
        if (spec.BatchesInTiles)
        {
            WritePredictBatchInTiles(writer, spec);
            writer.WriteLine();
            WritePredictTile(writer, spec, buffers);
            return;
        }

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

    private static void WritePredictBatchInTiles(SourceWriter writer, ModelSpec spec)
    {
        int tile = TileBackend.Rows;
        writer.WriteLine($"/// <summary>Runs count sequences stored one after another, in tiles of {tile} side by side (the last tile holds the rest).</summary>");
        using (writer.Block("public static void PredictBatch(Span<float> floats, ReadOnlySpan<float> inputs, Span<float> outputs, int count)"))
        {
            using (writer.Block($"for (int n = 0; n < count; n += {tile})"))
            {
                writer.WriteLine($"int rows = Math.Min({tile}, count - n);");
                writer.WriteLine($"PredictTile(floats, inputs.Slice(n * {spec.InputLength}, rows * {spec.InputLength}), outputs.Slice(n * {spec.OutputLength}, rows * {spec.OutputLength}), rows);");
            }
        }
    }

    /// <summary>
    /// Up to <see cref="TileBackend.Rows"/> sequences through every layer at once. Each layer's buffers hold
    /// the tile step-major, <c>[t][sequence][·]</c>, so that a step's vectors of every sequence are one
    /// contiguous matrix: a recurrent layer's input projection and then its recurrence are a matrix
    /// product per step, <c>[rows, In]·kernel</c> and <c>[rows, U]·recurrent_kernel</c>, whose every weight
    /// is read once per step for the whole tile, where one sequence at a time reads it once per sequence.
    /// The tile reads its inputs where they lie, one sequence InputLength floats after another.
    /// </summary>
    private static void WritePredictTile(SourceWriter writer, ModelSpec spec, Buffers buffers)
    {
        int tile = TileBackend.Rows;
        writer.WriteLine($"/// <summary>");
        writer.WriteLine($"/// Runs rows (1 to {tile}) sequences side by side: each layer's buffers hold the tile step-major, [t][sequence][·],");
        writer.WriteLine("/// so at each step the sequences' vectors are the rows of one matrix and every product is one matrix");
        writer.WriteLine("/// product for the tile, reading each weight once per step rather than once per sequence.");
        if (spec.BackwardsInTiles)
        {
            writer.WriteLine("/// The buffers keep every step of the tile, which BackwardTile reads back.");
        }

        writer.WriteLine($"/// </summary>");
        using (writer.Block("private static void ForwardTile(Span<float> floats, ReadOnlySpan<float> input, int rows)"))
        {
            writer.WriteLine($"ReadOnlySpan<float> parameters = {StackPasses.Slice(buffers.Parameters)};");
            writer.WriteLine("// Each layer's buffers for the tile, [t][sequence][·].");
            WriteTileLocals(writer, spec, buffers);
            StackPasses.ForEachLayer(writer, spec, buffers, StackPasses.Pass.Tiles, static (w, emitter, context) => emitter.Forward(w, context));
        }

        writer.WriteLine();
        writer.WriteLine($"/// <summary>Runs rows (1 to {tile}) sequences side by side through ForwardTile and copies out the last layer's outputs.</summary>");
        using (writer.Block("private static void PredictTile(Span<float> floats, ReadOnlySpan<float> input, Span<float> outputs, int rows)"))
        {
            writer.WriteLine("ForwardTile(floats, input, rows);");
            Steps output = LayerContext.OutputOf(spec, buffers, spec.LastLayer, tile);
            Buffer outputTile = buffers.TileOf(spec.LastLayer, spec.LastLayer.IsRecurrent ? BufferRole.States : BufferRole.Outputs)!;
            writer.WriteLine($"Span<float> {output.Span} = {StackPasses.Slice(outputTile)};");
            int units = spec.OutputUnits;
            if (!spec.OutputIsSequence)
            {
                writer.WriteLine("// The last layer's output, one row per sequence: the outputs' own layout.");
                writer.WriteLine($"{output.Span}.Slice({output.Offset}, rows * {units}).CopyTo(outputs);");
                return;
            }

            writer.WriteLine("// Each sequence's outputs, step by step, from the rows of each step.");
            using (writer.Block($"for (int t = 0; t < {spec.TimeSteps}; t++)"))
            {
                using (writer.Block("for (int s = 0; s < rows; s++)"))
                {
                    string start = (output.Offset == 0 ? "" : $"{output.Offset} + ") + $"t * {tile * units} + " + (units == 1 ? "s" : $"s * {units}");
                    string to = $"s * {spec.OutputLength} + " + (units == 1 ? "t" : $"t * {units}");
                    writer.WriteLine($"{output.Span}.Slice({start}, {units}).CopyTo(outputs.Slice({to}, {units}));");
                }
            }
        }
    }

    /// <summary>Each layer's forward buffers in the tiles, as locals named like the one-sequence buffers they stand for.</summary>
    internal static void WriteTileLocals(SourceWriter writer, ModelSpec spec, Buffers buffers)
    {
        foreach (LayerSpec layer in spec.Layers)
        {
            foreach (BufferRole role in TileRoles)
            {
                if (buffers.TileOf(layer, role) is Buffer buffer)
                {
                    writer.WriteLine($"Span<float> {buffers.Of(layer, role).Name} = {StackPasses.Slice(buffer)};");
                }
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
            foreach (LayerSpec owner in spec.Layers.SelectMany(static l => l.BufferOwners))
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
