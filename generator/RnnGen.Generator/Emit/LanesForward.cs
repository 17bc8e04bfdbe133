using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emit;

/// <summary>
/// Batch inference for small models: <c>Vector&lt;float&gt;.Count</c> sequences run side by side, one
/// per SIMD lane, with every weight broadcast to all lanes. A small model's single sequence is a
/// latency-bound chain; many sequences in lanes turn it into throughput that grows with vector width.
/// </summary>
internal static class LanesForward
{
    private const string V = Names.LaneVector;

    public static void WritePredictLanes(SourceWriter writer, ModelSpec spec)
    {
        writer.WriteLine("/// <summary>Runs Vector&lt;float&gt;.Count sequences at once, one per SIMD lane.</summary>");
        using (writer.Block($"private void PredictLanes({Names.ReadOnlySpan} inputs, {Names.Span} outputs)"))
        {
            writer.WriteLine("// Every weight broadcast to all lanes.");
            Unrolled.WriteWeightLocals(writer, spec, Unrolled.Weights.All, V, static index => $"new(p[{index}])");
            writer.WriteLine($"{Names.Span} lane = _laneScratch;");
            writer.WriteLine(Unrolled.Declare("h", spec.HiddenUnits, _ => $"{V}.Zero", V));
            using (writer.Block("for (int t = 0; t < TimeSteps; t++)"))
            {
                writer.WriteLine("// x_t of every lane's sequence, gathered into one vector per feature");
                for (int f = 0; f < spec.Features; f++)
                {
                    using (writer.Block("for (int s = 0; s < lane.Length; s++)"))
                    {
                        writer.WriteLine($"lane[s] = inputs[s * InputLength + t * Features + {f}];");
                    }

                    writer.WriteLine($"{V} x{f} = new(lane);");
                }

                writer.WriteLine($"// {Names.CellFormula(spec.HiddenActivation)}, for every lane");
                for (int j = 0; j < spec.HiddenUnits; j++)
                {
                    writer.WriteLine($"{V} a{j} = {Unrolled.Preactivation(spec, j, f => $"x{f}", i => $"h{i}")};");
                }

                for (int j = 0; j < spec.HiddenUnits; j++)
                {
                    writer.WriteLine($"h{j} = {Names.ApplyVector(spec.HiddenActivation, $"a{j}")};");
                }

                if (spec.ReturnSequences)
                {
                    WriteDense(writer, spec, "t * DenseUnits + ");
                }
            }

            if (!spec.ReturnSequences)
            {
                WriteDense(writer, spec, "");
            }
        }
    }

    private static void WriteDense(SourceWriter writer, ModelSpec spec, string stepOffset)
    {
        writer.WriteLine($"// {Names.DenseFormula(spec.DenseActivation, "y", "h")}, scattered back to each lane's output");
        for (int d = 0; d < spec.DenseUnits; d++)
        {
            using (writer.Block())
            {
                writer.WriteLine($"{V} z = {Names.ApplyVector(spec.DenseActivation, Unrolled.DensePreactivation(spec, d, i => $"h{i}"))};");
                using (writer.Block("for (int s = 0; s < lane.Length; s++)"))
                {
                    writer.WriteLine($"outputs[s * OutputLength + {stepOffset}{d}] = z[s];");
                }
            }
        }
    }
}
