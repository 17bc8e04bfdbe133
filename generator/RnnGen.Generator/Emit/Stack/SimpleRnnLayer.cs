using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emit.Stack;

/// <summary>
/// Keras SimpleRNN: <c>h_t = act(x_t·kernel + h_{t-1}·recurrent_kernel + bias)</c>, and its BPTT:
/// <c>da_t = dh_t ⊙ act'(h_t)</c>, <c>dh_{t-1} = da_t·recurrent_kernelᵀ</c>, every weight gradient
/// summed over the steps once the recurrence is done.
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
        string states = c.Buffer(BufferRole.States);
        string initial = $"{states}.Slice(0, {c.U})";
        if (c.Spec.Stateful)
        {
            writer.WriteLine("// h_0 = this layer's part of State (stateful).");
            writer.WriteLine($"state.Slice({c.Layer.StateOffset}, {c.U}).CopyTo({initial});");
        }
        else
        {
            writer.WriteLine("// h_0 = 0.");
            writer.WriteLine($"{initial}.Clear();");
        }

        writer.WriteLine("// x_t·kernel" + (c.Layer.UseBias ? " + bias" : "") + " does not depend on h: every step's first, off the recurrence's critical path.");
        using (writer.Block($"for (int t = 0; t < {c.T}; t++)"))
        {
            writer.WriteLine($"Span<float> a = {states}.Slice((t + 1) * {c.U}, {c.U});");
            ops.Affine(writer, "a", c.Bias);
            ops.AddProduct(writer, $"{c.Input}.Slice({InputStep(c)} * {c.In}, {c.In})", "kernel", "a");
        }

        writer.WriteLine($"// {Formula(c.Layer)}" + (c.Layer.GoBackwards ? ", over the steps last to first (go_backwards)" : ""));
        using (writer.Block($"for (int t = 0; t < {c.T}; t++)"))
        {
            writer.WriteLine($"Span<float> h = {states}.Slice((t + 1) * {c.U}, {c.U});");
            ops.AddProduct(writer, $"{states}.Slice(t * {c.U}, {c.U})", "recurrentKernel", "h");
            ops.Activate(writer, c.Layer.Activation, "h");
        }

        if (c.Spec.Stateful)
        {
            writer.WriteLine("// Stateful: leave h_T in State for the next call.");
            writer.WriteLine($"{states}.Slice({c.T * c.U}, {c.U}).CopyTo(state.Slice({c.Layer.StateOffset}, {c.U}));");
        }
    }

    public string Step(SourceWriter writer, LayerContext c, string x)
    {
        IVectorBackend ops = c.Ops;
        string h = $"state.Slice({c.Layer.StateOffset}, {c.U})";
        writer.WriteLine($"// {Formula(c.Layer)}, computed in the h_1 slot of the forward buffer (Forward rewrites it), then stored in State.");
        writer.WriteLine($"Span<float> next = {c.Buffer(BufferRole.States)}.Slice({c.U}, {c.U});");
        ops.Affine(writer, "next", c.Bias);
        ops.AddProduct(writer, x, "kernel", "next");
        ops.AddProduct(writer, h, "recurrentKernel", "next");
        ops.Activate(writer, c.Layer.Activation, "next");
        writer.WriteLine($"next.CopyTo({h});");
        return h;
    }

    public void Backward(SourceWriter writer, LayerContext c)
    {
        IVectorBackend ops = c.Ops;
        string states = c.Buffer(BufferRole.States);
        string outputGradients = c.Buffer(BufferRole.OutputGradients);
        string da = c.Buffer(BufferRole.PreactivationGradients);
        string dh = c.Buffer(BufferRole.StateGradient);

        if (c.Layer.ReturnSequences)
        {
            writer.WriteLine($"{dh}.Clear();");
        }
        else
        {
            writer.WriteLine("// Only h_T is output: dh_T = d loss / d output.");
            writer.WriteLine($"{outputGradients}.CopyTo({dh});");
        }

        writer.WriteLine("// Only the recurrence runs step by step; every weight gradient is summed over the steps afterwards.");
        using (writer.Block($"for (int t = {c.T}; t >= 1; t--)"))
        {
            if (c.Layer.ReturnSequences)
            {
                writer.WriteLine("// h_t is also output t: its gradient joins what step t + 1 sent back.");
                ops.Add(writer, $"{outputGradients}.Slice((t - 1) * {c.U}, {c.U})", dh);
            }

            writer.WriteLine($"// da_t = dh_t ⊙ {LayerWeights.ActivationName(c.Layer.Activation)}'(a_t), written in terms of h_t");
            writer.WriteLine($"Span<float> daT = {da}.Slice((t - 1) * {c.U}, {c.U});");
            writer.WriteLine($"{dh}.CopyTo(daT);");
            ops.MultiplyByDerivative(writer, c.Layer.Activation, $"{states}.Slice(t * {c.U}, {c.U})", "daT");
            writer.WriteLine("// dh_{t-1} = da_t·recurrent_kernelᵀ");
            ops.MultiplyByTransposed(writer, "recurrentKernel", "daT", dh);
        }

        writer.WriteLine("// dkernel += Xᵀ·DA; drecurrent_kernel += [h_0 .. h_{T-1}]ᵀ·DA" + (c.Layer.UseBias ? "; dbias += Σ_t da_t" : ""));
        if (c.Layer.GoBackwards)
        {
            writer.WriteLine("// go_backwards: step t read input row T - 1 - t, so the kernel's gradient is summed row by row.");
            using (writer.Block($"for (int t = 0; t < {c.T}; t++)"))
            {
                ops.AddOuterProduct(writer, $"{c.Input}.Slice(({c.T - 1} - t) * {c.In}, {c.In})", $"{da}.Slice(t * {c.U}, {c.U})", "kernelGradient");
            }
        }
        else
        {
            ops.AddTransposedProduct(writer, c.Input, da, "kernelGradient", c.T, c.In, c.U);
        }

        ops.AddTransposedProduct(writer, $"{states}.Slice(0, {c.T * c.U})", da, "recurrentKernelGradient", c.T, c.U, c.U);
        if (c.Layer.UseBias)
        {
            ops.AddColumnSums(writer, da, "biasGradient");
        }

        if (c.InputGradient is not null)
        {
            writer.WriteLine("// d loss / d x_t = da_t·kernelᵀ, for the layer below");
            using (writer.Block($"for (int t = 0; t < {c.T}; t++)"))
            {
                string row = c.Layer.GoBackwards ? $"({c.T - 1} - t)" : "t";
                ops.MultiplyByTransposed(writer, "kernel", $"{da}.Slice(t * {c.U}, {c.U})", $"{c.InputGradient}.Slice({row} * {c.In}, {c.In})");
            }
        }
    }

    private static string InputStep(LayerContext c) => c.Layer.GoBackwards ? $"({c.T - 1} - t)" : "t";
}
