using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emit.Stack;

/// <summary>
/// What a layer's emitter is given by a pass: the layer, where its input and the gradient of its
/// input are, the names of its buffers, and the backend to write operations with.
/// </summary>
internal sealed class LayerContext
{
    private readonly Buffers _buffers;
    private readonly Steps? _inputGradient;

    /// <param name="input">The layer's input: the model's, or the previous layer's output.</param>
    /// <param name="inputGradient">Where d loss / d input goes, or null for the first layer.</param>
    /// <param name="ops">The backend of this pass.</param>
    /// <param name="keepsStates">The pass keeps every step's state for BPTT (PredictBatch's lanes and tiles keep only outputs).</param>
    /// <param name="tileRows">PredictBatch's tiles: the sequences of a tile, whose buffers are laid out <c>[t][sequence][width]</c>; 0 for one sequence.</param>
    public LayerContext(ModelSpec spec, LayerSpec layer, Buffers buffers, Steps input, Steps? inputGradient, IVectorBackend ops, bool keepsStates = true, int tileRows = 0)
    {
        TileRows = tileRows;
        Spec = spec;
        Layer = layer;
        _buffers = buffers;
        Input = input;
        _inputGradient = inputGradient;
        Ops = ops;
        KeepsStates = keepsStates;
    }

    public ModelSpec Spec { get; }

    public LayerSpec Layer { get; }

    public IVectorBackend Ops { get; }

    /// <summary>The backend of a backward pass.</summary>
    public IGradientBackend Gradients => (IGradientBackend)Ops;

    public bool KeepsStates { get; }

    /// <summary>Sequences per tile in PredictBatch's tiles, whose buffers hold every step's vectors of the tile side by side; else 0.</summary>
    public int TileRows { get; }

    public bool HasInputGradient => _inputGradient is not null;

    public int T => Spec.TimeSteps;

    public int U => Layer.Units;

    public int In => Layer.InputSize;

    /// <summary>The bias, or null for a layer without bias.</summary>
    public WeightSpec? Bias => Layer.Bias;

    /// <summary>The layer's input, one vector per step.</summary>
    public Steps Input { get; }

    /// <summary>The layer's whole input, as a span expression.</summary>
    public string WholeInput => Input.First(Layer.InputSteps(T));

    /// <summary>Where d loss / d input goes, one vector per step.</summary>
    public Steps InputGradient => _inputGradient!;

    /// <summary>The local naming one of the layer's buffers in a pass.</summary>
    public string Buffer(BufferRole role) => _buffers.Of(Layer, role).Name;

    /// <summary>One of the layer's buffers, U floats per step.</summary>
    public Steps Of(BufferRole role) => Of(role, U);

    /// <summary>One of the layer's buffers, <paramref name="width"/> floats per step (a gated layer's G·U).</summary>
    public Steps Of(BufferRole role, int width)
    {
        Buffer buffer = _buffers.Of(Layer, role);
        return TileRows > 0 ? Steps.Tile(buffer.Name, 0, width, TileRows) : new Steps(buffer.Name, 0, width, buffer.Padded);
    }

    /// <summary>
    /// Where Forward keeps each step's pre-activation, the kernel's width per step, when the layer's
    /// <see cref="LayerSpec.KeepsPreactivations"/> and the pass keeps states for BPTT; else null.
    /// </summary>
    public Steps? Preactivations
    {
        get
        {
            if (!Layer.KeepsPreactivations || !KeepsStates)
            {
                return null;
            }

            Buffer buffer = _buffers.Of(Layer, BufferRole.Preactivations);
            return new Steps(buffer.Name, 0, Layer.Kernel.Columns, buffer.Padded);
        }
    }

    /// <summary>The layer's part of State.</summary>
    public Place State => new("state", $"{Layer.StateOffset}", U);

    /// <summary>An LSTM's c, after its h in State.</summary>
    public Place CellState => new("state", $"{Layer.StateOffset + U}", U);

    /// <summary><c>dx = d·kernelᵀ</c>, stored at <paramref name="at"/> for the layer below.</summary>
    public void WriteInputGradient(SourceWriter writer, Vec d, Place at)
    {
        Vec dx = Gradients.Declare(writer, "dx", at);
        Gradients.MultiplyByTransposed(writer, Layer.Kernel, d, dx);
        Gradients.Store(writer, dx, at);
    }

    /// <summary>
    /// The layer's output: a recurrent layer's h_1 .. h_T (return_sequences) or h_T, a Dense layer's or a
    /// bidirectional layer's outputs; in PredictBatch's tiles (<paramref name="tileRows"/> sequences), each step's for the whole tile.
    /// </summary>
    public static Steps OutputOf(ModelSpec spec, Buffers buffers, LayerSpec layer, int tileRows = 0)
    {
        (string span, int offset, int width) = !layer.IsRecurrent || layer.Bidirectional
            ? (buffers.Of(layer, BufferRole.Outputs).Name, 0, layer.OutputSize)
            : (buffers.Of(layer, BufferRole.States).Name, layer.ReturnSequences ? layer.Units : spec.TimeSteps * layer.Units, layer.Units);
        return tileRows > 0 ? Steps.Tile(span, offset, width, tileRows) : new Steps(span, offset, width);
    }
}
