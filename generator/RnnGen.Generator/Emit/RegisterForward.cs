using System.Text;
using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emit;

/// <summary>
/// The forward pass of the register strategy: the hidden state in one <c>Vector128</c>, each row of
/// a weight matrix in another (lanes past the row's length are zero), one multiply-add per row.
/// </summary>
internal static class RegisterForward
{
    private const string V = Names.Vector128OfFloat;

    public static void WriteStep(SourceWriter writer, ModelSpec spec)
    {
        ForwardEmitter.WriteStepDocs(writer);
        using (writer.Block($"public void Step({Names.ReadOnlySpan} input, {Names.Span} output)"))
        {
            ForwardEmitter.WriteStepGuards(writer, spec);
            WriteWeightRows(writer, spec);
            writer.WriteLine($"{Names.Span} state = _state;");
            writer.WriteLine($"{V} h = {Row(spec.HiddenUnits, j => $"state[{j}]")};");
            WriteCell(writer, spec, f => $"input[{f}]");
            for (int j = 0; j < spec.HiddenUnits; j++)
            {
                writer.WriteLine($"state[{j}] = {Names.Vector128}.GetElement(h, {j});");
            }

            WriteDense(writer, spec, "output", d => d.ToString());
        }
    }

    public static void WriteForward(SourceWriter writer, ModelSpec spec)
    {
        writer.WriteLine("/// <summary>Runs one sequence; leaves h_0 .. h_T in _hiddenStates and the outputs in _outputs.</summary>");
        using (writer.Block($"private void Forward({Names.ReadOnlySpan} input)"))
        {
            WriteWeightRows(writer, spec);
            writer.WriteLine($"{Names.Span} hs = _hiddenStates;");
            writer.WriteLine($"{Names.Span} y = _outputs;");
            if (spec.Stateful)
            {
                writer.WriteLine("// h_0 = State (stateful), kept in hs for BPTT.");
                writer.WriteLine($"{Names.Span} state = _state;");
                writer.WriteLine($"{V} h = {Row(spec.HiddenUnits, j => $"state[{j}]")};");
                writer.WriteLine($"{Names.Vector128}.CopyTo(h, hs);");
            }
            else
            {
                writer.WriteLine("// h_0 = 0 (hs[0..HiddenUnits) is never written, so it stays zero).");
                writer.WriteLine($"{V} h = {V}.Zero;");
            }

            using (writer.Block("for (int t = 0; t < TimeSteps; t++)"))
            {
                WriteCell(writer, spec, f => spec.Features == 1 ? "input[t]" : $"input[t * Features + {f}]");
                writer.WriteLine("// All four lanes are stored; the padding at the end of hs takes the last step's extra lanes.");
                writer.WriteLine($"{Names.Vector128}.CopyTo(h, hs.Slice((t + 1) * HiddenUnits));");
                if (spec.ReturnSequences)
                {
                    WriteDense(writer, spec, "y", d => spec.DenseUnits == 1 ? "t" : $"t * DenseUnits + {d}");
                }
            }

            if (!spec.ReturnSequences)
            {
                WriteDense(writer, spec, "y", d => d.ToString());
            }

            if (spec.Stateful)
            {
                writer.WriteLine("// Stateful: leave h_T in State for the next call.");
                for (int j = 0; j < spec.HiddenUnits; j++)
                {
                    writer.WriteLine($"state[{j}] = {Names.Vector128}.GetElement(h, {j});");
                }
            }
        }
    }

    /// <summary><c>kernel{f}</c>, <c>recurrent{i}</c>, <c>bias</c> and the Dense weights as vectors.</summary>
    private static void WriteWeightRows(SourceWriter writer, ModelSpec spec)
    {
        int h = spec.HiddenUnits, d = spec.DenseUnits;
        writer.WriteLine($"{Names.ReadOnlySpan} p = _parameters;");
        writer.WriteLine("_ = p[ParameterCount - 1]; // one bounds check covers every constant index below");
        writer.WriteLine("// One Vector128 per weight row; lanes past the row's length are zero and stay inert.");
        for (int f = 0; f < spec.Features; f++)
        {
            writer.WriteLine($"{V} kernel{f} = {ParameterRow(spec.KernelOffset + f * h, h)};");
        }

        for (int i = 0; i < h; i++)
        {
            writer.WriteLine($"{V} recurrent{i} = {ParameterRow(spec.RecurrentKernelOffset + i * h, h)};");
        }

        writer.WriteLine($"{V} bias = {ParameterRow(spec.BiasOffset, h)};");
        if (d == 1)
        {
            writer.WriteLine($"{V} denseColumn = {ParameterRow(spec.DenseKernelOffset, h)};");
            writer.WriteLine($"float denseBias = p[{spec.DenseBiasOffset}];");
        }
        else
        {
            for (int i = 0; i < h; i++)
            {
                writer.WriteLine($"{V} dense{i} = {ParameterRow(spec.DenseKernelOffset + i * d, d)};");
            }

            writer.WriteLine($"{V} denseBias = {ParameterRow(spec.DenseBiasOffset, d)};");
        }
    }

    /// <summary>h = act(Bias + x_t·Kernel + h·RecurrentKernel), as a chain of multiply-adds on rows.</summary>
    private static void WriteCell(SourceWriter writer, ModelSpec spec, System.Func<int, string> x)
    {
        writer.WriteLine($"// a_t = Bias + x_t·Kernel + h_{{t-1}}·RecurrentKernel: one multiply-add per input and per hidden unit, each over a whole row");
        writer.WriteLine($"{V} a = bias;");
        for (int f = 0; f < spec.Features; f++)
        {
            writer.WriteLine($"a = {Names.Vector128}.MultiplyAddEstimate({Names.Vector128}.Create({x(f)}), kernel{f}, a);");
        }

        for (int i = 0; i < spec.HiddenUnits; i++)
        {
            writer.WriteLine($"a = {Names.Vector128}.MultiplyAddEstimate({Names.Vector128}.Create({Names.Vector128}.GetElement(h, {i})), recurrent{i}, a);");
        }

        writer.WriteLine($"// {Names.CellFormula(spec.HiddenActivation)}");
        writer.WriteLine($"h = {Names.ApplyVector(spec.HiddenActivation, "a")};");
    }

    /// <summary>The Dense layer on h, written to <paramref name="target"/>[index(d)].</summary>
    private static void WriteDense(SourceWriter writer, ModelSpec spec, string target, System.Func<int, string> index)
    {
        writer.WriteLine($"// {Names.DenseFormula(spec.DenseActivation, "y", "h")}");
        if (spec.DenseUnits == 1)
        {
            string z = $"denseBias + {Names.Vector128}.Dot(h, denseColumn)";
            string value = spec.DenseActivation == Activation.Linear
                ? z
                : $"{Names.Vector128}.ToScalar({Names.ApplyVector(spec.DenseActivation, $"{Names.Vector128}.CreateScalarUnsafe({z})")})";
            writer.WriteLine($"{target}[{index(0)}] = {value};");
            return;
        }

        using (writer.Block())
        {
            writer.WriteLine($"{V} z = denseBias;");
            for (int i = 0; i < spec.HiddenUnits; i++)
            {
                writer.WriteLine($"z = {Names.Vector128}.MultiplyAddEstimate({Names.Vector128}.Create({Names.Vector128}.GetElement(h, {i})), dense{i}, z);");
            }

            writer.WriteLine($"z = {Names.ApplyVector(spec.DenseActivation, "z")};");
            for (int d = 0; d < spec.DenseUnits; d++)
            {
                writer.WriteLine($"{target}[{index(d)}] = {Names.Vector128}.GetElement(z, {d});");
            }
        }
    }

    private static string ParameterRow(int offset, int length) => Row(length, k => $"p[{offset + k}]");

    /// <summary><c>Vector128.Create(e0, e1, e2, 0f)</c>: a row padded with zeros to four lanes.</summary>
    private static string Row(int length, System.Func<int, string> element)
    {
        var row = new StringBuilder($"{Names.Vector128}.Create(");
        for (int k = 0; k < EmissionStrategies.RegisterLanes; k++)
        {
            row.Append(k == 0 ? "" : ", ").Append(k < length ? element(k) : "0f");
        }

        return row.Append(')').ToString();
    }
}
