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
        if (c.Layer.InputSteps(c.T) == 1)
        {
            writer.WriteLine($"// {Formula(c.Layer)}");
            WriteAffine(writer, c, c.Input.At("0"), "0", c.Preactivations);
            return;
        }

        writer.WriteLine($"// {Formula(c.Layer)}, at every step of the sequence");
        using (writer.Block($"for (int t = 0; t < {c.Layer.InputSteps(c.T)}; t++)"))
        {
            WriteAffine(writer, c, c.Input.At("t"), "t", c.Preactivations);
        }
    }

    public Place Step(SourceWriter writer, LayerContext c, Place x)
    {
        writer.WriteLine($"// {Formula(c.Layer)}");
        return WriteAffine(writer, c, x, "0", preactivations: null);
    }

    public void Backward(SourceWriter writer, LayerContext c)
    {
        IGradientBackend ops = c.Gradients;
        int steps = c.Layer.InputSteps(c.T);
        if (ops is ISequenceBackend sequence)
        {
            WriteSummedBackward(writer, c, sequence, steps);
            return;
        }

        writer.WriteLine("// The weight gradients, summed in locals.");
        string kernelGradient = ops.BeginGradient(writer, c.Layer.Kernel);
        string? biasGradient = c.Bias is null ? null : ops.BeginGradient(writer, c.Bias);
        if (steps == 1)
        {
            WriteStepBackward(writer, c, "0", kernelGradient, biasGradient);
        }
        else
        {
            using (writer.Block($"for (int t = 0; t < {steps}; t++)"))
            {
                WriteStepBackward(writer, c, "t", kernelGradient, biasGradient);
            }
        }

        ops.EndGradient(writer, c.Layer.Kernel, kernelGradient);
        if (c.Bias is not null)
        {
            ops.EndGradient(writer, c.Bias, biasGradient!);
        }
    }

    /// <summary>
    /// The layer on one step, from <paramref name="x"/> to its outputs at <paramref name="step"/>,
    /// keeping the pre-activation z in <paramref name="preactivations"/> when set.
    /// </summary>
    private static Place WriteAffine(SourceWriter writer, LayerContext c, Place x, string step, Steps? preactivations)
    {
        IVectorBackend ops = c.Ops;
        Place at = c.Of(BufferRole.Outputs).At(step);
        Vec y = ops.Affine(writer, "y", c.Bias, at);
        ops.AddProduct(writer, ops.Read(writer, "x", x), c.Layer.Kernel, y);
        if (preactivations is not null)
        {
            writer.WriteLine("// z is kept for BPTT: the activation's derivative is no function of y.");
            ops.Store(writer, y, preactivations.At(step));
        }

        ops.Activate(writer, c.Layer.Activation, y);
        ops.Store(writer, y, at);
        return at;
    }

    /// <summary>One step's backward pass, written out: dz, the weight gradients and dx.</summary>
    private static void WriteStepBackward(SourceWriter writer, LayerContext c, string step, string kernelGradient, string? biasGradient)
    {
        IGradientBackend ops = c.Gradients;
        Vec dz = ops.Load(writer, "dz", c.Of(BufferRole.OutputGradients).At(step));
        if (c.Layer.Activation != Activation.Linear)
        {
            writer.WriteLine($"// dz = dy ⊙ {LayerWeights.ActivationName(c.Layer.Activation)}'(z), written in terms of " + (c.Layer.KeepsPreactivations ? "z, which Forward kept" : "y"));
            Vec from = c.Layer.KeepsPreactivations
                ? ops.Read(writer, "z", c.Preactivations!.At(step))
                : ops.Read(writer, "y", c.Of(BufferRole.Outputs).At(step));
            ops.MultiplyByDerivative(writer, c.Layer.Activation, from, dz);
        }

        writer.WriteLine("// dkernel += xᵀ·dz" + (c.Bias is null ? "" : "; dbias += dz"));
        ops.AddOuterProduct(writer, ops.Read(writer, "x", c.Input.At(step)), dz, c.Layer.Kernel, kernelGradient);
        if (c.Bias is not null)
        {
            ops.AddOuterProduct(writer, null, dz, c.Bias, biasGradient!);
        }

        if (c.HasInputGradient)
        {
            writer.WriteLine("// dx = dz·kernelᵀ, for the layer below");
            c.WriteInputGradient(writer, dz, c.InputGradient.At(step));
        }
    }

    /// <summary>The backward pass over every step at once: one call per product.</summary>
    private static void WriteSummedBackward(SourceWriter writer, LayerContext c, ISequenceBackend ops, int steps)
    {
        Steps dz = c.Of(BufferRole.OutputGradients);
        Vec all = ops.Read(writer, "dz", new Place(dz.Span, "0", steps * c.U));
        if (c.Layer.Activation != Activation.Linear)
        {
            writer.WriteLine($"// dz = dy ⊙ {LayerWeights.ActivationName(c.Layer.Activation)}'(z), written in terms of " + (c.Layer.KeepsPreactivations ? "z, which Forward kept" : "y"));
            Vec from = c.Layer.KeepsPreactivations
                ? ops.Read(writer, "z", new Place(c.Buffer(BufferRole.Preactivations), "0", steps * c.U))
                : ops.Read(writer, "y", new Place(c.Buffer(BufferRole.Outputs), "0", steps * c.U));
            ops.MultiplyByDerivative(writer, c.Layer.Activation, from, all);
        }

        writer.WriteLine("// dkernel += xᵀ·dz" + (c.Bias is null ? "" : "; dbias += Σ dz") + (steps > 1 ? ", summed over the steps" : ""));
        string kernelGradient = ops.BeginGradient(writer, c.Layer.Kernel);
        if (steps == 1)
        {
            ops.AddOuterProduct(writer, ops.Read(writer, "x", c.Input.At("0")), all, c.Layer.Kernel, kernelGradient);
        }
        else
        {
            ops.AddTransposedProduct(writer, c.WholeInput, all.Name, c.Layer.Kernel, kernelGradient, steps);
        }

        if (c.Bias is not null)
        {
            ops.AddTransposedProduct(writer, null, all.Name, c.Bias, ops.BeginGradient(writer, c.Bias), steps);
        }

        if (!c.HasInputGradient)
        {
            return;
        }

        writer.WriteLine("// dx = dz·kernelᵀ, for the layer below");
        if (steps == 1)
        {
            c.WriteInputGradient(writer, all, c.InputGradient.At("0"));
            return;
        }

        using (writer.Block($"for (int t = 0; t < {steps}; t++)"))
        {
            c.WriteInputGradient(writer, ops.Read(writer, "dzT", dz.At("t")), c.InputGradient.At("t"));
        }
    }
}
