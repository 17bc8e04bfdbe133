using System.Collections.Immutable;
using RnnGen.Generator.Emit.Stack;
using RnnGen.Generator.Model;
using RnnGen.Generator.Parsing;

namespace RnnGen.Generator.Emit;

/// <summary>
/// Which backend writes each layer, chosen once at parse time from the layer's sizes alone (so it is
/// a unit test on the spec), and the backend object that writes each pass of it.
/// </summary>
internal static class Backends
{
    /// <summary>The most inputs per step a register layer multiplies in, one broadcast each.</summary>
    public const int MaxRegisterInputs = 8;

    /// <summary>The most units written out one by one.</summary>
    public const int MaxUnrolledUnits = 8;

    /// <summary>The most weights an unrolled layer keeps in locals.</summary>
    public const int MaxUnrolledParameters = 96;

    /// <summary>
    /// The most inputs an unrolled Dense layer sums one by one: past this, its weights and inputs no
    /// longer fit in registers, and a dot product over spans is cheaper (a Dense(1) head over 64 units).
    /// </summary>
    public const int MaxUnrolledDenseInputs = 16;

    /// <summary>
    /// Whether a gated layer's streaming step on span loops is one call whose sums stay in registers
    /// (<c>GateKernels.LstmStepSigmoidTanh</c>, <c>GruStepSigmoidTanh</c>): 4, 8, 16 or 32 units, which fill one
    /// or two registers with AVX-512 (4 to 16 with AVX2). Where 32 units do not fill two registers the kernel
    /// makes the separate calls, measured level with the generated calls with AVX2.
    /// </summary>
    public static bool StepsInRegisters(int units) => units is 4 or 8 or 16 or 32;

    /// <summary>For the header: the widest registers the one-call step needs, where SSE's 128 bits are not enough.</summary>
    private static string StepRegistersNeed(int units) => units switch
    {
        32 => " with AVX-512",
        16 => " from AVX2 up",
        _ => "",
    };

    /// <summary>
    /// Whether the layer's cell has a one-call kernel (<c>GateKernels</c>): an LSTM or a reset_after GRU with
    /// Keras' default activations, recurrent sigmoid and tanh.
    /// </summary>
    public static bool HasOneCallCell(LayerSpec layer) =>
        (layer.Kind == LayerKind.Lstm || (layer.Kind == LayerKind.Gru && layer.ResetAfter))
        && layer.RecurrentActivation == Activation.Sigmoid
        && layer.Activation == Activation.Tanh;

    /// <summary>
    /// Whether the layer's Step is that one call: a <see cref="HasOneCallCell"/> layer on span loops with a
    /// bias and a size <see cref="StepsInRegisters"/> takes.
    /// </summary>
    public static bool StepsInOneCall(LayerSpec layer) =>
        layer.Backend == LayerBackend.Loops && HasOneCallCell(layer) && layer.UseBias && StepsInRegisters(layer.Units);

    /// <summary>The spec with every layer's backend chosen.</summary>
    public static ModelSpec Choose(ModelSpec spec)
    {
        var layers = ImmutableArray.CreateBuilder<LayerSpec>(spec.Layers.Count);
        foreach (LayerSpec layer in spec.Layers)
        {
            layers.Add(layer with { Backend = Of(layer) });
        }

        spec = spec with { Layers = new EquatableArray<LayerSpec>(layers.MoveToImmutable()) };
        spec = spec with { BatchesInTiles = CanBatchInTiles(spec) && Buffers.TotalFloats(spec with { BatchesInTiles = true }) <= ModelParser.MaxFloats };
        return spec with { BackwardsInTiles = CanBackwardInTiles(spec) && Buffers.TotalFloats(spec with { BackwardsInTiles = true }) <= ModelParser.MaxFloats };
    }

    /// <summary>
    /// BackwardBatch can run PredictBatch's tiles backwards, each step's BPTT matrix products for the tile,
    /// when the model batches in tiles and every layer is SimpleRNN or Dense going forwards whose
    /// activation's derivative is a function of its output (swish's needs the pre-activations, which the
    /// tiles do not keep). <see cref="Choose"/> also asks that the backward tiles' buffers fit RNNG008's
    /// limit with the rest; any other model runs Backward for each sequence in turn.
    /// </summary>
    public static bool CanBackwardInTiles(ModelSpec spec)
    {
        if (!spec.BatchesInTiles)
        {
            return false;
        }

        foreach (LayerSpec layer in spec.Layers)
        {
            if (layer.Kind is not (LayerKind.SimpleRnn or LayerKind.Dense) || layer.GoBackwards || layer.KeepsPreactivations)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// PredictBatch can run tiles of <see cref="TileBackend.Rows"/> sequences, each step one matrix product
    /// for the tile, when it does not use lanes and the model is not stateful (a stateful model must run
    /// its sequences in order, one by one) and has no bidirectional layer (whose merge is written for one
    /// sequence's layout). <see cref="Choose"/> also asks that the tiles' buffers fit RNNG008's limit
    /// with the rest; a model whose would not runs its sequences one by one instead.
    /// </summary>
    public static bool CanBatchInTiles(ModelSpec spec)
    {
        if (spec.Stateful || UsesLanes(spec))
        {
            return false;
        }

        foreach (LayerSpec layer in spec.Layers)
        {
            if (layer.Bidirectional)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Register for up to four units (one Vector128, per gate block for LSTM and GRU) fed at most eight
    /// inputs, and for a gated layer at most 96 weights (its BPTT is unrolled); unrolled for up to eight
    /// units and 96 weights (a Dense layer: fed at most 16 inputs); span loops for anything larger.
    /// </summary>
    public static LayerBackend Of(LayerSpec layer) =>
        layer.Units <= RegisterBackend.Lanes && layer.InputSize <= MaxRegisterInputs && (!layer.IsGated || layer.DirectionParameterCount <= MaxUnrolledParameters) ? LayerBackend.Register
        : layer.Units <= MaxUnrolledUnits && layer.DirectionParameterCount <= MaxUnrolledParameters && (layer.IsRecurrent || layer.InputSize <= MaxUnrolledDenseInputs) ? LayerBackend.Unrolled
        : LayerBackend.Loops;

    /// <summary>
    /// PredictBatch runs whole groups of sequences one per SIMD lane when every layer is written out
    /// (register or unrolled) and the model is not stateful (a stateful model must run them in order).
    /// </summary>
    public static bool UsesLanes(ModelSpec spec)
    {
        if (spec.Stateful)
        {
            return false;
        }

        foreach (LayerSpec layer in spec.Layers)
        {
            if (layer.Backend == LayerBackend.Loops)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The backend of the layer's forward and streaming passes.</summary>
    public static IVectorBackend Forward(LayerSpec layer) => layer.Backend switch
    {
        LayerBackend.Register => RegisterBackend.Instance,
        LayerBackend.Unrolled => ScalarBackend.Unrolled,
        _ => LoopsBackend.Instance,
    };

    /// <summary>The backend of the layer's BPTT: the register backend's is unrolled scalar code.</summary>
    public static IGradientBackend Backward(LayerSpec layer) =>
        layer.Backend == LayerBackend.Loops ? LoopsBackend.Instance : ScalarBackend.Unrolled;

    /// <summary>What the backend writes, for the generated file's header.</summary>
    public static string Describe(LayerSpec layer) => layer.Backend switch
    {
        LayerBackend.Register => layer.IsGated
            ? "register: each gate block in one Vector128 and each weight row's block in another, a step a chain of fused multiply-adds; BPTT unrolled"
            : "register: the layer's vector in one Vector128 and each weight row in another, a step a chain of fused multiply-adds; BPTT unrolled",
        LayerBackend.Unrolled => "unrolled: every unit written out and every weight in a local, so a step is straight-line code",
        _ => layer.IsRecurrent
            ? "loops: the input projection of every step first, then register-blocked SIMD products over the rows of the Keras layout"
                + (StepsInOneCall(layer) ? "; Step one call whose sums stay in registers" + StepRegistersNeed(layer.Units) : "")
            : "loops: register-blocked SIMD products over the rows of the kernel at each step",
    };
}
