using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emit.Stack;

/// <summary>
/// Keras SimpleRNN: <c>h_t = act(x_t·kernel + h_{t-1}·recurrent_kernel + bias)</c>, and its BPTT:
/// <c>da_t = dh_t ⊙ act'(h_t)</c>, <c>dh_{t-1} = da_t·recurrent_kernelᵀ</c>, the weight gradients
/// summed over the steps.
/// </summary>
internal sealed class SimpleRnnLayer : ILayerEmitter
{
    public static readonly SimpleRnnLayer Instance = new();

    private SimpleRnnLayer()
    {
    }

    public string Formula(LayerSpec layer)
    {
        string sum = "x_t·kernel + h_{t-1}·recurrent_kernel" + (layer.UseBias ? " + bias" : "");
        return layer.Activation == Activation.Linear
            ? $"h_t = {sum}"
            : $"h_t = {LayerWeights.ActivationName(layer.Activation)}({sum})";
    }

    public void Forward(SourceWriter writer, LayerContext c)
    {
        IVectorBackend ops = c.Ops;
        LayerSpec layer = c.Layer;
        Steps states = c.Of(BufferRole.States);
        Vec h;
        if (c.Spec.Stateful)
        {
            writer.WriteLine("// h_0 = this layer's part of State (stateful), kept for BPTT.");
            h = ops.Load(writer, "h", c.State);
            ops.Store(writer, h, states.At("0"));
        }
        else
        {
            writer.WriteLine("// h_0 = 0 (its slot is never written, so it stays zero for BPTT).");
            h = ops.Zero(writer, "h", states.At("0"));
        }

        string goesBackwards = layer.GoBackwards ? ", over the steps last to first (go_backwards)" : "";
        bool keep = c.KeepsStates || layer.ReturnSequences;
        Steps? preactivations = c.Preactivations;
        if (ops is IProjectingBackend)
        {
            writer.WriteLine("// x_t·kernel" + (layer.UseBias ? " + bias" : "") + " does not depend on h: every step's first, off the recurrence's critical path.");
            using (writer.Block($"for (int t = 0; t < {c.T}; t++)"))
            {
                Place at = states.At("t + 1");
                Vec a = ops.Affine(writer, "a", c.Bias, at);
                ops.AddProduct(writer, ops.Read(writer, "x", c.Input.At(InputStep(c))), layer.Kernel, a);
                ops.Store(writer, a, at);
            }

            writer.WriteLine($"// {Formula(layer)}{goesBackwards}");
            using (writer.Block($"for (int t = 0; t < {c.T}; t++)"))
            {
                // h_{t-1} is read from its slot, not carried in a local: a fresh constant-length slice the JIT folds.
                Place at = states.At("t + 1");
                Vec a = ops.Load(writer, "a", at);
                ops.AddProduct(writer, ops.Read(writer, "h", states.At("t")), layer.RecurrentKernel!, a);
                KeepPreactivation(writer, ops, a, preactivations);
                ops.Activate(writer, layer.Activation, a);
                ops.Store(writer, a, at);
            }

            h = ops.Read(writer, "h", states.At($"{c.T}"));
        }
        else
        {
            writer.WriteLine($"// {Formula(layer)}{goesBackwards}");
            using (writer.Block($"for (int t = 0; t < {c.T}; t++)"))
            {
                Place at = states.At("t + 1");
                Vec a = ops.Affine(writer, "a", c.Bias, at);
                ops.AddProduct(writer, ops.Read(writer, "x", c.Input.At(InputStep(c))), layer.Kernel, a);
                ops.AddProduct(writer, h, layer.RecurrentKernel!, a);
                KeepPreactivation(writer, ops, a, preactivations);
                ops.Activate(writer, layer.Activation, a);
                if (keep)
                {
                    ops.Store(writer, a, at);
                }

                h = ops.Assign(writer, h, a);
            }
        }

        if (!keep)
        {
            writer.WriteLine("// Only h_T is output.");
            ops.Store(writer, h, states.At($"{c.T}"));
        }

        if (c.Spec.Stateful)
        {
            writer.WriteLine("// Stateful: leave h_T in State for the next call.");
            ops.Store(writer, h, c.State);
        }
    }

    public Place Step(SourceWriter writer, LayerContext c, Place x)
    {
        IVectorBackend ops = c.Ops;
        writer.WriteLine($"// {Formula(c.Layer)}, with h_{{t-1}} = State" + (ops is IProjectingBackend ? ", computed in the h_1 slot of the forward buffer (Forward rewrites it)" : ""));
        Vec h = ops.Read(writer, "h", c.State);
        Vec next = ops.Affine(writer, "next", c.Bias, c.Of(BufferRole.States).At("1"));
        ops.AddProduct(writer, ops.Read(writer, "x", x), c.Layer.Kernel, next);
        ops.AddProduct(writer, h, c.Layer.RecurrentKernel!, next);
        ops.Activate(writer, c.Layer.Activation, next);
        ops.Store(writer, next, c.State);
        return c.State;
    }

    public void Backward(SourceWriter writer, LayerContext c)
    {
        IGradientBackend ops = c.Gradients;
        LayerSpec layer = c.Layer;
        WeightSpec kernel = layer.Kernel, recurrent = layer.RecurrentKernel!;
        Steps states = c.Of(BufferRole.States);
        Steps outputGradients = c.Of(BufferRole.OutputGradients);
        Steps da = c.Of(BufferRole.PreactivationGradients);
        Place dhHome = c.Of(BufferRole.StateGradient).At("0");
        var sequence = ops as ISequenceBackend;

        Vec dh = BeginStateGradient(writer, c, dhHome);
        (string? kernelGradient, string? recurrentGradient, string? biasGradient) = BeginStepGradients(writer, c, sequence is null);
        using (writer.Block($"for (int t = {c.T}; t >= 1; t--)"))
        {
            if (layer.ReturnSequences)
            {
                writer.WriteLine("// h_t is also output t: its gradient joins what step t + 1 sent back.");
                ops.Add(writer, ops.Read(writer, "dy", outputGradients.At("t - 1")), dh);
            }

            writer.WriteLine($"// da_t = dh_t ⊙ {LayerWeights.ActivationName(layer.Activation)}'(a_t), written in terms of " + (layer.KeepsPreactivations ? "a_t, which Forward kept" : "h_t"));
            Vec daT = ops.Copy(writer, "daT", dh, da.At("t - 1"));
            if (layer.Activation != Activation.Linear)
            {
                Vec from = layer.KeepsPreactivations
                    ? ops.Read(writer, "a", c.Preactivations!.At("t - 1"))
                    : ops.Read(writer, "h", states.At("t"));
                ops.MultiplyByDerivative(writer, layer.Activation, from, daT);
            }

            if (sequence is null)
            {
                string row = layer.GoBackwards ? $"{c.T} - t" : "t - 1";
                writer.WriteLine("// dkernel += x_tᵀ·da_t; drecurrent_kernel += h_{t-1}ᵀ·da_t" + (c.Bias is null ? "" : "; dbias += da_t"));
                ops.AddOuterProduct(writer, ops.Read(writer, "x", c.Input.At(row)), daT, kernel, kernelGradient!);
                ops.AddOuterProduct(writer, ops.Read(writer, "hp", states.At("t - 1")), daT, recurrent, recurrentGradient!);
                if (c.Bias is not null)
                {
                    ops.AddOuterProduct(writer, null, daT, c.Bias, biasGradient!);
                }

                if (c.HasInputGradient)
                {
                    writer.WriteLine("// d loss / d x_t = da_t·kernelᵀ, for the layer below");
                    c.WriteInputGradient(writer, daT, c.InputGradient.At(row));
                }
            }

            writer.WriteLine("// dh_{t-1} = da_t·recurrent_kernelᵀ");
            ops.MultiplyByTransposed(writer, recurrent, daT, dh);
        }

        if (sequence is null)
        {
            EndStepGradients(writer, c, kernelGradient!, recurrentGradient!, biasGradient);
            return;
        }

        WriteSummedGradients(writer, c, sequence, da);
    }

    /// <summary>dh_T: d loss / d output when only h_T is output, else zero (each step adds its output's gradient).</summary>
    internal static Vec BeginStateGradient(SourceWriter writer, LayerContext c, Place home)
    {
        IGradientBackend ops = c.Gradients;
        if (c.Layer.ReturnSequences)
        {
            return ops.Zero(writer, "dh", home);
        }

        writer.WriteLine("// Only h_T is output: dh_T = d loss / d output.");
        return ops.Copy(writer, "dh", ops.Read(writer, "dy", c.Of(BufferRole.OutputGradients).At("0")), home);
    }

    /// <summary>
    /// The accumulators of the weight gradients when <paramref name="stepByStep"/> (written-out backends);
    /// else none: a sequence backend sums them after the recurrence.
    /// </summary>
    internal static (string? Kernel, string? Recurrent, string? Bias) BeginStepGradients(SourceWriter writer, LayerContext c, bool stepByStep)
    {
        if (!stepByStep)
        {
            writer.WriteLine("// Only the recurrence runs step by step; every weight gradient is summed over the steps afterwards.");
            return (null, null, null);
        }

        IGradientBackend ops = c.Gradients;
        writer.WriteLine("// The weight gradients, summed step by step in locals.");
        return (ops.BeginGradient(writer, c.Layer.Kernel), ops.BeginGradient(writer, c.Layer.RecurrentKernel!), c.Bias is null ? null : ops.BeginGradient(writer, c.Bias));
    }

    /// <summary>Adds what <see cref="BeginStepGradients"/>' accumulators summed into Gradients.</summary>
    internal static void EndStepGradients(SourceWriter writer, LayerContext c, string kernel, string recurrent, string? bias)
    {
        IGradientBackend ops = c.Gradients;
        ops.EndGradient(writer, c.Layer.Kernel, kernel);
        ops.EndGradient(writer, c.Layer.RecurrentKernel!, recurrent);
        if (c.Bias is not null)
        {
            ops.EndGradient(writer, c.Bias, bias!);
        }
    }

    /// <summary>
    /// The weight gradients and the input gradient, over the whole sequence after the recurrence, from
    /// <paramref name="da"/> (the kernel's width per step: a gated layer's blocks side by side).
    /// </summary>
    internal static void WriteSummedGradients(SourceWriter writer, LayerContext c, ISequenceBackend ops, Steps da)
    {
        LayerSpec layer = c.Layer;
        string allDa = da.First(c.T);
        writer.WriteLine("// dkernel += Xᵀ·DA; drecurrent_kernel += [h_0 .. h_{T-1}]ᵀ·DA" + (c.Bias is null ? "" : "; dbias += Σ_t da_t"));
        string kernelGradient = ops.BeginGradient(writer, layer.Kernel);
        if (layer.GoBackwards)
        {
            writer.WriteLine("// go_backwards: step t read input row T - 1 - t, so the kernel's gradient is summed row by row.");
            using (writer.Block($"for (int t = 0; t < {c.T}; t++)"))
            {
                ops.AddOuterProduct(writer, ops.Read(writer, "x", c.Input.At($"{c.T - 1} - t")), ops.Read(writer, "daT", da.At("t")), layer.Kernel, kernelGradient);
            }
        }
        else
        {
            ops.AddTransposedProduct(writer, c.WholeInput, allDa, layer.Kernel, kernelGradient, c.T);
        }

        string recurrentGradient = ops.BeginGradient(writer, layer.RecurrentKernel!);
        ops.AddTransposedProduct(writer, c.Of(BufferRole.States).First(c.T), allDa, layer.RecurrentKernel!, recurrentGradient, c.T);
        if (c.Bias is not null)
        {
            ops.AddTransposedProduct(writer, null, allDa, c.Bias, ops.BeginGradient(writer, c.Bias), c.T);
        }

        if (c.HasInputGradient)
        {
            writer.WriteLine("// d loss / d x_t = da_t·kernelᵀ, for the layer below");
            using (writer.Block($"for (int t = 0; t < {c.T}; t++)"))
            {
                c.WriteInputGradient(writer, ops.Read(writer, "daT", da.At("t")), c.InputGradient.At(InputStep(c)));
            }
        }
    }

    /// <summary>Step t's pre-activation, kept for BPTT where the layer's derivative needs it.</summary>
    private static void KeepPreactivation(SourceWriter writer, IVectorBackend ops, Vec a, Steps? preactivations)
    {
        if (preactivations is not null)
        {
            writer.WriteLine("// a_t is kept for BPTT: the activation's derivative is no function of h_t.");
            ops.Store(writer, a, preactivations.At("t"));
        }
    }

    /// <summary>The input row step t reads: t, or T - 1 - t going backwards.</summary>
    internal static string InputStep(LayerContext c) => c.Layer.GoBackwards ? $"{c.T - 1} - t" : "t";
}
