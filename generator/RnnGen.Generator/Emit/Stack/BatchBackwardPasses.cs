using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emit.Stack;

/// <summary>
/// BackwardBatch's pass: when the model's backward runs in tiles (<see cref="ModelSpec.BackwardsInTiles"/>),
/// PredictBatch's tiles of sequences through ForwardTile, then BPTT back over the tile's steps with each
/// step's gradients of every sequence as the rows of one matrix, so that every product reads each weight
/// once per step for the whole tile; else Backward for each sequence in turn.
/// </summary>
internal static class BatchBackwardPasses
{
    /// <summary>The local holding the tile's number of sequences.</summary>
    private const string RowCount = "rows";

    public static void Emit(SourceWriter writer, ModelSpec spec, Buffers buffers)
    {
        if (!spec.BackwardsInTiles)
        {
            WriteBackwardEach(writer, spec);
            return;
        }

        WriteBackwardBatchInTiles(writer, spec, buffers);
        writer.WriteLine();
        WriteBackwardTile(writer, spec, buffers);
    }

    private static void WriteBackwardEach(SourceWriter writer, ModelSpec spec)
    {
        writer.WriteLine("/// <summary>Backward for each of losses.Length sequences stored one after another, in turn" + (spec.Stateful ? " (stateful: each starts from the State the last one left)" : "") + ".</summary>");
        StackPasses.WriteHotPath(writer);
        using (writer.Block("public static void BackwardBatch(Span<float> floats, ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, Span<float> losses)"))
        {
            using (writer.Block("for (int n = 0; n < losses.Length; n++)"))
            {
                writer.WriteLine($"losses[n] = Backward(floats, inputs.Slice(n * {spec.InputLength}, {spec.InputLength}), targets.Slice(n * {spec.OutputLength}, {spec.OutputLength}));");
            }
        }
    }

    private static void WriteBackwardBatchInTiles(SourceWriter writer, ModelSpec spec, Buffers buffers)
    {
        int tile = TileBackend.Rows;
        writer.WriteLine("/// <summary>");
        writer.WriteLine($"/// Backward for losses.Length sequences stored one after another, in tiles of {tile} side by side (the last tile");
        writer.WriteLine("/// holds the rest): writes each one's loss and adds the sum of their gradients.");
        writer.WriteLine("/// </summary>");
        StackPasses.WriteHotPath(writer);
        using (writer.Block("public static void BackwardBatch(Span<float> floats, ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, Span<float> losses)"))
        {
            writer.WriteLine($"ReadOnlySpan<float> parameters = {StackPasses.Slice(buffers.Parameters)};");
            writer.WriteLine("// BPTT multiplies by transposed weights (dh_{t-1} = da_t·recurrent_kernelᵀ, dx = dz·kernelᵀ): transposed once");
            writer.WriteLine("// per call, so that those products over a tile read weight rows as the forward ones do.");
            foreach (LayerSpec layer in spec.Layers)
            {
                WriteTranspose(writer, layer, layer.RecurrentKernel, buffers.TileOf(layer, BufferRole.TransposedRecurrentKernel));
                WriteTranspose(writer, layer, layer.Kernel, buffers.TileOf(layer, BufferRole.TransposedKernel));
            }

            writer.WriteLine("int count = losses.Length;");
            using (writer.Block($"for (int n = 0; n < count; n += {tile})"))
            {
                writer.WriteLine($"int rows = Math.Min({tile}, count - n);");
                writer.WriteLine($"BackwardTile(floats, inputs.Slice(n * {spec.InputLength}, rows * {spec.InputLength}), targets.Slice(n * {spec.OutputLength}, rows * {spec.OutputLength}), losses.Slice(n, rows), rows);");
            }
        }
    }

    private static void WriteTranspose(SourceWriter writer, LayerSpec layer, WeightSpec? weight, Buffer? transposed)
    {
        if (weight is not null && transposed is not null)
        {
            writer.WriteLine($"BatchKernels.Transpose(parameters.Slice({weight.Offset}, {weight.Length}), {weight.Rows}, {weight.Columns}, {StackPasses.Slice(transposed)}); // {layer.Name}/{weight.Name}ᵀ [{weight.Columns}, {weight.Rows}]");
        }
    }

    /// <summary>
    /// Up to <see cref="TileBackend.Rows"/> sequences forwards and back at once. ForwardTile keeps every step
    /// of the tile, <c>[t][sequence][·]</c>; the loss gradient of each sequence starts BPTT, which walks
    /// back over the layers and their steps with each step's gradients of the tile as one matrix,
    /// <c>[rows, U]</c>: <c>dh_{t-1} = da_t·recurrent_kernelᵀ</c> and <c>dx_t = da_t·kernelᵀ</c> are matrix
    /// products that read each weight once per step for the tile, and each weight gradient gains the
    /// whole tile's <c>x_tᵀ·da_t</c> in one product over its sequences.
    /// </summary>
    private static void WriteBackwardTile(SourceWriter writer, ModelSpec spec, Buffers buffers)
    {
        int tile = TileBackend.Rows;
        writer.WriteLine("/// <summary>");
        writer.WriteLine($"/// Backward for rows (1 to {tile}) sequences side by side: ForwardTile keeps every step of the tile, then BPTT");
        writer.WriteLine("/// walks back over the steps with each step's gradients of every sequence as the rows of one matrix, so each");
        writer.WriteLine("/// product reads every weight once per step for the whole tile, and each weight gradient gains the tile's");
        writer.WriteLine("/// x_tᵀ·da_t in one product over its sequences.");
        writer.WriteLine("/// </summary>");
        StackPasses.WriteHotPath(writer);
        using (writer.Block("private static void BackwardTile(Span<float> floats, ReadOnlySpan<float> input, ReadOnlySpan<float> target, Span<float> losses, int rows)"))
        {
            writer.WriteLine("ForwardTile(floats, input, rows);");
            writer.WriteLine($"Span<float> gradients = {StackPasses.Slice(buffers.Gradients)};");
            writer.WriteLine("// Each layer's buffers for the tile, [t][sequence][·].");
            BatchPasses.WriteTileLocals(writer, spec, buffers);
            foreach (LayerSpec layer in spec.Layers)
            {
                foreach (BufferRole role in new[] { BufferRole.OutputGradients, BufferRole.PreactivationGradients, BufferRole.StateGradient })
                {
                    if (buffers.TileOf(layer, role) is Buffer buffer)
                    {
                        writer.WriteLine($"Span<float> {buffers.Of(layer, role).Name} = {StackPasses.Slice(buffer)};");
                    }
                }

                foreach (BufferRole role in new[] { BufferRole.TransposedKernel, BufferRole.TransposedRecurrentKernel })
                {
                    if (buffers.TileOf(layer, role) is Buffer buffer)
                    {
                        writer.WriteLine($"ReadOnlySpan<float> {buffer.Name} = {StackPasses.Slice(buffer)};");
                    }
                }
            }

            WriteLoss(writer, spec, buffers);
            for (int l = spec.Layers.Count - 1; l >= 0; l--)
            {
                LayerSpec layer = spec.Layers[l];
                int steps = layer.InputSteps(spec.TimeSteps);
                writer.WriteLine($"// {layer.Name}: {layer.Describe()}, [{StackPasses.Shape(steps, layer.InputSize)}] → [{StackPasses.Shape(layer.OutputSteps(spec.TimeSteps), layer.Units)}]");
                using (writer.Block())
                {
                    if (layer.IsRecurrent)
                    {
                        WriteSimpleRnnBackward(writer, spec, buffers, layer);
                    }
                    else
                    {
                        WriteDenseBackward(writer, spec, buffers, layer);
                    }
                }
            }
        }
    }

    /// <summary>Each sequence's loss, and d loss / d y into the last layer's output gradients: Backward's loop, row by row.</summary>
    private static void WriteLoss(SourceWriter writer, ModelSpec spec, Buffers buffers)
    {
        LayerSpec last = spec.LastLayer;
        int tile = TileBackend.Rows;
        int units = spec.OutputUnits;
        int outputs = spec.OutputLength;
        Steps y = LayerContext.OutputOf(spec, buffers, last, tile);
        string dy = buffers.Of(last, BufferRole.OutputGradients).Name;
        writer.WriteLine($"// loss = mean((y - target)²) of each sequence; d loss / d y = 2 (y - target) / {outputs}, in Backward's order");
        using (writer.Block($"for (int s = 0; s < {RowCount}; s++)"))
        {
            writer.WriteLine("float loss = 0f;");
            string row = units == 1 ? "s" : $"s * {units}";
            if (spec.OutputIsSequence)
            {
                using (writer.Block($"for (int t = 0; t < {spec.TimeSteps}; t++)"))
                {
                    using (writer.Block($"for (int d = 0; d < {units}; d++)"))
                    {
                        WriteError(writer, $"t * {tile * units} + {row} + d", y.Offset, $"s * {outputs} + " + (units == 1 ? "t" : $"t * {units}") + " + d", y.Span, dy, outputs);
                    }
                }
            }
            else
            {
                using (writer.Block($"for (int d = 0; d < {units}; d++)"))
                {
                    WriteError(writer, $"{row} + d", y.Offset, $"s * {outputs} + d", y.Span, dy, outputs);
                }
            }

            writer.WriteLine($"losses[s] = loss / {outputs};");
        }
    }

    private static void WriteError(SourceWriter writer, string at, int outputOffset, string targetAt, string y, string dy, int outputs)
    {
        writer.WriteLine($"int at = {at};");
        writer.WriteLine($"float error = {y}[{(outputOffset == 0 ? "at" : $"{outputOffset} + at")}] - target[{targetAt}];");
        writer.WriteLine("loss += error * error;");
        writer.WriteLine($"{dy}[at] = 2f / {outputs} * error;");
    }

    /// <summary>
    /// Dense on each step it is fed: <c>dz = dy ⊙ act'(y)</c> for the tile, <c>dkernel += xᵀ·dz</c> and
    /// <c>dbias += Σ dz</c> over its sequences, and <c>dx = dz·kernelᵀ</c> for the layer below.
    /// </summary>
    private static void WriteDenseBackward(SourceWriter writer, ModelSpec spec, Buffers buffers, LayerSpec layer)
    {
        int steps = layer.InputSteps(spec.TimeSteps);
        int units = layer.Units;
        string step = steps == 1 ? "0" : "t";
        WriteGradientLocals(writer, layer);
        using (steps == 1 ? null : writer.Block($"for (int t = 0; t < {steps}; t++)"))
        {
            Steps dy = Steps.Tile(buffers.Of(layer, BufferRole.OutputGradients).Name, 0, units, TileBackend.Rows);
            writer.WriteLine($"Span<float> dz = {Matrix(dy.At(step))};");
            if (layer.Activation != Activation.Linear)
            {
                writer.WriteLine($"// dz = dy ⊙ {LayerWeights.ActivationName(layer.Activation)}'(z), written in terms of y, for every sequence of the tile");
                Steps outputs = Steps.Tile(buffers.Of(layer, BufferRole.Outputs).Name, 0, units, TileBackend.Rows);
                writer.WriteLine($"Activations.MultiplyBy{layer.Activation}Derivative({Matrix(outputs.At(step))}, dz);");
            }

            writer.WriteLine("// dkernel += xᵀ·dz" + (layer.UseBias ? "; dbias += Σ dz" : "") + ", over the tile's sequences");
            WriteWeightGradients(writer, spec, buffers, layer, step, "dz", recurrentStep: null);
            WriteInputGradient(writer, spec, buffers, layer, step, "dz");
        }
    }

    /// <summary>
    /// SimpleRNN's BPTT for the tile: per step, <c>da_t = dh_t ⊙ act'(h_t)</c>, the weight gradients' share
    /// of the step over the tile's sequences, <c>dx_t = da_t·kernelᵀ</c> for the layer below and
    /// <c>dh_{t-1} = da_t·recurrent_kernelᵀ</c>.
    /// </summary>
    private static void WriteSimpleRnnBackward(SourceWriter writer, ModelSpec spec, Buffers buffers, LayerSpec layer)
    {
        int u = layer.Units;
        int rows = TileBackend.Rows;
        Steps states = Steps.Tile(buffers.Of(layer, BufferRole.States).Name, 0, u, rows);
        Steps outputGradients = Steps.Tile(buffers.Of(layer, BufferRole.OutputGradients).Name, 0, u, rows);
        string dhTile = buffers.Of(layer, BufferRole.StateGradient).Name;
        string daTile = buffers.Of(layer, BufferRole.PreactivationGradients).Name;
        WriteGradientLocals(writer, layer);
        writer.WriteLine($"Span<float> dh = {dhTile}.Slice(0, {RowCount} * {u});");
        if (layer.ReturnSequences)
        {
            writer.WriteLine("// Nothing comes back from past h_T: each step's output gradient joins dh below.");
            writer.WriteLine("dh.Clear();");
        }
        else
        {
            writer.WriteLine("// Only h_T is output: dh_T = d loss / d output.");
            writer.WriteLine($"{Matrix(outputGradients.At("0"))}.CopyTo(dh);");
        }

        using (writer.Block($"for (int t = {spec.TimeSteps}; t >= 1; t--)"))
        {
            if (layer.ReturnSequences)
            {
                writer.WriteLine("// h_t is also output t: its gradient joins what step t + 1 sent back.");
                writer.WriteLine($"TensorPrimitives.Add(dh, {Matrix(outputGradients.At("t - 1"))}, dh);");
            }

            writer.WriteLine($"// da_t = dh_t ⊙ {LayerWeights.ActivationName(layer.Activation)}'(a_t), written in terms of h_t, for every sequence of the tile");
            writer.WriteLine($"Span<float> daT = {daTile}.Slice(0, {RowCount} * {u});");
            writer.WriteLine("dh.CopyTo(daT);");
            if (layer.Activation != Activation.Linear)
            {
                writer.WriteLine($"Activations.MultiplyBy{layer.Activation}Derivative({Matrix(states.At("t"))}, daT);");
            }

            writer.WriteLine("// dkernel += x_tᵀ·da_t; drecurrent_kernel += h_{t-1}ᵀ·da_t" + (layer.UseBias ? "; dbias += Σ da_t" : "") + ", over the tile's sequences");
            WriteWeightGradients(writer, spec, buffers, layer, "t - 1", "daT", recurrentStep: states.At("t - 1"));
            WriteInputGradient(writer, spec, buffers, layer, "t - 1", "daT");
            writer.WriteLine("// dh_{t-1} = da_t·recurrent_kernelᵀ");
            writer.WriteLine("dh.Clear();");
            string transposed = buffers.TileOf(layer, BufferRole.TransposedRecurrentKernel)!.Name;
            writer.WriteLine($"BatchKernels.AddMatrixProduct(daT, {u}, {transposed}, {u}, dh, {u}, {RowCount}, {u}, {u});");
        }
    }

    /// <summary>The layer's gradient spans, named for its weights.</summary>
    private static void WriteGradientLocals(SourceWriter writer, LayerSpec layer)
    {
        foreach (WeightSpec weight in layer.Weights)
        {
            string shape = weight.IsVector ? $"[{weight.Columns}]" : $"[{weight.Rows}, {weight.Columns}]";
            writer.WriteLine($"Span<float> {GradientName(layer, weight)} = gradients.Slice({weight.Offset}, {weight.Length}); // d {layer.Name}/{weight.Name} {shape}");
        }
    }

    private static string GradientName(LayerSpec layer, WeightSpec weight) =>
        weight == layer.Kernel ? "kernelGradient"
        : weight == layer.RecurrentKernel ? "recurrentKernelGradient"
        : "biasGradient";

    /// <summary>
    /// <c>dkernel += x_stepᵀ·d</c>, <c>drecurrent_kernel += h_{t-1}ᵀ·d</c> (a recurrent layer) and
    /// <c>dbias += Σ d</c>, each one product over the tile's sequences, with <paramref name="d"/> a
    /// contiguous <c>[rows, U]</c> matrix.
    /// </summary>
    private static void WriteWeightGradients(SourceWriter writer, ModelSpec spec, Buffers buffers, LayerSpec layer, string step, string d, Place? recurrentStep)
    {
        int u = layer.Units;
        (string x, int stride) = InputRows(spec, buffers, layer, step);
        writer.WriteLine($"BatchKernels.AddTransposedProduct({x}, {stride}, {d}, {u}, kernelGradient, {u}, {RowCount}, {layer.InputSize}, {u});");
        if (recurrentStep is not null)
        {
            writer.WriteLine($"BatchKernels.AddTransposedProduct({Matrix(recurrentStep)}, {u}, {d}, {u}, recurrentKernelGradient, {u}, {RowCount}, {u}, {u});");
        }

        if (layer.UseBias)
        {
            writer.WriteLine($"GradientKernels.AddColumnSums({d}, biasGradient);");
        }
    }

    /// <summary><c>dx_step = d·kernelᵀ</c> into the layer below's output gradients, for every sequence of the tile.</summary>
    private static void WriteInputGradient(SourceWriter writer, ModelSpec spec, Buffers buffers, LayerSpec layer, string step, string d)
    {
        if (layer.Index == 0)
        {
            return;
        }

        int input = layer.InputSize;
        Steps below = Steps.Tile(buffers.Of(spec.Layers[layer.Index - 1], BufferRole.OutputGradients).Name, 0, input, TileBackend.Rows);
        writer.WriteLine(layer.IsRecurrent ? "// d loss / d x_t = da_t·kernelᵀ, for the layer below" : "// dx = dz·kernelᵀ, for the layer below");
        writer.WriteLine($"Span<float> dx = {Matrix(below.At(step))};");
        writer.WriteLine("dx.Clear();");
        writer.WriteLine($"BatchKernels.AddMatrixProduct({d}, {layer.Units}, {buffers.TileOf(layer, BufferRole.TransposedKernel)!.Name}, {input}, dx, {input}, {RowCount}, {layer.Units}, {input});");
    }

    /// <summary>
    /// The layer's input at <paramref name="step"/> for every sequence of the tile, and the floats between
    /// two sequences' rows: the model's inputs where they lie, a sequence InputLength floats after another,
    /// or the layer below's output in the tile, one contiguous matrix.
    /// </summary>
    private static (string Rows, int Stride) InputRows(ModelSpec spec, Buffers buffers, LayerSpec layer, string step)
    {
        if (layer.Index == 0)
        {
            Place x = Place.At("input", 0, step, spec.Features);
            return ($"input.Slice({x.Start}, ({RowCount} - 1) * {spec.InputLength} + {spec.Features})", spec.InputLength);
        }

        Steps below = LayerContext.OutputOf(spec, buffers, spec.Layers[layer.Index - 1], TileBackend.Rows);
        return (Matrix(below.At(step)), layer.InputSize);
    }

    /// <summary>The tile's contiguous <c>[rows, Length]</c> matrix at <paramref name="place"/>.</summary>
    private static string Matrix(Place place) => $"{place.Span}.Slice({place.Start}, {RowCount} * {place.Length})";
}
