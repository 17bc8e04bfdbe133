using System.Collections.Generic;
using System.Linq;
using System.Text;
using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emit.Stack;

/// <summary>What a buffer holds, per layer.</summary>
internal enum BufferRole
{
    /// <summary>A recurrent layer's h_0 .. h_T, in processing order: BPTT reads them back.</summary>
    States,

    /// <summary>A Dense layer's output at every step it is applied to.</summary>
    Outputs,

    /// <summary>
    /// The pre-activation of every step (the kernel's width per step), kept by Forward for BPTT of a
    /// layer whose <see cref="LayerSpec.KeepsPreactivations"/>, and only for such layers.
    /// </summary>
    Preactivations,

    /// <summary>A gated layer's activated gates of every step (LSTM i, f, g, o: 4U per step; GRU z, r, hh: 3U), for BPTT.</summary>
    Gates,

    /// <summary>
    /// A reset_after GRU's <c>h_{t-1}·recurrent_kernel + recurrent bias</c> of every step (3U per step): the
    /// candidate's recurrent part, which r multiplies, is its h block.
    /// </summary>
    RecurrentProjections,

    /// <summary>A GRU's two vectors of per-step scratch (<c>r ⊙ h_{t-1}</c>; in BPTT, the gradients passing through it).</summary>
    Scratch,

    /// <summary>An LSTM's cell states c_0 .. c_T in processing order.</summary>
    Cells,

    /// <summary>An LSTM's act(c_t) of every step: h_t's factor beside o, and its derivative's argument.</summary>
    CellActivations,

    /// <summary>d loss / d the layer's output, shaped like it.</summary>
    OutputGradients,

    /// <summary>d loss / d pre-activation of every step of a recurrent layer (the kernel's width per step).</summary>
    PreactivationGradients,

    /// <summary>
    /// A reset_after GRU's d loss / d <see cref="RecurrentProjections"/> of every step (3U per step): what
    /// its recurrent kernel and recurrent bias row are summed from.
    /// </summary>
    RecurrentGradients,

    /// <summary>A bidirectional layer's backward direction's d loss / d input, before it is added to the forward direction's.</summary>
    InputGradients,

    /// <summary>d loss / d h while BPTT walks back over a recurrent layer's steps.</summary>
    StateGradient,

    /// <summary>d loss / d c while BPTT walks back over an LSTM's steps.</summary>
    CellGradient,

    /// <summary>BackwardBatch's copy of a layer's kernel transposed, <c>[units, input]</c>: what d loss / d input is multiplied by.</summary>
    TransposedKernel,

    /// <summary>BackwardBatch's copy of a recurrent layer's recurrent kernel transposed: what d loss / d h_{t-1} is multiplied by.</summary>
    TransposedRecurrentKernel,
}

/// <summary>One region of the model's single float array.</summary>
/// <param name="Padded">Followed by a Vector128's spare lanes, so a register layer stores each step whole.</param>
internal sealed record Buffer(string Name, int Offset, int Length, string Purpose, bool Padded = false);

/// <summary>
/// Every float a layered model allocates, carved out of one array at constant offsets: Parameters,
/// Gradients, State, then each layer's forward buffer and backward scratch, PredictBatch's lane
/// or tile buffers, and BackwardBatch's tile buffers. One array keeps the user's type down to one
/// private field; the same list sizes the array and answers RNNG008.
/// </summary>
internal sealed class Buffers
{
    /// <summary>Floats in 64 bytes: every buffer's offset is a multiple, from a 64-byte boundary of the array.</summary>
    public const int Alignment = 16;

    private readonly Dictionary<(int Layer, LayerDirection Direction, BufferRole Role), Buffer> _byLayer = new();
    private readonly Dictionary<(int Layer, LayerDirection Direction), Buffer> _lanes = new();
    private readonly Dictionary<(int Layer, LayerDirection Direction, BufferRole Role), Buffer> _tiles = new();
    private readonly List<Buffer> _all = new();
    private long _floats;

    private Buffers(ModelSpec spec)
    {
        int parameters = spec.ParameterCount;
        Parameters = Add("parameters", parameters, "every weight, Keras get_weights() order");
        Gradients = Add("gradients", parameters, "d loss / d Parameters, same layout");
        State = Add("state", spec.StateLength, "every recurrent layer's state");
        foreach (LayerSpec layer in spec.Layers)
        {
            if (layer.Bidirectional)
            {
                AddFor(layer, BufferRole.Outputs, CamelCase(layer.Name) + "Outputs", (long)layer.OutputSteps(spec.TimeSteps) * layer.OutputSize, $"{layer.Name}: both directions' outputs, merged ({LayerWeights.MergeModeName(layer.MergeMode)})");
            }

            foreach (LayerSpec direction in layer.Directions)
            {
                AddForward(spec, direction);
            }
        }

        foreach (LayerSpec layer in spec.Layers)
        {
            if (layer.Bidirectional)
            {
                string stem = CamelCase(layer.Name);
                AddFor(layer, BufferRole.OutputGradients, stem + "OutputGradients", (long)layer.OutputSteps(spec.TimeSteps) * layer.OutputSize, $"{layer.Name}: d loss / d merged output");
                if (layer.Index > 0)
                {
                    AddFor(layer, BufferRole.InputGradients, stem + "InputGradients", (long)layer.InputSteps(spec.TimeSteps) * layer.InputSize, $"{layer.Name}: the backward direction's d loss / d input, added to the forward one's");
                }
            }

            foreach (LayerSpec direction in layer.Directions)
            {
                AddBackward(spec, direction);
            }
        }

        if (Backends.UsesLanes(spec))
        {
            LaneInputs = Add("laneInputs", (long)spec.InputLength * ScalarBackend.LaneStride, "PredictBatch: a group's inputs, [t * Features + f][lane]");
            foreach (LayerSpec owner in spec.Layers.SelectMany(static l => l.BufferOwners))
            {
                _lanes[(owner.Index, owner.Direction)] = Add(CamelCase(owner.Name) + "Lanes", ForwardLength(spec, owner) * ScalarBackend.LaneStride, $"PredictBatch: {owner.Name}'s forward buffer, [element][lane]");
            }
        }

        if (spec.BatchesInTiles)
        {
            foreach (LayerSpec layer in spec.Layers)
            {
                AddTile(spec, layer);
            }
        }

        if (spec.BackwardsInTiles)
        {
            foreach (LayerSpec layer in spec.Layers)
            {
                AddBackwardTile(spec, layer);
            }
        }
    }

    public Buffer Parameters { get; }

    public Buffer Gradients { get; }

    public Buffer State { get; }

    /// <summary>PredictBatch's transposed inputs, when it runs sequences in lanes.</summary>
    public Buffer? LaneInputs { get; }

    public IReadOnlyList<Buffer> All => _all;

    /// <summary>Floats in the array, counted in 64 bits (a model too large for RNNG008 may not fit an int).</summary>
    public long TotalLength { get; private set; }

    public static Buffers For(ModelSpec spec) => new(spec);

    /// <summary>
    /// Every float of every buffer, counted in 64 bits before any offset could overflow (RNNG008's
    /// count: the few floats that align each buffer to a cache line are left out).
    /// </summary>
    public static long TotalFloats(ModelSpec spec) => new Buffers(spec)._floats;

    /// <summary>A layer's buffer (one direction's, for a direction of a bidirectional layer).</summary>
    public Buffer Of(LayerSpec layer, BufferRole role) => _byLayer[(layer.Index, layer.Direction, role)];

    /// <summary>The layer's buffers of a role in PredictBatch's or BackwardBatch's tiles, or null for a role the tiles have none of.</summary>
    public Buffer? TileOf(LayerSpec layer, BufferRole role) => _tiles.TryGetValue((layer.Index, layer.Direction, role), out Buffer? buffer) ? buffer : null;

    /// <summary>The lane buffer standing for the layer's forward buffer in PredictBatch.</summary>
    public Buffer LanesOf(LayerSpec layer) => _lanes[(layer.Index, layer.Direction)];

    /// <summary>A recurrent layer's h_0 .. h_T; a Dense layer's output at every step; a bidirectional layer's merged output.</summary>
    private static long ForwardLength(ModelSpec spec, LayerSpec layer) =>
        layer.Bidirectional ? (long)layer.OutputSteps(spec.TimeSteps) * layer.OutputSize
        : layer.IsRecurrent ? (spec.TimeSteps + 1L) * layer.Units
        : (long)layer.InputSteps(spec.TimeSteps) * layer.Units;

    /// <summary>A layer's forward buffers: its output (or states), and what BPTT reads back of each step.</summary>
    private void AddForward(ModelSpec spec, LayerSpec layer)
    {
        // A register layer stores each gate block as a whole Vector128: the buffers it stores into get its spare lanes.
        bool register = layer.Backend == LayerBackend.Register;
        int padding = register ? RegisterBackend.Lanes - layer.Units : 0;
        foreach ((BufferRole role, string name, long length, string purpose) in ForwardBuffers(spec, layer, ", for BPTT"))
        {
            bool padded = register && role != BufferRole.Scratch;
            AddFor(layer, role, name, length + (padded ? padding : 0), purpose + (padded && padding > 0 ? ", then room for a Vector128's spare lanes" : ""), padded);
        }
    }

    /// <summary>
    /// A layer's buffers in PredictBatch's tiles: its forward buffers but the pre-activations (only BPTT reads
    /// them), each holding every step of <see cref="TileBackend.Rows"/> sequences, step-major; a gated layer's
    /// G·U-wide steps block-major within the step, each block <c>[sequence][unit]</c>.
    /// </summary>
    private void AddTile(ModelSpec spec, LayerSpec layer)
    {
        foreach ((BufferRole role, string name, long length, string purpose) in ForwardBuffers(spec, layer, ""))
        {
            if (role != BufferRole.Preactivations)
            {
                // A gated buffer's steps are block-major, so that each gate block of the tile is one contiguous matrix.
                bool gated = role is BufferRole.Gates or BufferRole.RecurrentProjections;
                _tiles[(layer.Index, layer.Direction, role)] = Add(name + "Tile", length * TileBackend.Rows, $"PredictBatch: {purpose}, for {TileBackend.Rows} sequences, " + (gated ? "[t][block][sequence][unit]" : "[t][sequence][·]"));
            }
        }
    }

    /// <summary>
    /// A layer's buffers in BackwardBatch's tiles: d loss / d output of every step it outputs, and for a
    /// recurrent layer d loss / d a_t and d loss / d h_t of the step BPTT is at (the weight gradients are
    /// summed step by step), each for <see cref="TileBackend.Rows"/> sequences; and the transposes of the
    /// weights that BPTT multiplies by: the recurrent kernel, and the kernel when a layer lies below.
    /// </summary>
    private void AddBackwardTile(ModelSpec spec, LayerSpec layer)
    {
        string stem = CamelCase(layer.Name);
        int rows = TileBackend.Rows;
        string tile = $"for {rows} sequences, [t][sequence][·]";
        AddTileFor(layer, BufferRole.OutputGradients, stem + "OutputGradientsTile", (long)layer.OutputSteps(spec.TimeSteps) * layer.Units * rows, $"BackwardBatch: {layer.Name}: d loss / d output, {tile}");
        if (layer.IsRecurrent)
        {
            AddTileFor(layer, BufferRole.PreactivationGradients, stem + "PreactivationGradientsTile", (long)layer.Units * rows, $"BackwardBatch: {layer.Name}: d loss / d a_t of the step, [sequence][·]");
            AddTileFor(layer, BufferRole.StateGradient, stem + "StateGradientTile", (long)layer.Units * rows, $"BackwardBatch: {layer.Name}: d loss / d h_t, [sequence][·]");
            WeightSpec recurrent = layer.RecurrentKernel!;
            AddTileFor(layer, BufferRole.TransposedRecurrentKernel, stem + "RecurrentKernelTransposed", recurrent.Length, $"BackwardBatch: {layer.Name}/recurrent_kernelᵀ [{recurrent.Columns}, {recurrent.Rows}]");
        }

        if (layer.Index > 0)
        {
            WeightSpec kernel = layer.Kernel;
            AddTileFor(layer, BufferRole.TransposedKernel, stem + "KernelTransposed", kernel.Length, $"BackwardBatch: {layer.Name}/kernelᵀ [{kernel.Columns}, {kernel.Rows}]");
        }
    }

    private void AddTileFor(LayerSpec layer, BufferRole role, string name, long length, string purpose) =>
        _tiles[(layer.Index, layer.Direction, role)] = Add(name, length, purpose);

    /// <summary>Each forward buffer of a layer, for one sequence: its role, name, length and what it holds (<paramref name="forBptt"/> after what BPTT reads back).</summary>
    private static IEnumerable<(BufferRole Role, string Name, long Length, string Purpose)> ForwardBuffers(ModelSpec spec, LayerSpec layer, string forBptt)
    {
        string stem = CamelCase(layer.Name);
        yield return layer.IsRecurrent
            ? (BufferRole.States, stem + "States", ForwardLength(spec, layer), $"{layer.Name}: h_0 .. h_T in processing order")
            : (BufferRole.Outputs, stem + "Outputs", ForwardLength(spec, layer), $"{layer.Name}: its output at every step");
        int width = layer.Kernel.Columns;
        if (layer.KeepsPreactivations)
        {
            yield return (BufferRole.Preactivations, stem + "Preactivations", (long)layer.InputSteps(spec.TimeSteps) * width, $"{layer.Name}: the pre-activation of every step{forBptt}");
        }

        if (layer.Kind == LayerKind.Lstm)
        {
            yield return (BufferRole.Gates, stem + "Gates", (long)spec.TimeSteps * width, $"{layer.Name}: i, f, g, o of every step{forBptt}");
            yield return (BufferRole.Cells, stem + "Cells", (spec.TimeSteps + 1L) * layer.Units, $"{layer.Name}: c_0 .. c_T in processing order");
            yield return (BufferRole.CellActivations, stem + "CellActivations", (long)spec.TimeSteps * layer.Units, $"{layer.Name}: act(c_t) of every step");
        }
        else if (layer.Kind == LayerKind.Gru)
        {
            yield return (BufferRole.Gates, stem + "Gates", (long)spec.TimeSteps * width, $"{layer.Name}: z, r, hh of every step{forBptt}");
            if (layer.ResetAfter)
            {
                yield return (BufferRole.RecurrentProjections, stem + "RecurrentProjections", (long)spec.TimeSteps * width, $"{layer.Name}: h_(t-1)·recurrent_kernel + recurrent bias of every step");
            }

            yield return (BufferRole.Scratch, stem + "Scratch", 2L * layer.Units, $"{layer.Name}: per-step scratch");
        }
    }

    /// <summary>A layer's BPTT scratch: the gradients of its output, of every step's pre-activation, of its state.</summary>
    private void AddBackward(ModelSpec spec, LayerSpec layer)
    {
        string stem = CamelCase(layer.Name);
        AddFor(layer, BufferRole.OutputGradients, stem + "OutputGradients", (long)layer.OutputSteps(spec.TimeSteps) * layer.Units, $"{layer.Name}: d loss / d output");
        if (!layer.IsRecurrent)
        {
            return;
        }

        AddFor(layer, BufferRole.PreactivationGradients, stem + "PreactivationGradients", (long)spec.TimeSteps * layer.Kernel.Columns, $"{layer.Name}: d loss / d a_t of every step");
        AddFor(layer, BufferRole.StateGradient, stem + "StateGradient", layer.Units, $"{layer.Name}: d loss / d h_t");
        if (layer.Kind == LayerKind.Lstm)
        {
            AddFor(layer, BufferRole.CellGradient, stem + "CellGradient", layer.Units, $"{layer.Name}: d loss / d c_t");
        }

        if (layer.Kind == LayerKind.Gru && layer.ResetAfter)
        {
            AddFor(layer, BufferRole.RecurrentGradients, stem + "RecurrentGradients", (long)spec.TimeSteps * layer.Kernel.Columns, $"{layer.Name}: d loss / d h_(t-1)·recurrent_kernel of every step");
        }
    }

    private Buffer Add(string name, long length, string purpose, bool padded = false)
    {
        // Every buffer starts a 64-byte cache line: SIMD loads never straddle two.
        TotalLength = (TotalLength + Alignment - 1) / Alignment * Alignment;

        // Offsets are only emitted for models within RNNG008's limit, where they fit an int.
        var buffer = new Buffer(name, unchecked((int)TotalLength), unchecked((int)length), purpose, padded);
        TotalLength += length;
        _floats += length;
        _all.Add(buffer);
        return buffer;
    }

    private void AddFor(LayerSpec layer, BufferRole role, string name, long length, string purpose, bool padded = false) =>
        _byLayer[(layer.Index, layer.Direction, role)] = Add(name, length, purpose, padded);

    /// <summary><c>simple_rnn_1</c> to <c>simpleRnn1</c>.</summary>
    private static string CamelCase(string kerasName)
    {
        var name = new StringBuilder(kerasName.Length);
        bool upper = false;
        foreach (char c in kerasName)
        {
            if (c == '_')
            {
                upper = true;
                continue;
            }

            name.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return name.ToString();
    }
}
