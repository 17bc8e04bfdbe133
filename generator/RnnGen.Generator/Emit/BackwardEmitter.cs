using System;
using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emit;

/// <summary>
/// <c>Backward</c>: the forward pass, the mean squared error, then backpropagation through time,
/// adding every gradient into <c>Gradients</c>.
/// </summary>
/// <remarks>
/// The maths, per step from t = T down to 1 (⊙ is element-wise):
/// dz = 2 (y - target) / OutputLength ⊙ act_d'(y); dDenseKernel += h_tᵀ·dz; dDenseBias += dz; dh += dz·DenseKernelᵀ
/// (at t = T only, or at every t with return_sequences);
/// da = dh ⊙ act_h'(h_t); dBias += da; dKernel += x_tᵀ·da; dRecurrentKernel += h_{t-1}ᵀ·da; dh = da·RecurrentKernelᵀ.
/// </remarks>
internal static class BackwardEmitter
{
    public static void Emit(SourceWriter writer, ModelSpec spec, EmissionStrategy strategy)
    {
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// Forward pass, then backpropagation through time. Returns this sample's loss, the mean squared error");
        writer.WriteLine("/// over the OutputLength outputs, and ADDS d loss / d Parameters into Gradients.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine("/// <param name=\"input\">InputLength floats, [t * Features + f].</param>");
        writer.WriteLine("/// <param name=\"target\">OutputLength floats.</param>");
        writer.WriteLine("/// <exception cref=\"global::System.ArgumentException\">A span's length is not the one above.</exception>");
        using (writer.Block($"public float Backward({Names.ReadOnlySpan} input, {Names.ReadOnlySpan} target)"))
        {
            writer.WriteLine($"{Names.Guard}.Length(input.Length, InputLength, \"{ForwardEmitter.InputMeaning(spec)}\", nameof(input));");
            writer.WriteLine($"{Names.Guard}.Length(target.Length, OutputLength, \"{ForwardEmitter.OutputMeaning(spec)}\", nameof(target));");
            writer.WriteLine("Forward(input);");
            WriteUnrolled(writer, spec);
        }
    }

    private static void WriteUnrolled(SourceWriter writer, ModelSpec spec)
    {
        int h = spec.HiddenUnits;
        Unrolled.WriteWeightLocals(writer, spec, Unrolled.Weights.RecurrentKernel | Unrolled.Weights.DenseKernel);
        writer.WriteLine($"{Names.ReadOnlySpan} hs = _hiddenStates;");
        writer.WriteLine($"{Names.ReadOnlySpan} y = _outputs;");
        writer.WriteLine("// Gradients accumulate in locals and are added to Gradients once, at the end.");
        WriteAccumulators(writer, "gk", spec.Features, h);
        WriteAccumulators(writer, "gr", h, h);
        writer.WriteLine(Unrolled.Declare("gb", h, _ => "0f"));
        WriteAccumulators(writer, "gw", h, spec.DenseUnits);
        writer.WriteLine(Unrolled.Declare("gc", spec.DenseUnits, _ => "0f"));
        writer.WriteLine("// d mean((y - target)²) / dy = 2 (y - target) / OutputLength");
        writer.WriteLine("const float OutputScale = 2f / OutputLength;");
        writer.WriteLine("float loss = 0f;");
        writer.WriteLine(Unrolled.Declare("dh", h, _ => "0f"));

        if (!spec.ReturnSequences)
        {
            writer.WriteLine("// h_T, the input of the Dense layer");
            writer.WriteLine(Unrolled.Declare("hT", h, j => $"hs[TimeSteps * HiddenUnits + {j}]"));
            WriteUnrolledDenseBackward(writer, spec, "hT", d => d.ToString());
        }

        using (writer.Block("for (int t = TimeSteps; t >= 1; t--)"))
        {
            writer.WriteLine(Unrolled.Declare("h", h, j => $"hs[t * HiddenUnits + {j}]"));
            if (spec.ReturnSequences)
            {
                WriteUnrolledDenseBackward(writer, spec, "h", d => spec.DenseUnits == 1 ? "t - 1" : $"(t - 1) * DenseUnits + {d}");
            }

            string? derivative = Names.DerivativeFromOutput(spec.HiddenActivation, "h{0}");
            writer.WriteLine($"// da = dh ⊙ {Names.Keras(spec.HiddenActivation)}'(a_t), written in terms of h_t");
            writer.WriteLine(Unrolled.Declare("da", h, j => derivative is null ? $"dh{j}" : $"dh{j} * " + string.Format(derivative, j)));
            for (int j = 0; j < h; j++)
            {
                writer.WriteLine($"gb{j} += da{j};");
            }

            writer.WriteLine("// dKernel += x_tᵀ·da");
            writer.WriteLine(Unrolled.Declare("x", spec.Features, f => spec.Features == 1 ? "input[t - 1]" : $"input[(t - 1) * Features + {f}]"));
            WriteOuterProduct(writer, "gk", spec.Features, h, "x", "da");
            writer.WriteLine("// dRecurrentKernel += h_{t-1}ᵀ·da");
            writer.WriteLine(Unrolled.Declare("hp", h, j => $"hs[(t - 1) * HiddenUnits + {j}]"));
            WriteOuterProduct(writer, "gr", h, h, "hp", "da");
            writer.WriteLine("// dh_{t-1} = da·RecurrentKernelᵀ");
            for (int i = 0; i < h; i++)
            {
                writer.WriteLine($"dh{i} = {Unrolled.Sum(h, j => $"{Unrolled.R(i, j)} * da{j}")};");
            }
        }

        writer.WriteLine($"{Names.Span} g = _gradients;");
        writer.WriteLine("_ = g[ParameterCount - 1];");
        WriteAddAccumulators(writer, spec.Features, h, spec.KernelOffset, (r, c) => $"gk{r}_{c}");
        WriteAddAccumulators(writer, h, h, spec.RecurrentKernelOffset, (r, c) => $"gr{r}_{c}");
        WriteAddAccumulators(writer, 1, h, spec.BiasOffset, (_, c) => $"gb{c}");
        WriteAddAccumulators(writer, h, spec.DenseUnits, spec.DenseKernelOffset, (r, c) => $"gw{r}_{c}");
        WriteAddAccumulators(writer, 1, spec.DenseUnits, spec.DenseBiasOffset, (_, c) => $"gc{c}");
        writer.WriteLine("return loss / OutputLength;");
    }

    /// <summary>
    /// The Dense layer's backward step at the output whose index is <paramref name="outputIndex"/>(d),
    /// with h_t in locals <c>{hidden}{i}</c>: adds to the loss, the Dense gradients and dh.
    /// </summary>
    private static void WriteUnrolledDenseBackward(SourceWriter writer, ModelSpec spec, string hidden, Func<int, string> outputIndex)
    {
        string? derivative = Names.DerivativeFromOutput(spec.DenseActivation, "y[{0}]");
        writer.WriteLine($"// dz = 2 (y - target) / OutputLength ⊙ {Names.Keras(spec.DenseActivation)}'(z)");
        for (int d = 0; d < spec.DenseUnits; d++)
        {
            string index = outputIndex(d);
            writer.WriteLine($"float e{d} = y[{index}] - target[{index}];");
            writer.WriteLine($"loss += e{d} * e{d};");
            writer.WriteLine($"float dz{d} = OutputScale * e{d}" + (derivative is null ? ";" : " * " + string.Format(derivative, index) + ";"));
        }

        writer.WriteLine("// dDenseKernel += h_tᵀ·dz; dDenseBias += dz; dh += dz·DenseKernelᵀ");
        WriteOuterProduct(writer, "gw", spec.HiddenUnits, spec.DenseUnits, hidden, "dz");
        for (int d = 0; d < spec.DenseUnits; d++)
        {
            writer.WriteLine($"gc{d} += dz{d};");
        }

        for (int i = 0; i < spec.HiddenUnits; i++)
        {
            writer.WriteLine($"dh{i} += {Unrolled.Sum(spec.DenseUnits, d => $"{Unrolled.W(i, d)} * dz{d}")};");
        }
    }

    private static void WriteAccumulators(SourceWriter writer, string prefix, int rows, int columns)
    {
        for (int r = 0; r < rows; r++)
        {
            writer.WriteLine(Unrolled.Declare($"{prefix}{r}_", columns, _ => "0f"));
        }
    }

    /// <summary><c>{prefix}{r}_{c} += {left}{r} * {right}{c};</c> for every r, c.</summary>
    private static void WriteOuterProduct(SourceWriter writer, string prefix, int rows, int columns, string left, string right)
    {
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                writer.WriteLine($"{prefix}{r}_{c} += {left}{r} * {right}{c};");
            }
        }
    }

    private static void WriteAddAccumulators(SourceWriter writer, int rows, int columns, int offset, Func<int, int, string> name)
    {
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                writer.WriteLine($"g[{offset + r * columns + c}] += {name(r, c)};");
            }
        }
    }
}
