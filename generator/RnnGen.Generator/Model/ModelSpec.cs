namespace RnnGen.Generator.Model;

/// <summary>
/// Everything the emitters need to write one model, as plain values: no Roslyn symbol or syntax,
/// so the incremental pipeline can compare two specs and skip emission when nothing changed.
/// </summary>
/// <param name="Namespace">The type's namespace, or null for the global namespace.</param>
/// <param name="ContainingTypes">Outermost first.</param>
/// <param name="Type">The annotated type.</param>
/// <param name="HintName">The generated file's name: <c>{Namespace}.{Type}.g.cs</c>.</param>
/// <param name="Layers">The layers in order, as Keras' <c>Sequential([...])</c> lists them.</param>
internal sealed record ModelSpec(
    string? Namespace,
    EquatableArray<TypeDeclaration> ContainingTypes,
    TypeDeclaration Type,
    string HintName,
    int TimeSteps,
    int Features,
    bool Stateful,
    EquatableArray<LayerSpec> Layers)
{
    /// <summary>
    /// PredictBatch runs tiles of sequences through a batched forward pass, each step one matrix product
    /// for the tile (decided with the layers' backends, by <c>Backends.Choose</c>); else lanes or one by one.
    /// </summary>
    public bool BatchesInTiles { get; init; }

    /// <summary>
    /// BackwardBatch runs the same tiles through a batched BPTT, each step's gradients matrix products for
    /// the tile (decided by <c>Backends.Choose</c>: SimpleRNN and Dense layers batched in tiles); else it
    /// runs Backward for each sequence in turn.
    /// </summary>
    public bool BackwardsInTiles { get; init; }

    public LayerSpec LastLayer => Layers[Layers.Count - 1];

    /// <summary>The first recurrent layer: the one the single-layer views (Kernel, RecurrentKernel, Bias) show.</summary>
    public LayerSpec FirstRecurrent
    {
        get
        {
            foreach (LayerSpec layer in Layers)
            {
                if (layer.IsRecurrent)
                {
                    return layer;
                }
            }

            return Layers[0];
        }
    }

    /// <summary>The last Dense layer (DenseKernel, DenseBias), if the model ends in one.</summary>
    public LayerSpec? FinalDense => LastLayer.IsRecurrent ? null : LastLayer;

    public int InputLength => TimeSteps * Features;

    public int OutputUnits => LastLayer.OutputSize;

    public bool OutputIsSequence => LastLayer.OutputIsSequence;

    public int OutputLength => OutputIsSequence ? TimeSteps * OutputUnits : OutputUnits;

    public int ParameterCount
    {
        get
        {
            WeightSpec last = LastLayer.Weights[LastLayer.Weights.Count - 1];
            return last.Offset + last.Length;
        }
    }

    public int StateLength => LastRecurrent.StateOffset + LastRecurrent.StateLength;

    /// <summary>Step can stream the model: no layer goes backwards or is bidirectional (both need the last input first).</summary>
    public bool CanStream => Unstreamable is null;

    /// <summary>The first layer that goes backwards or is bidirectional, which stops the model streaming; else null.</summary>
    public LayerSpec? Unstreamable
    {
        get
        {
            foreach (LayerSpec layer in Layers)
            {
                if (layer.GoBackwards || layer.Bidirectional)
                {
                    return layer;
                }
            }

            return null;
        }
    }

    private LayerSpec LastRecurrent
    {
        get
        {
            for (int l = Layers.Count - 1; l >= 0; l--)
            {
                if (Layers[l].IsRecurrent)
                {
                    return Layers[l];
                }
            }

            return Layers[0];
        }
    }

    // The single SimpleRNN + Dense view, for the single-layer Shape property that such models keep.
    // IsSingleLayer says when it applies.

    /// <summary>Exactly SimpleRNN (with bias, forwards) then Dense (with bias): the tutorial's architecture.</summary>
    public bool IsSingleLayer =>
        Layers.Count == 2
        && Layers[0] is { Kind: LayerKind.SimpleRnn, UseBias: true, GoBackwards: false }
        && Layers[1] is { Kind: LayerKind.Dense, UseBias: true };

    public Activation HiddenActivation => Layers[0].Activation;

    public Activation DenseActivation => LastLayer.Activation;

    public bool ReturnSequences => OutputIsSequence;
}
