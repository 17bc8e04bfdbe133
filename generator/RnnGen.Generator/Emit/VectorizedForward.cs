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

            writer.WriteLine($"{Names.ReadOnlySpan} parameters = _parameters;");
            writer.WriteLine($"{Names.ReadOnlySpan} kernel = parameters.Slice(KernelOffset, Features * HiddenUnits);");
            writer.WriteLine($"{Names.ReadOnlySpan} recurrentKernel = parameters.Slice(RecurrentKernelOffset, HiddenUnits * HiddenUnits);");
            writer.WriteLine($"{Names.ReadOnlySpan} bias = parameters.Slice(BiasOffset, HiddenUnits);");
            writer.WriteLine("// x_t·Kernel + Bias does not depend on h: compute it for every step first, off the recurrence's critical path.");
            using (writer.Block("for (int t = 0; t < TimeSteps; t++)"))
            {
                writer.WriteLine($"{Names.Span} a = hs.Slice((t + 1) * HiddenUnits, HiddenUnits);");
                writer.WriteLine("bias.CopyTo(a);");
                writer.WriteLine($"{Names.MatrixKernels}.AddVectorTimesMatrix(input.Slice(t * Features, Features), kernel, a);");
            }

            writer.WriteLine($"// {Names.CellFormula(spec.HiddenActivation)}");
            using (writer.Block("for (int t = 0; t < TimeSteps; t++)"))
            {
                writer.WriteLine($"{Names.Span} h = hs.Slice((t + 1) * HiddenUnits, HiddenUnits);");
                writer.WriteLine($"{Names.MatrixKernels}.AddVectorTimesMatrix(hs.Slice(t * HiddenUnits, HiddenUnits), recurrentKernel, h);");
                WriteActivation(writer, spec.HiddenActivation, "h");
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
            writer.WriteLine($"{Names.MatrixKernels}.AddVectorTimesMatrix(x, parameters.Slice(KernelOffset, Features * HiddenUnits), h);");
            writer.WriteLine($"{Names.MatrixKernels}.AddVectorTimesMatrix(previous, parameters.Slice(RecurrentKernelOffset, HiddenUnits * HiddenUnits), h);");

            WriteActivation(writer, spec.HiddenActivation, "h");
        }

        writer.WriteLine();
        writer.WriteLine($"/// <summary>The Dense layer: {Names.DenseFormula(spec.DenseActivation, "y", "h")}.</summary>");
        using (writer.Block($"private void Dense({Names.ReadOnlySpan} h, {Names.Span} y)"))
        {
            writer.WriteLine($"{Names.ReadOnlySpan} parameters = _parameters;");
            if (spec.DenseUnits == 1)
            {
                writer.WriteLine("// With one dense unit, DenseKernel is a column: a dot product.");
                writer.WriteLine($"y[0] = parameters[DenseBiasOffset] + {Names.TensorPrimitives}.Dot(h, parameters.Slice(DenseKernelOffset, HiddenUnits));");
            }
            else
            {
                writer.WriteLine("parameters.Slice(DenseBiasOffset, DenseUnits).CopyTo(y);");
                writer.WriteLine($"{Names.MatrixKernels}.AddVectorTimesMatrix(h, parameters.Slice(DenseKernelOffset, HiddenUnits * DenseUnits), y);");
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
