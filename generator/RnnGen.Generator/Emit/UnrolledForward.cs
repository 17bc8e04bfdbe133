using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emit;

/// <summary>The forward pass of the unrolled strategy: hidden state and weights in locals.</summary>
internal static class UnrolledForward
{
    public static void WriteStep(SourceWriter writer, ModelSpec spec)
    {
        ForwardEmitter.WriteStepDocs(writer);
        using (writer.Block($"public void Step({Names.ReadOnlySpan} input, {Names.Span} output)"))
        {
            ForwardEmitter.WriteStepGuards(writer, spec);
            Unrolled.WriteWeightLocals(writer, spec, Unrolled.Weights.All);
            writer.WriteLine($"{Names.Span} state = _state;");
            writer.WriteLine($"// {Names.CellFormula(spec.HiddenActivation)}, with h_{{t-1}} = State");
            for (int j = 0; j < spec.HiddenUnits; j++)
            {
                string preactivation = Unrolled.Preactivation(spec, j, f => $"input[{f}]", i => $"state[{i}]");
                writer.WriteLine($"float h{j} = {Names.Apply(spec.HiddenActivation, preactivation)};");
            }

            for (int j = 0; j < spec.HiddenUnits; j++)
            {
                writer.WriteLine($"state[{j}] = h{j};");
            }

            writer.WriteLine($"// {Names.DenseFormula(spec.DenseActivation, "y_t", "h_t")}");
            for (int d = 0; d < spec.DenseUnits; d++)
            {
                writer.WriteLine($"output[{d}] = {Names.Apply(spec.DenseActivation, Unrolled.DensePreactivation(spec, d, i => $"h{i}"))};");
            }
        }
    }

    public static void WriteForward(SourceWriter writer, ModelSpec spec)
    {
        int h = spec.HiddenUnits;
        writer.WriteLine("/// <summary>Runs one sequence; leaves h_0 .. h_T in _hiddenStates and the outputs in _outputs.</summary>");
        using (writer.Block($"private void Forward({Names.ReadOnlySpan} input)"))
        {
            Unrolled.WriteWeightLocals(writer, spec, Unrolled.Weights.All);
            writer.WriteLine($"{Names.Span} hs = _hiddenStates;");
            writer.WriteLine($"{Names.Span} y = _outputs;");
            if (spec.Stateful)
            {
                writer.WriteLine("// h_0 = State (stateful), kept in hs[0..HiddenUnits) for BPTT.");
                writer.WriteLine($"{Names.Span} state = _state;");
                writer.WriteLine(Unrolled.Declare("h", h, j => $"state[{j}]"));
                for (int j = 0; j < h; j++)
                {
                    writer.WriteLine($"hs[{j}] = h{j};");
                }
            }
            else
            {
                writer.WriteLine("// h_0 = 0 (hs[0..HiddenUnits) is never written, so it stays zero).");
                writer.WriteLine(Unrolled.Declare("h", h, _ => "0f"));
            }

            using (writer.Block("for (int t = 0; t < TimeSteps; t++)"))
            {
                writer.WriteLine(Unrolled.Declare("x", spec.Features, f => spec.Features == 1 ? "input[t]" : $"input[t * Features + {f}]"));
                writer.WriteLine($"// {Names.CellFormula(spec.HiddenActivation)}");
                for (int j = 0; j < h; j++)
                {
                    writer.WriteLine($"float a{j} = {Unrolled.Preactivation(spec, j, f => $"x{f}", i => $"h{i}")};");
                }

                for (int j = 0; j < h; j++)
                {
                    writer.WriteLine($"h{j} = {Names.Apply(spec.HiddenActivation, $"a{j}")};");
                }

                writer.WriteLine("int at = (t + 1) * HiddenUnits;");
                for (int j = 0; j < h; j++)
                {
                    writer.WriteLine($"hs[at + {j}] = h{j};");
                }

                if (spec.ReturnSequences)
                {
                    writer.WriteLine($"// {Names.DenseFormula(spec.DenseActivation, "y_t", "h_t")}");
                    for (int d = 0; d < spec.DenseUnits; d++)
                    {
                        string index = spec.DenseUnits == 1 ? "t" : $"t * DenseUnits + {d}";
                        writer.WriteLine($"y[{index}] = {Names.Apply(spec.DenseActivation, Unrolled.DensePreactivation(spec, d, i => $"h{i}"))};");
                    }
                }
            }

            if (!spec.ReturnSequences)
            {
                writer.WriteLine($"// {Names.DenseFormula(spec.DenseActivation, "y", "h_T")}");
                for (int d = 0; d < spec.DenseUnits; d++)
                {
                    writer.WriteLine($"y[{d}] = {Names.Apply(spec.DenseActivation, Unrolled.DensePreactivation(spec, d, i => $"h{i}"))};");
                }
            }

            if (spec.Stateful)
            {
                writer.WriteLine("// Stateful: leave h_T in State for the next call.");
                for (int j = 0; j < h; j++)
                {
                    writer.WriteLine($"state[{j}] = h{j};");
                }
            }
        }
    }
}
