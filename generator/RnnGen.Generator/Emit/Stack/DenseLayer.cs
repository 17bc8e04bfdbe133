using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emit.Stack;

/// <summary>
/// Keras Dense: <c>y = act(x·kernel + bias)</c> on each step it is fed, and its backward pass:
/// <c>dz = dy ⊙ act'(y)</c>, <c>dkernel += xᵀ·dz</c>, <c>dbias += dz</c>, <c>dx = dz·kernelᵀ</c>.
/// </summary>
internal sealed class DenseLayer : ILayerEmitter
{
    public static readonly DenseLayer Instance = new();

    private DenseLayer()
    {
    }

    public string Formula(LayerSpec layer)
    {
        string sum = "x·kernel" + (layer.UseBias ? " + bias" : "");
        return layer.Activation == Activation.Linear
            ? $"y = {sum}"
            : $"y = {LayerWeights.ActivationName(layer.Activation)}({sum})";
    }

    public void Forward(SourceWriter writer, LayerContext c)
    {
        string outputs = c.Buffer(BufferRole.Outputs);
        int steps = c.Layer.InputSteps(c.T);
        if (steps == 1)
        {
            writer.WriteLine($"// {Formula(c.Layer)}");
            WriteAffine(writer, c, c.Input, outputs);
            return;
        }

        writer.WriteLine($"// {Formula(c.Layer)}, at every step of the sequence");
        using (writer.Block($"for (int t = 0; t < {steps}; t++)"))
        {
            writer.WriteLine($"Span<float> y = {outputs}.Slice(t * {c.U}, {c.U});");
            WriteAffine(writer, c, $"{c.Input}.Slice(t * {c.In}, {c.In})", "y");
        }
    }

    public string Step(SourceWriter writer, LayerContext c, string x)
    {
        string y = $"{c.Buffer(BufferRole.Outputs)}.Slice(0, {c.U})";
        writer.WriteLine($"// {Formula(c.Layer)}");
        WriteAffine(writer, c, x, y);
        return y;
    }

    public void Backward(SourceWriter writer, LayerContext c)
    {
        IVectorBackend ops = c.Ops;
        string outputs = c.Buffer(BufferRole.Outputs);
        string dz = c.Buffer(BufferRole.OutputGradients);
        int steps = c.Layer.InputSteps(c.T);
        if (c.Layer.Activation != Activation.Linear)
        {
            writer.WriteLine($"// dz = dy ⊙ {LayerWeights.ActivationName(c.Layer.Activation)}'(z), written in terms of y");
            ops.MultiplyByDerivative(writer, c.Layer.Activation, outputs, dz);
        }

        writer.WriteLine("// dkernel += xᵀ·dz" + (c.Layer.UseBias ? "; dbias += Σ dz" : "") + (steps > 1 ? ", summed over the steps" : ""));
        if (steps == 1)
        {
            ops.AddOuterProduct(writer, c.Input, dz, "kernelGradient");
        }
        else
        {
            ops.AddTransposedProduct(writer, c.Input, dz, "kernelGradient", steps, c.In, c.U);
        }

        if (c.Layer.UseBias)
        {
            ops.AddColumnSums(writer, dz, "biasGradient");
        }

        if (c.InputGradient is null)
        {
            return;
        }

        writer.WriteLine("// dx = dz·kernelᵀ, for the layer below");
        if (steps == 1)
        {
            ops.MultiplyByTransposed(writer, "kernel", dz, c.InputGradient);
            return;
        }

        using (writer.Block($"for (int t = 0; t < {steps}; t++)"))
        {
            ops.MultiplyByTransposed(writer, "kernel", $"{dz}.Slice(t * {c.U}, {c.U})", $"{c.InputGradient}.Slice(t * {c.In}, {c.In})");
        }
    }

    private static void WriteAffine(SourceWriter writer, LayerContext c, string x, string y)
    {
        c.Ops.Affine(writer, y, c.Bias);
        c.Ops.AddProduct(writer, x, "kernel", y);
        c.Ops.Activate(writer, c.Layer.Activation, y);
    }
}
