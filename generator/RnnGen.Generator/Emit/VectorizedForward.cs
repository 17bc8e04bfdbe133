using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emit;

/// <summary>
/// The forward pass of the vectorized strategy: each product is a loop over kernel rows, each row
/// one SIMD multiply-add into the pre-activation (the Keras layout makes rows contiguous).
/// </summary>
internal static class VectorizedForward
{
    public static void WriteStep(SourceWriter writer, ModelSpec spec)
    {
        ForwardEmitter.WriteStepDocs(writer);
        using (writer.Block($"public void Step({Names.ReadOnlySpan} input, {Names.Span} output)"))
        {
            ForwardEmitter.WriteStepGuards(writer, spec);
            writer.WriteLine("// The new state is computed in the h_0 slot of the BPTT scratch (Forward resets it), then copied over State.");
            writer.WriteLine($"{Names.Span} next = new(_hiddenStates, 0, HiddenUnits);");
            writer.WriteLine("Cell(input, _state, next);");
            writer.WriteLine("next.CopyTo(_state);");
            writer.WriteLine("Dense(_state, output);");
        }
    }

    public static void WriteForward(SourceWriter writer, ModelSpec spec)
    {
        writer.WriteLine("/// <summary>Runs one sequence; leaves h_0 .. h_T in _hiddenStates and the outputs in _outputs.</summary>");
        using (writer.Block($"private void Forward({Names.ReadOnlySpan} input)"))
        {
            writer.WriteLine($"{Names.Span} hs = _hiddenStates;");
            if (spec.Stateful)
            {
                writer.WriteLine("// h_0 = State (stateful).");
                writer.WriteLine($"new {Names.ReadOnlySpan}(_state).CopyTo(hs);");
            }
            else
            {
                writer.WriteLine("// h_0 = 0 (Step may have used this slot as scratch).");
                writer.WriteLine("hs.Slice(0, HiddenUnits).Clear();");
            }

            using (writer.Block("for (int t = 0; t < TimeSteps; t++)"))
            {
                writer.WriteLine($"{Names.Span} h = hs.Slice((t + 1) * HiddenUnits, HiddenUnits);");
                writer.WriteLine("Cell(input.Slice(t * Features, Features), hs.Slice(t * HiddenUnits, HiddenUnits), h);");
                if (spec.ReturnSequences)
                {
                    writer.WriteLine("Dense(h, new global::System.Span<float>(_outputs, t * DenseUnits, DenseUnits));");
                }
            }

            if (!spec.ReturnSequences)
            {
                writer.WriteLine("Dense(hs.Slice(TimeSteps * HiddenUnits, HiddenUnits), _outputs);");
            }

            if (spec.Stateful)
            {
                writer.WriteLine("// Stateful: leave h_T in State for the next call.");
                writer.WriteLine("hs.Slice(TimeSteps * HiddenUnits, HiddenUnits).CopyTo(_state);");
            }
        }
    }

    public static void WriteHelpers(SourceWriter writer, ModelSpec spec)
    {
        writer.WriteLine($"/// <summary>One time step: {Names.CellFormula(spec.HiddenActivation)}.</summary>");
        using (writer.Block($"private void Cell({Names.ReadOnlySpan} x, {Names.ReadOnlySpan} previous, {Names.Span} h)"))
        {
            writer.WriteLine($"{Names.ReadOnlySpan} parameters = _parameters;");
            writer.WriteLine("parameters.Slice(BiasOffset, HiddenUnits).CopyTo(h);");
            using (writer.Block("for (int f = 0; f < Features; f++)"))
            {
                writer.WriteLine($"{Names.TensorPrimitives}.MultiplyAdd(parameters.Slice(KernelOffset + f * HiddenUnits, HiddenUnits), x[f], h, h);");
            }

            using (writer.Block("for (int i = 0; i < HiddenUnits; i++)"))
            {
                writer.WriteLine($"{Names.TensorPrimitives}.MultiplyAdd(parameters.Slice(RecurrentKernelOffset + i * HiddenUnits, HiddenUnits), previous[i], h, h);");
            }

            WriteActivation(writer, spec.HiddenActivation, "h");
        }

        writer.WriteLine();
        writer.WriteLine($"/// <summary>The Dense layer: {Names.DenseFormula(spec.DenseActivation, "y", "h")}.</summary>");
        using (writer.Block($"private void Dense({Names.ReadOnlySpan} h, {Names.Span} y)"))
        {
            writer.WriteLine($"{Names.ReadOnlySpan} parameters = _parameters;");
            writer.WriteLine("parameters.Slice(DenseBiasOffset, DenseUnits).CopyTo(y);");
            using (writer.Block("for (int i = 0; i < HiddenUnits; i++)"))
            {
                writer.WriteLine($"{Names.TensorPrimitives}.MultiplyAdd(parameters.Slice(DenseKernelOffset + i * DenseUnits, DenseUnits), h[i], y, y);");
            }

            WriteActivation(writer, spec.DenseActivation, "y");
        }
    }

    private static void WriteActivation(SourceWriter writer, ActivationKind activation, string values)
    {
        if (activation != ActivationKind.Linear)
        {
            writer.WriteLine($"{Names.Activations}.{activation}({values});");
        }
    }
}
