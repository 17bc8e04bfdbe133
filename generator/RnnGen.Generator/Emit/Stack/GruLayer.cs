using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emit.Stack;

/// <summary>
/// Keras GRU, blocks z, r, h of <c>x_t·kernel + b_in</c>: <c>z, r = ra(· + h_{t-1}·recurrent_kernel (+ b_rec))</c>,
/// <c>hh = act(x_t·kernel_h + b_h + r ⊙ (h_{t-1}·recurrent_kernel_h + b_rec_h))</c> with reset_after (Keras 3,
/// PyTorch; bias <c>[2, 3U]</c>: input row, recurrent row), else <c>act(x_t·kernel_h + b_h + (r ⊙ h_{t-1})·recurrent_kernel_h)</c>
/// (Keras 2; bias <c>[3U]</c>); <c>h_t = z ⊙ h_{t-1} + (1 − z) ⊙ hh</c>.
/// BPTT: <c>dz_z = dh ⊙ (h_{t-1} − hh) ⊙ ra'(z)</c>, <c>dz_h = dh ⊙ (1 − z) ⊙ act'(hh)</c>, and r's gradient through
/// what it multiplies: the candidate's recurrent projection (reset_after), or <c>dz_h·recurrent_kernel_hᵀ ⊙ h_{t-1}</c>.
/// </summary>
internal sealed class GruLayer : ILayerEmitter
{
    public static readonly GruLayer Instance = new();

    private const int Blocks = 3;
    private const int Z = 0, R = 1, H = 2;

    private GruLayer()
    {
    }

    public string Formula(LayerSpec layer)
    {
        string ra = LayerWeights.ActivationName(layer.RecurrentActivation), act = LayerWeights.ActivationName(layer.Activation);
        string inputBias = layer.UseBias ? " + b_in" : "";
        string candidate = layer.ResetAfter
            ? $"hh = {act}(x_t·kernel_h{inputBias}_h + r ⊙ (h_{{t-1}}·recurrent_kernel_h{(layer.UseBias ? " + b_rec_h" : "")}))"
            : $"hh = {act}(x_t·kernel_h{(layer.UseBias ? " + bias_h" : "")} + (r ⊙ h_{{t-1}})·recurrent_kernel_h)";
        string gates = layer.ResetAfter
            ? $"[z, r] = {ra}(x_t·kernel{inputBias} + h_{{t-1}}·recurrent_kernel{(layer.UseBias ? " + b_rec" : "")})"
            : $"[z, r] = {ra}(x_t·kernel + h_{{t-1}}·recurrent_kernel{(layer.UseBias ? " + bias" : "")})";
        return $"{gates}; {candidate}; h_t = z ⊙ h_{{t-1}} + (1 − z) ⊙ hh";
    }

    public void Forward(SourceWriter writer, LayerContext c)
    {
        var ops = (IGateBackend)c.Ops;
        LayerSpec layer = c.Layer;
        Steps states = c.Of(BufferRole.States);
        Steps gates = c.Of(BufferRole.Gates, layer.Kernel.Columns);
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
        if (ops is IProjectingBackend)
        {
            writer.WriteLine("// x_t·kernel" + (layer.UseBias ? " + the input bias" : "") + " does not depend on h: every step's first, off the recurrence's critical path.");
            using (writer.Block($"for (int t = 0; t < {c.T}; t++)"))
            {
                GatedVec xw = ops.GateAffine(writer, "z", Blocks, c.Bias, 0, gates.At("t"));
                ops.AddGateProducts(writer, ops.Read(writer, "x", c.Input.At(SimpleRnnLayer.InputStep(c))), layer.Kernel, xw);
            }

            writer.WriteLine($"// {Formula(layer)}{goesBackwards}; the gates overwrite their z in place.");
            using (writer.Block($"for (int t = 0; t < {c.T}; t++)"))
            {
                GatedVec z = ops.LoadGates(writer, "z", Blocks, gates.At("t"));
                Vec previous = ops.Read(writer, "h", states.At("t"));
                // Separate calls, not Step's one (GateKernels): over a whole sequence the one call measured slower (GRU(8) Predict 6.1 against 4.8 us).
                Recur(writer, c, z, previous, "t", keep: true);
                Vec next = ops.Copy(writer, "hT", z.Blocks[H], states.At("t + 1"));
                ops.Interpolate(writer, z.Blocks[Z], previous, next);
            }

            h = ops.Read(writer, "h", states.At($"{c.T}"));
        }
        else
        {
            bool keep = c.KeepsStates || layer.ReturnSequences;
            writer.WriteLine($"// {Formula(layer)}{goesBackwards}");
            using (writer.Block($"for (int t = 0; t < {c.T}; t++)"))
            {
                GatedVec z = ops.GateAffine(writer, "z", Blocks, c.Bias, 0, gates.At("t"));
                ops.AddGateProducts(writer, ops.Read(writer, "x", c.Input.At(SimpleRnnLayer.InputStep(c))), layer.Kernel, z);
                Recur(writer, c, z, h, "t", keep: true);
                if (c.KeepsStates)
                {
                    writer.WriteLine("// z, r and hh are kept for BPTT.");
                    z.Store(writer, ops, gates.At("t"));
                }

                ops.Interpolate(writer, z.Blocks[Z], h, z.Blocks[H]);
                h = ops.Assign(writer, h, z.Blocks[H]);
                if (keep)
                {
                    ops.Store(writer, h, states.At("t + 1"));
                }
            }

            if (!keep)
            {
                writer.WriteLine("// Only h_T is output.");
                ops.Store(writer, h, states.At($"{c.T}"));
            }
        }

        if (c.Spec.Stateful)
        {
            writer.WriteLine("// Stateful: leave h_T in State for the next call.");
            ops.Store(writer, h, c.State);
        }
    }

    public Place Step(SourceWriter writer, LayerContext c, Place x)
    {
        var ops = (IGateBackend)c.Ops;
        LayerSpec layer = c.Layer;
        writer.WriteLine($"// {Formula(layer)}, with h_{{t-1}} = State" + (ops is IProjectingBackend ? "; z in the first step's slots of the forward buffers (Forward rewrites them)" : ""));
        Vec h = ops.Load(writer, "h", c.State);
        if (FusedCell(ops, layer) is { } whole && Backends.StepsInOneCall(layer))
        {
            whole.GruStep(writer, layer, ops.Read(writer, "x", x), h, c.Of(BufferRole.Gates, layer.Kernel.Columns).At("0"), c.Of(BufferRole.RecurrentProjections, layer.Kernel.Columns).At("0"));
            return c.State;
        }

        GatedVec z = ops.GateAffine(writer, "z", Blocks, c.Bias, 0, c.Of(BufferRole.Gates, layer.Kernel.Columns).At("0"));
        ops.AddGateProducts(writer, ops.Read(writer, "x", x), layer.Kernel, z);
        if (FusedCell(ops, layer) is { } fused)
        {
            fused.GruCell(writer, z, Project(writer, c, h, "0"), h, h);
            ops.Store(writer, h, c.State);
            return c.State;
        }

        Recur(writer, c, z, h, "0", keep: false);
        ops.Interpolate(writer, z.Blocks[Z], h, z.Blocks[H]);
        ops.Store(writer, z.Blocks[H], c.State);
        return c.State;
    }

    /// <summary>The backend's one-call step where it has one and the layer is reset_after with Keras' default activations, else null.</summary>
    private static IFusedCellBackend? FusedCell(IGateBackend ops, LayerSpec layer) =>
        ops is IFusedCellBackend fused && Backends.HasOneCallCell(layer) ? fused : null;

    /// <summary>reset_after's recurrent projection of step <paramref name="t"/>, <c>h_{t-1}·recurrent_kernel + b_rec</c>, kept for BPTT.</summary>
    private static GatedVec Project(SourceWriter writer, LayerContext c, Vec previous, string t)
    {
        var ops = (IGateBackend)c.Ops;
        GatedVec projection = ops.GateAffine(writer, "hu", Blocks, c.Bias, 1, c.Of(BufferRole.RecurrentProjections, c.Layer.Kernel.Columns).At(t));
        ops.AddGateProducts(writer, previous, c.Layer.RecurrentKernel!, projection);
        return projection;
    }

    /// <summary>
    /// From <c>z = x_t·kernel + b_in</c> to the activated gates z, r and candidate hh, in place: the
    /// recurrent products of step <paramref name="t"/> and the reset gate, as the layer's reset_after says.
    /// With <paramref name="keep"/> (Forward, not Step) what BPTT reads besides the gates is kept too.
    /// </summary>
    private static void Recur(SourceWriter writer, LayerContext c, GatedVec z, Vec previous, string t, bool keep)
    {
        var ops = (IGateBackend)c.Ops;
        LayerSpec layer = c.Layer;
        Place? kept = keep && c.Preactivations is { } preactivations ? preactivations.At(t) : null;
        Place scratch = c.Of(BufferRole.Scratch).At("0");
        if (layer.ResetAfter)
        {
            GatedVec projection = Project(writer, c, previous, t);
            z.Add(writer, ops, projection, Z, 2);

            ActivateGates(writer, ops, layer, z, kept);
            writer.WriteLine("// reset_after: r scales the candidate's recurrent projection, bias included.");
            ops.MultiplyAdd(writer, z.Blocks[R], projection.Blocks[H], z.Blocks[H]);
            if (keep && c.KeepsStates && ops is not IProjectingBackend)
            {
                ops.Store(writer, projection.Blocks[H], c.Of(BufferRole.RecurrentProjections, layer.Kernel.Columns).At(t).Block(H, c.U));
            }
        }
        else
        {
            ops.AddBlockProduct(writer, previous, layer.RecurrentKernel!, Z, z.Blocks[Z]);
            ops.AddBlockProduct(writer, previous, layer.RecurrentKernel!, R, z.Blocks[R]);
            ActivateGates(writer, ops, layer, z, kept);
            writer.WriteLine("// reset_after=False: r scales h_{t-1} before its product with the candidate's columns.");
            Vec reset = ops.Declare(writer, "rh", scratch);
            ops.Multiply(writer, z.Blocks[R], previous, reset);
            ops.AddBlockProduct(writer, reset, layer.RecurrentKernel!, H, z.Blocks[H]);
        }

        if (kept is not null)
        {
            ops.Store(writer, z.Blocks[H], kept.Block(H, c.U));
        }

        ops.Activate(writer, layer.Activation, z.Blocks[H]);
    }

    /// <summary>z, r = ra(z) in place, their pre-activations kept first where BPTT needs them (swish).</summary>
    private static void ActivateGates(SourceWriter writer, IGateBackend ops, LayerSpec layer, GatedVec z, Place? kept)
    {
        if (kept is not null)
        {
            writer.WriteLine("// The pre-activations are kept for BPTT: swish's derivative is no function of its output.");
            ops.Store(writer, z.Blocks[Z], kept.Block(Z, layer.Units));
            ops.Store(writer, z.Blocks[R], kept.Block(R, layer.Units));
        }

        z.Activate(writer, ops, layer.RecurrentActivation, Z, 2);
    }

    public void Backward(SourceWriter writer, LayerContext c)
    {
        var ops = (IGateGradientBackend)c.Gradients;
        LayerSpec layer = c.Layer;
        int u = c.U;
        WeightSpec kernel = layer.Kernel, recurrent = layer.RecurrentKernel!;
        Steps states = c.Of(BufferRole.States);
        Steps gates = c.Of(BufferRole.Gates, kernel.Columns);
        Steps outputGradients = c.Of(BufferRole.OutputGradients);
        Steps dz = c.Of(BufferRole.PreactivationGradients, kernel.Columns);
        Steps scratch = c.Of(BufferRole.Scratch);
        Place dhHome = c.Of(BufferRole.StateGradient).At("0");
        var sequence = ops as ISequenceBackend;

        Vec dh = SimpleRnnLayer.BeginStateGradient(writer, c, dhHome);
        (string? kernelGradient, string? recurrentGradient, string? biasGradient) = SimpleRnnLayer.BeginStepGradients(writer, c, sequence is null);
        string? summedRecurrentGradient = null;
        if (sequence is not null && !layer.ResetAfter)
        {
            writer.WriteLine("// reset_after=False: the candidate's columns of drecurrent_kernel take r ⊙ h_{t-1}, so it is summed step by step.");
            summedRecurrentGradient = ops.BeginGradient(writer, recurrent);
        }

        using (writer.Block($"for (int t = {c.T}; t >= 1; t--)"))
        {
            if (layer.ReturnSequences)
            {
                writer.WriteLine("// h_t is also output t: its gradient joins what step t + 1 sent back.");
                ops.Add(writer, ops.Read(writer, "dy", outputGradients.At("t - 1")), dh);
            }

            GatedVec gate = ops.LoadGates(writer, "gate", Blocks, gates.At("t - 1"));
            GatedVec? pre = c.Preactivations is { } kept ? ops.LoadGates(writer, "z", Blocks, kept.At("t - 1")) : null;
            Vec hp = ops.Read(writer, "hp", states.At("t - 1"));
            Place at = dz.At("t - 1");

            writer.WriteLine($"// dz_z = dh ⊙ (h_{{t-1}} − hh) ⊙ {Derivative(layer.RecurrentActivation, "z")}; dz_h = dh ⊙ (1 − z) ⊙ {Derivative(layer.Activation, "hh")}");
            Vec dzZ = ops.Declare(writer, "dzZ", at.Block(Z, u));
            ops.Subtract(writer, hp, gate.Blocks[H], dzZ);
            ops.Multiply(writer, dzZ, dh, dzZ);
            ops.MultiplyByDerivative(writer, layer.RecurrentActivation, gate.DerivativeInput(layer.RecurrentActivation, pre, Z), dzZ);
            Vec dzH = ops.Declare(writer, "dzH", at.Block(H, u));
            ops.MultiplyByComplement(writer, gate.Blocks[Z], dh, dzH);
            ops.MultiplyByDerivative(writer, layer.Activation, gate.DerivativeInput(layer.Activation, pre, H), dzH);

            writer.WriteLine("// dh_{t-1} starts with the direct path: dh ⊙ z.");
            ops.Multiply(writer, dh, gate.Blocks[Z], dh);
            Vec dzR = ops.Declare(writer, "dzR", at.Block(R, u));
            Vec candidateGradient;
            Vec recurrentLeft;
            if (layer.ResetAfter)
            {
                writer.WriteLine($"// dz_r = dz_h ⊙ (h_{{t-1}}·recurrent_kernel_h + b_rec_h) ⊙ {Derivative(layer.RecurrentActivation, "r")}; the recurrent projection's h block gets dz_h ⊙ r");
                ops.Multiply(writer, dzH, ops.Read(writer, "huH", c.Of(BufferRole.RecurrentProjections, kernel.Columns).At("t - 1").Block(H, u)), dzR);
                ops.MultiplyByDerivative(writer, layer.RecurrentActivation, gate.DerivativeInput(layer.RecurrentActivation, pre, R), dzR);
                Place projectionAt = sequence is null ? scratch.At("0") : c.Of(BufferRole.RecurrentGradients, kernel.Columns).At("t - 1").Block(H, u);
                candidateGradient = ops.Declare(writer, "duH", projectionAt);
                ops.Multiply(writer, dzH, gate.Blocks[R], candidateGradient);
                recurrentLeft = hp;
            }
            else
            {
                writer.WriteLine($"// d(r ⊙ h_{{t-1}}) = dz_h·recurrent_kernel_hᵀ: dz_r = it ⊙ h_{{t-1}} ⊙ {Derivative(layer.RecurrentActivation, "r")}, and dh_{{t-1}} += it ⊙ r");
                Vec resetGradient = ops.Zero(writer, "drh", scratch.At("0"));
                ops.AddBlockTransposedProduct(writer, recurrent, H, dzH, resetGradient);
                ops.Multiply(writer, resetGradient, hp, dzR);
                ops.MultiplyByDerivative(writer, layer.RecurrentActivation, gate.DerivativeInput(layer.RecurrentActivation, pre, R), dzR);
                ops.MultiplyAdd(writer, resetGradient, gate.Blocks[R], dh);
                candidateGradient = dzH;
                recurrentLeft = ops.Declare(writer, "rh", scratch.At("1"));
                ops.Multiply(writer, gate.Blocks[R], hp, recurrentLeft);
            }

            Vec[] inputSide = [dzZ, dzR, dzH];
            Vec[] recurrentSide = [dzZ, dzR, candidateGradient];
            if (sequence is null)
            {
                string row = layer.GoBackwards ? $"{c.T} - t" : "t - 1";
                writer.WriteLine("// dkernel += x_tᵀ·dz_t; drecurrent_kernel += h_{t-1}ᵀ·[dz_z, dz_r] and, for the candidate's columns, "
                    + (layer.ResetAfter ? "h_{t-1}ᵀ·(dz_h ⊙ r)" : "(r ⊙ h_{t-1})ᵀ·dz_h") + (c.Bias is null ? "" : "; the biases likewise"));
                Vec x = ops.Read(writer, "x", c.Input.At(row));
                for (int g = 0; g < Blocks; g++)
                {
                    ops.AddBlockOuterProduct(writer, x, inputSide[g], kernel, g, kernelGradient!);
                    ops.AddBlockOuterProduct(writer, g == H ? recurrentLeft : hp, recurrentSide[g], recurrent, g, recurrentGradient!);
                    if (c.Bias is not null)
                    {
                        ops.AddBlockOuterProduct(writer, null, inputSide[g], c.Bias, g, biasGradient!);
                        if (layer.ResetAfter)
                        {
                            ops.AddBlockOuterProduct(writer, null, recurrentSide[g], c.Bias, Blocks + g, biasGradient!);
                        }
                    }
                }

                if (c.HasInputGradient)
                {
                    writer.WriteLine("// d loss / d x_t = dz_t·kernelᵀ, for the layer below");
                    Place dxAt = c.InputGradient.At(row);
                    Vec dx = ops.Zero(writer, "dx", dxAt);
                    for (int g = 0; g < Blocks; g++)
                    {
                        ops.AddBlockTransposedProduct(writer, kernel, g, inputSide[g], dx);
                    }

                    ops.Store(writer, dx, dxAt);
                }

                writer.WriteLine("// dh_{t-1} += the recurrent side's gradient·recurrent_kernelᵀ");
                for (int g = 0; g < Blocks; g++)
                {
                    if (g != H || layer.ResetAfter)
                    {
                        ops.AddBlockTransposedProduct(writer, recurrent, g, recurrentSide[g], dh);
                    }
                }
            }
            else if (layer.ResetAfter)
            {
                writer.WriteLine("// The recurrent projection's gradient: [dz_z, dz_r, dz_h ⊙ r]; dh_{t-1} += it·recurrent_kernelᵀ");
                Place projectionGradient = c.Of(BufferRole.RecurrentGradients, kernel.Columns).At("t - 1");
                ops.Store(writer, dzZ, projectionGradient.Block(Z, u));
                ops.Store(writer, dzR, projectionGradient.Block(R, u));
                Vec back = ops.Declare(writer, "dhu", scratch.At("1"));
                ops.MultiplyByTransposed(writer, recurrent, ops.Read(writer, "duT", projectionGradient), back);
                ops.Add(writer, back, dh);
            }
            else
            {
                writer.WriteLine("// drecurrent_kernel += h_{t-1}ᵀ·[dz_z, dz_r], (r ⊙ h_{t-1})ᵀ·dz_h; dh_{t-1} += [dz_z, dz_r]·recurrent_kernel_[z, r]ᵀ");
                for (int g = 0; g < Blocks; g++)
                {
                    ops.AddBlockOuterProduct(writer, g == H ? recurrentLeft : hp, recurrentSide[g], recurrent, g, summedRecurrentGradient!);
                }

                ops.AddBlockTransposedProduct(writer, recurrent, Z, dzZ, dh);
                ops.AddBlockTransposedProduct(writer, recurrent, R, dzR, dh);
            }
        }

        if (sequence is null)
        {
            SimpleRnnLayer.EndStepGradients(writer, c, kernelGradient!, recurrentGradient!, biasGradient);
            return;
        }

        WriteSummedGradients(writer, c, sequence, dz);
    }

    /// <summary>
    /// A sequence backend's weight and input gradients after the recurrence: the kernel and input bias
    /// from dz of every step, reset_after's recurrent kernel and recurrent bias row from the recurrent
    /// projection's gradients (reset_after=False summed its recurrent kernel step by step).
    /// </summary>
    private static void WriteSummedGradients(SourceWriter writer, LayerContext c, ISequenceBackend ops, Steps dz)
    {
        LayerSpec layer = c.Layer;
        int width = layer.Kernel.Columns;
        writer.WriteLine("// dkernel += Xᵀ·DZ" + (c.Bias is null ? "" : "; dbias_in += Σ_t dz_t") + (layer.ResetAfter ? "; drecurrent_kernel += [h_0 .. h_{T-1}]ᵀ·DU" + (c.Bias is null ? "" : "; dbias_rec += Σ_t du_t") : ""));
        string kernelGradient = ops.BeginGradient(writer, layer.Kernel);
        if (layer.GoBackwards)
        {
            writer.WriteLine("// go_backwards: step t read input row T - 1 - t, so the kernel's gradient is summed row by row.");
            using (writer.Block($"for (int t = 0; t < {c.T}; t++)"))
            {
                ops.AddOuterProduct(writer, ops.Read(writer, "x", c.Input.At($"{c.T - 1} - t")), ops.Read(writer, "dzT", dz.At("t")), layer.Kernel, kernelGradient);
            }
        }
        else
        {
            ops.AddTransposedProduct(writer, c.WholeInput, dz.First(c.T), layer.Kernel, kernelGradient, c.T);
        }

        string? biasGradient = c.Bias is null ? null : ops.BeginGradient(writer, c.Bias);
        if (layer.ResetAfter)
        {
            Steps du = c.Of(BufferRole.RecurrentGradients, width);
            string recurrentGradient = ops.BeginGradient(writer, layer.RecurrentKernel!);
            ops.AddTransposedProduct(writer, c.Of(BufferRole.States).First(c.T), du.First(c.T), layer.RecurrentKernel!, recurrentGradient, c.T);
            if (biasGradient is not null)
            {
                ops.AddTransposedProduct(writer, null, dz.First(c.T), c.Bias!, $"{biasGradient}.Slice(0, {width})", c.T);
                ops.AddTransposedProduct(writer, null, du.First(c.T), c.Bias!, $"{biasGradient}.Slice({width}, {width})", c.T);
            }
        }
        else if (biasGradient is not null)
        {
            ops.AddTransposedProduct(writer, null, dz.First(c.T), c.Bias!, biasGradient, c.T);
        }

        if (c.HasInputGradient)
        {
            writer.WriteLine("// d loss / d x_t = dz_t·kernelᵀ, for the layer below");
            using (writer.Block($"for (int t = 0; t < {c.T}; t++)"))
            {
                c.WriteInputGradient(writer, ops.Read(writer, "dzT", dz.At("t")), c.InputGradient.At(SimpleRnnLayer.InputStep(c)));
            }
        }
    }



    private static string Derivative(Activation activation, string of) => $"{LayerWeights.ActivationName(activation)}'({of})";

}
