namespace RnnGen;

/// <summary>One layer of a <see cref="ModelLayout"/>: its settings, its Keras name, what it is fed, its state and its weights.</summary>
public sealed class LayerLayout
{
    internal LayerLayout(LayerSettings settings, string name, int inputSize, bool inputIsSequence, bool outputIsSequence, int stateOffset, IReadOnlyList<WeightLayout> weights)
    {
        Settings = settings;
        Name = name;
        InputSize = inputSize;
        InputIsSequence = inputIsSequence;
        OutputIsSequence = outputIsSequence;
        StateOffset = stateOffset;
        Weights = weights;
    }

    /// <summary>What the layer attribute said.</summary>
    public LayerSettings Settings { get; }

    /// <summary>The layer's class.</summary>
    public LayerKind Kind => Settings.Kind;

    /// <summary>Keras 3's automatic name: <c>simple_rnn</c>, <c>simple_rnn_1</c>, <c>dense</c>, ...</summary>
    public string Name { get; }

    /// <summary>Values per step fed to the layer: Features for the first, else the previous layer's units.</summary>
    public int InputSize { get; }

    /// <summary>Keras <c>units</c>: values per step the layer outputs.</summary>
    public int Units => Settings.Units;

    /// <summary>Whether the layer is fed a whole sequence (else one vector).</summary>
    public bool InputIsSequence { get; }

    /// <summary>Whether the layer outputs a sequence: a recurrent layer with return_sequences, or a Dense layer fed one.</summary>
    public bool OutputIsSequence { get; }

    /// <summary>First float of this layer's state in <see cref="IRnnModel.State"/>.</summary>
    public int StateOffset { get; }

    /// <summary>Floats of state: <c>[h]</c> (Units) for SimpleRNN, none for Dense.</summary>
    public int StateLength => LayerWeights.StateLength(Kind, Units);

    /// <summary>The layer's <c>get_weights()</c> arrays, in order.</summary>
    public IReadOnlyList<WeightLayout> Weights { get; }

    /// <summary>Floats of all the layer's weights.</summary>
    public int ParameterCount => Weights.Sum(static w => w.Length);

    /// <inheritdoc/>
    public override string ToString() => $"{Name}: {Settings}";
}
