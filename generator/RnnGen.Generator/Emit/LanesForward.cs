using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emit;

/// <summary>
/// Batch inference for small models: as many sequences as a SIMD register has lanes run side by
/// side, one per lane, with every weight broadcast to all lanes. A small model's single sequence is
/// a latency-bound chain; many sequences in lanes turn it into throughput that grows with vector
/// width. One method per width (512, 256, 128 bits); the JIT keeps only the one the machine runs.
/// </summary>
internal static class LanesForward
{
    public static readonly int[] Widths = [512, 256, 128];

    /// <summary>The most lanes any width has: the size of the lane scratch buffers' rows.</summary>
    public const int MaxLanes = 16;

    public static string VectorType(int width) => $"global::System.Runtime.Intrinsics.Vector{width}";

    public static string MethodName(int width) => $"PredictLanes{width}";

    /// <summary>The dispatch in PredictBatch: the widest accelerated width, else per sequence.</summary>
    public static void WriteDispatch(SourceWriter writer)
    {
        writer.WriteLine("// Whole groups of sequences run side by side, one per SIMD lane, at the widest accelerated width.");
        writer.WriteLine("int lanes = 0;");
        for (int i = 0; i < Widths.Length; i++)
        {
            int width = Widths[i];
            string keyword = i == 0 ? "if" : "else if";
            using (writer.Block($"{keyword} ({VectorType(width)}.IsHardwareAccelerated)"))
            {
                writer.WriteLine($"lanes = {VectorType(width)}<float>.Count;");
                using (writer.Block("for (; n + lanes <= count; n += lanes)"))
                {
                    writer.WriteLine($"{MethodName(width)}(inputs.Slice(n * InputLength, lanes * InputLength), outputs.Slice(n * OutputLength, lanes * OutputLength));");
                }
            }
        }
    }

    public static void WritePredictLanes(SourceWriter writer, ModelSpec spec)
    {
        foreach (int width in Widths)
        {
            WritePredictLanes(writer, spec, width);
            writer.WriteLine();
        }
    }

    private static void WritePredictLanes(SourceWriter writer, ModelSpec spec, int width)
    {
        string vector = VectorType(width);
        string v = vector + "<float>";
        writer.WriteLine($"/// <summary>Runs {v.Replace("<", "&lt;").Replace(">", "&gt;").Replace("global::System.Runtime.Intrinsics.", "")}.Count sequences at once, one per SIMD lane.</summary>");
        using (writer.Block($"private void {MethodName(width)}({Names.ReadOnlySpan} inputs, {Names.Span} outputs)"))
        {
            writer.WriteLine($"int lanes = {v}.Count;");
            writer.WriteLine("// Transpose the group's inputs once, [sequence][t, f] to [t, f][lane], so each step loads whole vectors.");
            writer.WriteLine($"{Names.Span} transposed = _laneInputs;");
            using (writer.Block("for (int s = 0; s < lanes; s++)"))
            {
                using (writer.Block("for (int k = 0; k < InputLength; k++)"))
                {
                    writer.WriteLine($"transposed[k * {MaxLanes} + s] = inputs[s * InputLength + k];");
                }
            }

            writer.WriteLine($"{Names.ReadOnlySpan} laneInputs = transposed;");
            writer.WriteLine("// Every weight broadcast to all lanes.");
            Unrolled.WriteWeightLocals(writer, spec, Unrolled.Weights.All, v, index => $"{vector}.Create(p[{index}])");
            writer.WriteLine(Unrolled.Declare("h", spec.HiddenUnits, _ => $"{v}.Zero", v));
            using (writer.Block("for (int t = 0; t < TimeSteps; t++)"))
            {
                for (int f = 0; f < spec.Features; f++)
                {
                    writer.WriteLine($"{v} x{f} = {vector}.Create(laneInputs.Slice((t * Features + {f}) * {MaxLanes}, lanes));");
                }

                writer.WriteLine($"// {Names.CellFormula(spec.HiddenActivation)}, for every lane, as fused multiply-adds");
                for (int j = 0; j < spec.HiddenUnits; j++)
                {
                    writer.WriteLine($"{v} a{j} = {Unrolled.B(j)};");
                    for (int f = 0; f < spec.Features; f++)
                    {
                        writer.WriteLine($"a{j} = {vector}.MultiplyAddEstimate(x{f}, {Unrolled.K(f, j)}, a{j});");
                    }

                    for (int i = 0; i < spec.HiddenUnits; i++)
                    {
                        writer.WriteLine($"a{j} = {vector}.MultiplyAddEstimate(h{i}, {Unrolled.R(i, j)}, a{j});");
                    }
                }

                for (int j = 0; j < spec.HiddenUnits; j++)
                {
                    writer.WriteLine($"h{j} = {Names.ApplyVector(spec.HiddenActivation, $"a{j}")};");
                }

                if (spec.ReturnSequences)
                {
                    WriteDense(writer, spec, vector, "t * DenseUnits + ");
                }
            }

            if (!spec.ReturnSequences)
            {
                WriteDense(writer, spec, vector, "");
            }
        }
    }

    private static void WriteDense(SourceWriter writer, ModelSpec spec, string vector, string stepOffset)
    {
        string v = vector + "<float>";
        writer.WriteLine($"// {Names.DenseFormula(spec.DenseActivation, "y", "h")}, scattered back to each lane's output");
        for (int d = 0; d < spec.DenseUnits; d++)
        {
            using (writer.Block())
            {
                writer.WriteLine($"{v} z = {Unrolled.C(d)};");
                for (int i = 0; i < spec.HiddenUnits; i++)
                {
                    writer.WriteLine($"z = {vector}.MultiplyAddEstimate(h{i}, {Unrolled.W(i, d)}, z);");
                }

                writer.WriteLine($"{vector}.CopyTo({Names.ApplyVector(spec.DenseActivation, "z")}, _laneOutputs);");
                using (writer.Block("for (int s = 0; s < lanes; s++)"))
                {
                    writer.WriteLine($"outputs[s * OutputLength + {stepOffset}{d}] = _laneOutputs[s];");
                }
            }
        }
    }
}
