using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emit.Stack;

/// <summary>
/// Keras LSTM: <c>z_t = x_t·kernel + h_{t-1}·recurrent_kernel + bias</c> in blocks i, f, c, o;
/// <c>i, f, o = ra(z)</c>, <c>g = act(z_c)</c>, <c>c_t = f ⊙ c_{t-1} + i ⊙ g</c>,
/// <c>h_t = o ⊙ act(c_t)</c>. BPTT carries dh and dc back: <c>dz_o = dh ⊙ act(c) ⊙ ra'(o)</c>,
/// <c>dc += dh ⊙ o ⊙ act'(c)</c>, <c>dz_i = dc ⊙ g ⊙ ra'(i)</c>, <c>dz_f = dc ⊙ c_{t-1} ⊙ ra'(f)</c>,
/// <c>dz_c = dc ⊙ i ⊙ act'(g)</c>, <c>dc_{t-1} = dc ⊙ f</c>, <c>dh_{t-1} = dz·recurrent_kernelᵀ</c>.
/// </summary>
internal sealed class LstmLayer : ILayerEmitter
{
    public static readonly LstmLayer Instance = new();

    private const int Blocks = 4;
    private const int I = 0, F = 1, C = 2, O = 3;

    private LstmLayer()
    {
    }

    public string Formula(LayerSpec layer)
    {
        string sum = "x_t·kernel + h_{t-1}·recurrent_kernel" + (layer.UseBias ? " + bias" : "");
        string ra = LayerWeights.ActivationName(layer.RecurrentActivation), act = LayerWeights.ActivationName(layer.Activation);
        return $"[i, f, o] = {ra}(z), g = {act}(z_c) of z = {sum}; c_t = f ⊙ c_{{t-1}} + i ⊙ g; h_t = o ⊙ {act}(c_t)";
    }

    public void Forward(SourceWriter writer, LayerContext c)
    {
        var ops = (IGateBackend)c.Ops;
        LayerSpec layer = c.Layer;
        Steps states = c.Of(BufferRole.States);
        Steps cells = c.Of(BufferRole.Cells);
        Steps gates = c.Of(BufferRole.Gates, layer.Kernel.Columns);
        Steps cellActivations = c.Of(BufferRole.CellActivations);
        Steps? preactivations = c.Preactivations;
        Vec h, cell;
        if (c.Spec.Stateful)
        {
            writer.WriteLine("// h_0, c_0 = this layer's part of State (stateful), kept for BPTT.");
            h = ops.Load(writer, "h", c.State);
            ops.Store(writer, h, states.At("0"));
            cell = ops.Load(writer, "c", c.CellState);
            if (c.KeepsStates)
            {
                ops.Store(writer, cell, cells.At("0"));
            }
        }
        else
        {
            writer.WriteLine("// h_0 = c_0 = 0 (their slots are never written, so they stay zero for BPTT).");
            h = ops.Zero(writer, "h", states.At("0"));
            cell = ops.Zero(writer, "c", cells.At("0"));
        }

        string goesBackwards = layer.GoBackwards ? ", over the steps last to first (go_backwards)" : "";
        if (ops is IProjectingBackend)
        {
            writer.WriteLine("// x_t·kernel" + (layer.UseBias ? " + bias" : "") + " does not depend on h: every step's first, off the recurrence's critical path.");
            using (writer.Block($"for (int t = 0; t < {c.T}; t++)"))
            {
                GatedVec z = ops.GateAffine(writer, "z", Blocks, c.Bias, 0, gates.At("t"));
                ops.AddGateProducts(writer, ops.Read(writer, "x", c.Input.At(SimpleRnnLayer.InputStep(c))), layer.Kernel, z);
            }

            writer.WriteLine($"// {Formula(layer)}{goesBackwards}; the gates overwrite their z in place.");
            using (writer.Block($"for (int t = 0; t < {c.T}; t++)"))
            {
                GatedVec z = ops.LoadGates(writer, "z", Blocks, gates.At("t"));
                ops.AddGateProducts(writer, ops.Read(writer, "h", states.At("t")), layer.RecurrentKernel!, z);
                KeepPreactivations(writer, ops, z, preactivations, c.U);
                Vec previous = ops.Read(writer, "cp", cells.At("t"));
                Vec next = ops.Declare(writer, "cT", cells.At("t + 1"));
                if (FusedCell(ops, layer) is { } fused)
                {
                    fused.LstmCell(writer, z, previous, next, ops.Declare(writer, "ac", cellActivations.At("t")), ops.Declare(writer, "hT", states.At("t + 1")));
                }
                else
                {
                    ActivateGates(writer, ops, layer, z);
                    ops.Multiply(writer, z.Blocks[F], previous, next);
                    ops.MultiplyAdd(writer, z.Blocks[I], z.Blocks[C], next);
                    Vec activated = ops.Copy(writer, "ac", next, cellActivations.At("t"));
                    ops.Activate(writer, layer.Activation, activated);
                    Vec output = ops.Declare(writer, "hT", states.At("t + 1"));
                    ops.Multiply(writer, z.Blocks[O], activated, output);
                }
            }

            h = ops.Read(writer, "h", states.At($"{c.T}"));
            cell = ops.Read(writer, "c", cells.At($"{c.T}"));
        }
        else
        {
            bool keep = c.KeepsStates || layer.ReturnSequences;
            writer.WriteLine($"// {Formula(layer)}{goesBackwards}");
            using (writer.Block($"for (int t = 0; t < {c.T}; t++)"))
            {
                GatedVec z = ops.GateAffine(writer, "z", Blocks, c.Bias, 0, gates.At("t"));
                ops.AddGateProducts(writer, ops.Read(writer, "x", c.Input.At(SimpleRnnLayer.InputStep(c))), layer.Kernel, z);
                ops.AddGateProducts(writer, h, layer.RecurrentKernel!, z);
                KeepPreactivations(writer, ops, z, preactivations, c.U);
                ActivateGates(writer, ops, layer, z);
                ops.Multiply(writer, z.Blocks[F], cell, cell);
                ops.MultiplyAdd(writer, z.Blocks[I], z.Blocks[C], cell);
                Vec activated = ops.Copy(writer, "ac", cell, cellActivations.At("t"));
                ops.Activate(writer, layer.Activation, activated);
                ops.Multiply(writer, z.Blocks[O], activated, h);
                if (c.KeepsStates)
                {
                    writer.WriteLine("// The gates, c_t and act(c_t) are kept for BPTT.");
                    z.Store(writer, ops, gates.At("t"));
                    ops.Store(writer, cell, cells.At("t + 1"));
                    ops.Store(writer, activated, cellActivations.At("t"));
                }

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
            writer.WriteLine("// Stateful: leave h_T, c_T in State for the next call.");
            ops.Store(writer, h, c.State);
            ops.Store(writer, cell, c.CellState);
        }
    }

    public Place Step(SourceWriter writer, LayerContext c, Place x)
    {
        var ops = (IGateBackend)c.Ops;
        LayerSpec layer = c.Layer;
        writer.WriteLine($"// {Formula(layer)}, with h_{{t-1}}, c_{{t-1}} = State" + (ops is IProjectingBackend ? "; z, act(c) in the first step's slots of the forward buffers (Forward rewrites them)" : ""));
        Vec h = ops.Load(writer, "h", c.State);
        Vec cell = ops.Load(writer, "c", c.CellState);
        if (FusedCell(ops, layer) is { } whole && Backends.StepsInOneCall(layer))
        {
            whole.LstmStep(writer, layer, ops.Read(writer, "x", x), h, cell, c.Of(BufferRole.Gates, layer.Kernel.Columns).At("0"), c.Of(BufferRole.CellActivations).At("0"));
            return c.State;
        }

        GatedVec z = ops.GateAffine(writer, "z", Blocks, c.Bias, 0, c.Of(BufferRole.Gates, layer.Kernel.Columns).At("0"));
        ops.AddGateProducts(writer, ops.Read(writer, "x", x), layer.Kernel, z);
        ops.AddGateProducts(writer, h, layer.RecurrentKernel!, z);
        if (FusedCell(ops, layer) is { } fused)
        {
            fused.LstmCell(writer, z, cell, cell, ops.Declare(writer, "ac", c.Of(BufferRole.CellActivations).At("0")), h);
            ops.Store(writer, cell, c.CellState);
            ops.Store(writer, h, c.State);
            return c.State;
        }

        ActivateGates(writer, ops, layer, z);
        ops.Multiply(writer, z.Blocks[F], cell, cell);
        ops.MultiplyAdd(writer, z.Blocks[I], z.Blocks[C], cell);
        ops.Store(writer, cell, c.CellState);
        Vec activated = ops.Copy(writer, "ac", cell, c.Of(BufferRole.CellActivations).At("0"));
        ops.Activate(writer, layer.Activation, activated);
        ops.Multiply(writer, z.Blocks[O], activated, h);
        ops.Store(writer, h, c.State);
        return c.State;
    }

    /// <summary>The backend's one-call cell where it has one and the layer has Keras' default activations, else null.</summary>
    private static IFusedCellBackend? FusedCell(IGateBackend ops, LayerSpec layer) =>
        ops is IFusedCellBackend fused && Backends.HasOneCallCell(layer) ? fused : null;

    public void Backward(SourceWriter writer, LayerContext c)
    {
        var ops = (IGateGradientBackend)c.Gradients;
        LayerSpec layer = c.Layer;
        int u = c.U;
        WeightSpec kernel = layer.Kernel, recurrent = layer.RecurrentKernel!;
        Steps states = c.Of(BufferRole.States);
        Steps cells = c.Of(BufferRole.Cells);
        Steps gates = c.Of(BufferRole.Gates, kernel.Columns);
        Steps cellActivations = c.Of(BufferRole.CellActivations);
        Steps outputGradients = c.Of(BufferRole.OutputGradients);
        Steps dz = c.Of(BufferRole.PreactivationGradients, kernel.Columns);
        Place dhHome = c.Of(BufferRole.StateGradient).At("0");
        var sequence = ops as ISequenceBackend;

        Vec dh = SimpleRnnLayer.BeginStateGradient(writer, c, dhHome);
        Vec dc = ops.Zero(writer, "dc", c.Of(BufferRole.CellGradient).At("0"));
        (string? kernelGradient, string? recurrentGradient, string? biasGradient) = SimpleRnnLayer.BeginStepGradients(writer, c, sequence is null);
        using (writer.Block($"for (int t = {c.T}; t >= 1; t--)"))
        {
            if (layer.ReturnSequences)
            {
                writer.WriteLine("// h_t is also output t: its gradient joins what step t + 1 sent back.");
                ops.Add(writer, ops.Read(writer, "dy", outputGradients.At("t - 1")), dh);
            }

            GatedVec gate = ops.LoadGates(writer, "gate", Blocks, gates.At("t - 1"));
            GatedVec? z = c.Preactivations is { } kept ? ops.LoadGates(writer, "z", Blocks, kept.At("t - 1")) : null;
            Vec activated = ops.Read(writer, "ac", cellActivations.At("t - 1"));
            Place at = dz.At("t - 1");

            writer.WriteLine($"// dz_o = dh ⊙ act(c_t) ⊙ {Derivative(layer.RecurrentActivation)}");
            Vec dzO = ops.Copy(writer, "dzO", dh, at.Block(O, u));
            ops.Multiply(writer, dzO, activated, dzO);
            ops.MultiplyByDerivative(writer, layer.RecurrentActivation, gate.DerivativeInput(layer.RecurrentActivation, z, O), dzO);

            writer.WriteLine("// dc += dh ⊙ o ⊙ act'(c_t), written in terms of " + (layer.Activation == Activation.Swish ? "c_t" : "act(c_t)") + " (dz_i's slot is the scratch)");
            Vec dzI = ops.Copy(writer, "dzI", dh, at.Block(I, u));
            ops.Multiply(writer, dzI, gate.Blocks[O], dzI);
            Vec cellOrActivated = layer.Activation == Activation.Swish ? ops.Read(writer, "cT", cells.At("t")) : activated;
            ops.MultiplyByDerivative(writer, layer.Activation, cellOrActivated, dzI);
            ops.Add(writer, dzI, dc);

            writer.WriteLine("// dz_i = dc ⊙ g ⊙ ra'(i); dz_f = dc ⊙ c_{t-1} ⊙ ra'(f); dz_c = dc ⊙ i ⊙ act'(g)");
            ops.Multiply(writer, dc, gate.Blocks[C], dzI);
            ops.MultiplyByDerivative(writer, layer.RecurrentActivation, gate.DerivativeInput(layer.RecurrentActivation, z, I), dzI);
            Vec dzF = ops.Declare(writer, "dzF", at.Block(F, u));
            ops.Multiply(writer, dc, ops.Read(writer, "cp", cells.At("t - 1")), dzF);
            ops.MultiplyByDerivative(writer, layer.RecurrentActivation, gate.DerivativeInput(layer.RecurrentActivation, z, F), dzF);
            Vec dzC = ops.Declare(writer, "dzC", at.Block(C, u));
            ops.Multiply(writer, dc, gate.Blocks[I], dzC);
            ops.MultiplyByDerivative(writer, layer.Activation, gate.DerivativeInput(layer.Activation, z, C), dzC);

            writer.WriteLine("// dc_{t-1} = dc ⊙ f");
            ops.Multiply(writer, dc, gate.Blocks[F], dc);
            Vec[] blocks = [dzI, dzF, dzC, dzO];

            if (sequence is null)
            {
                string row = layer.GoBackwards ? $"{c.T} - t" : "t - 1";
                writer.WriteLine("// dkernel += x_tᵀ·dz_t; drecurrent_kernel += h_{t-1}ᵀ·dz_t" + (c.Bias is null ? "" : "; dbias += dz_t") + ", block by block");
                Vec x = ops.Read(writer, "x", c.Input.At(row));
                Vec hp = ops.Read(writer, "hp", states.At("t - 1"));
                for (int g = 0; g < Blocks; g++)
                {
                    ops.AddBlockOuterProduct(writer, x, blocks[g], kernel, g, kernelGradient!);
                    ops.AddBlockOuterProduct(writer, hp, blocks[g], recurrent, g, recurrentGradient!);
                    if (c.Bias is not null)
                    {
                        ops.AddBlockOuterProduct(writer, null, blocks[g], c.Bias, g, biasGradient!);
                    }
                }

                if (c.HasInputGradient)
                {
                    writer.WriteLine("// d loss / d x_t = dz_t·kernelᵀ, for the layer below");
                    Place dxAt = c.InputGradient.At(row);
                    Vec dx = ops.Zero(writer, "dx", dxAt);
                    for (int g = 0; g < Blocks; g++)
                    {
                        ops.AddBlockTransposedProduct(writer, kernel, g, blocks[g], dx);
                    }

                    ops.Store(writer, dx, dxAt);
                }

                writer.WriteLine("// dh_{t-1} = dz_t·recurrent_kernelᵀ");
                Vec previous = ops.Zero(writer, "dhp", dhHome);
                for (int g = 0; g < Blocks; g++)
                {
                    ops.AddBlockTransposedProduct(writer, recurrent, g, blocks[g], previous);
                }

                dh = ops.Assign(writer, dh, previous);
            }
            else
            {
                writer.WriteLine("// dh_{t-1} = dz_t·recurrent_kernelᵀ");
                ops.MultiplyByTransposed(writer, recurrent, ops.Read(writer, "dzT", at), dh);
            }
        }

        if (sequence is null)
        {
            SimpleRnnLayer.EndStepGradients(writer, c, kernelGradient!, recurrentGradient!, biasGradient);
            return;
        }

        SimpleRnnLayer.WriteSummedGradients(writer, c, sequence, dz);
    }

    /// <summary>i, f, o = ra(z) in place; g = act(z_c).</summary>
    private static void ActivateGates(SourceWriter writer, IGateBackend ops, LayerSpec layer, GatedVec z)
    {
        // i and f are side by side: one call for both where they are one span.
        z.Activate(writer, ops, layer.RecurrentActivation, I, 2);
        ops.Activate(writer, layer.Activation, z.Blocks[C]);
        ops.Activate(writer, layer.RecurrentActivation, z.Blocks[O]);
    }

    /// <summary>Step t's z, kept for BPTT where an activation's derivative needs it (swish).</summary>
    private static void KeepPreactivations(SourceWriter writer, IGateBackend ops, GatedVec z, Steps? preactivations, int units)
    {
        if (preactivations is not null)
        {
            writer.WriteLine("// z_t is kept for BPTT: swish's derivative is no function of its output.");
            z.Store(writer, ops, preactivations.At("t"));
        }
    }

    private static string Derivative(Activation activation) => LayerWeights.ActivationName(activation) + "'(o)";
}
