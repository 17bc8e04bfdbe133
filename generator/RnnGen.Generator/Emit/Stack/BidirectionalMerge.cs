using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emit.Stack;

/// <summary>
/// Keras <c>Bidirectional</c> around a recurrent layer: <c>y = forward(x)</c>, <c>y_rev = backward(x)</c>
/// (the backward direction flips go_backwards), with return_sequences <c>y_rev</c> flipped back to the
/// input's order, then merged: concat <c>[y, y_rev]</c>, sum <c>y + y_rev</c>, mul <c>y ⊙ y_rev</c>, ave
/// <c>(y + y_rev) / 2</c>. The directions are ordinary layers (<see cref="LayerSpec.Directions"/>); this
/// writes what joins them: the merge, its gradient split between them, and the sum of their input
/// gradients. Span code over whole steps: it is a few vector operations per step, whatever the backend.
/// </summary>
internal static class BidirectionalMerge
{
    /// <summary>
    /// The merged output of every output step, from both directions' outputs; in PredictBatch's lane
    /// buffers (<paramref name="stride"/> floats per element, [element][lane]) a step's elements are
    /// <paramref name="stride"/> times as many floats, still contiguous.
    /// </summary>
    public static void WriteMerge(SourceWriter writer, ModelSpec spec, Buffers buffers, LayerSpec layer, int stride)
    {
        var (forward, backward, merged) = Operands(spec, buffers, layer, BufferRole.States, BufferRole.Outputs);
        int u = layer.Units;
        writer.WriteLine($"// {layer.Name}: merge_mode={LayerWeights.MergeModeName(layer.MergeMode)}" + (layer.ReturnSequences ? ", the backward direction's step T - 1 - s at output s" : ""));
        using (OutputSteps(writer, spec, layer))
        {
            Place y = forward.At(ForwardStep(spec, layer)), yRev = backward.At(BackwardStep(spec, layer)), output = merged.At(OutputStep(layer));
            switch (layer.MergeMode)
            {
                case MergeMode.Concat:
                    writer.WriteLine($"{Slice(y, stride)}.CopyTo({Slice(output.Block(0, u), stride)});");
                    writer.WriteLine($"{Slice(yRev, stride)}.CopyTo({Slice(output.Block(1, u), stride)});");
                    break;
                case MergeMode.Mul:
                    writer.WriteLine($"TensorPrimitives.Multiply({Slice(y, stride)}, {Slice(yRev, stride)}, {Slice(output, stride)});");
                    break;
                default:
                    writer.WriteLine($"TensorPrimitives.Add({Slice(y, stride)}, {Slice(yRev, stride)}, {Slice(output, stride)});");
                    if (layer.MergeMode == MergeMode.Ave)
                    {
                        writer.WriteLine($"TensorPrimitives.Multiply({Slice(output, stride)}, 0.5f, {Slice(output, stride)});");
                    }

                    break;
            }
        }
    }

    /// <summary>Each direction's d loss / d output, from d loss / d merged output.</summary>
    public static void WriteSplit(SourceWriter writer, ModelSpec spec, Buffers buffers, LayerSpec layer)
    {
        var (forward, backward, merged) = Operands(spec, buffers, layer, BufferRole.OutputGradients, BufferRole.OutputGradients);
        int u = layer.Units;
        writer.WriteLine($"// {layer.Name}: d loss / d merged output to each direction's output" + (layer.MergeMode == MergeMode.Mul ? " (mul: each times the other direction's output)" : ""));
        using (OutputSteps(writer, spec, layer))
        {
            string fStep = layer.ReturnSequences ? "s" : "0", bStep = layer.ReturnSequences ? $"{spec.TimeSteps - 1} - s" : "0";
            Place dy = forward.At(fStep), dyRev = backward.At(bStep), gradient = merged.At(OutputStep(layer));
            switch (layer.MergeMode)
            {
                case MergeMode.Concat:
                    writer.WriteLine($"{gradient.Block(0, u).Slice}.CopyTo({dy.Slice});");
                    writer.WriteLine($"{gradient.Block(1, u).Slice}.CopyTo({dyRev.Slice});");
                    break;
                case MergeMode.Sum:
                    writer.WriteLine($"{gradient.Slice}.CopyTo({dy.Slice});");
                    writer.WriteLine($"{gradient.Slice}.CopyTo({dyRev.Slice});");
                    break;
                case MergeMode.Ave:
                    writer.WriteLine($"TensorPrimitives.Multiply({gradient.Slice}, 0.5f, {dy.Slice});");
                    writer.WriteLine($"{dy.Slice}.CopyTo({dyRev.Slice});");
                    break;
                default:
                    var (states, reversedStates, _) = Operands(spec, buffers, layer, BufferRole.States, BufferRole.Outputs);
                    writer.WriteLine($"TensorPrimitives.Multiply({gradient.Slice}, {reversedStates.At(BackwardStep(spec, layer)).Slice}, {dy.Slice});");
                    writer.WriteLine($"TensorPrimitives.Multiply({gradient.Slice}, {states.At(ForwardStep(spec, layer)).Slice}, {dyRev.Slice});");
                    break;
            }
        }
    }

    /// <summary>d loss / d input = the forward direction's (already in place) + the backward direction's.</summary>
    public static void WriteInputGradientSum(SourceWriter writer, ModelSpec spec, Buffers buffers, LayerSpec layer, Steps inputGradient)
    {
        int length = layer.InputSteps(spec.TimeSteps) * layer.InputSize;
        string backward = buffers.Of(layer, BufferRole.InputGradients).Name;
        writer.WriteLine($"// {layer.Name}: d loss / d input is the sum of both directions'.");
        writer.WriteLine($"TensorPrimitives.Add({inputGradient.First(layer.InputSteps(spec.TimeSteps))}, {backward}.Slice(0, {length}), {inputGradient.First(layer.InputSteps(spec.TimeSteps))});");
    }

    /// <summary>The two directions' buffers of <paramref name="directionRole"/> and the layer's own of <paramref name="mergedRole"/>, one vector per step.</summary>
    private static (Steps Forward, Steps Backward, Steps Merged) Operands(ModelSpec spec, Buffers buffers, LayerSpec layer, BufferRole directionRole, BufferRole mergedRole)
    {
        LayerSpec[] directions = layer.Directions;
        return (
            new Steps(buffers.Of(directions[0], directionRole).Name, 0, layer.Units),
            new Steps(buffers.Of(directions[1], directionRole).Name, 0, layer.Units),
            new Steps(buffers.Of(layer, mergedRole).Name, 0, layer.OutputSize));
    }

    private static System.IDisposable OutputSteps(SourceWriter writer, ModelSpec spec, LayerSpec layer) =>
        layer.ReturnSequences ? writer.Block($"for (int s = 0; s < {spec.TimeSteps}; s++)") : writer.Block();

    private static string OutputStep(LayerSpec layer) => layer.ReturnSequences ? "s" : "0";

    /// <summary>The forward direction's h at output s: h_{s+1} of its processing order, or h_T.</summary>
    private static string ForwardStep(ModelSpec spec, LayerSpec layer) => layer.ReturnSequences ? "s + 1" : $"{spec.TimeSteps}";

    /// <summary>The backward direction's h at output s: its step T - 1 - s (h_{T-s}) flipped back to input order, or h_T.</summary>
    private static string BackwardStep(ModelSpec spec, LayerSpec layer) => layer.ReturnSequences ? $"{spec.TimeSteps} - s" : $"{spec.TimeSteps}";

    /// <summary>The place's floats, each element <paramref name="stride"/> floats wide.</summary>
    private static string Slice(Place place, int stride) =>
        stride == 1 ? place.Slice : $"{place.Span}.Slice({place.Scaled(0, stride)}, {place.Length * stride})";

}
