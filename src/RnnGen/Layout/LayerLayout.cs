namespace RnnGen;

/// <summary>One layer of a <see cref="ModelLayout"/>: its settings, its Keras name, what it is fed, its state and its weights.</summary>
public sealed class LayerLayout
{
    internal LayerLayout(LayerSettings settings, string name, int inputSize, int outputSize, bool inputIsSequence, bool outputIsSequence, int stateOffset, int stateLength, IReadOnlyList<WeightLayout> weights)
    {
        Settings = settings;
        Name = name;
        InputSize = inputSize;
        OutputSize = outputSize;
        StateLength = stateLength;
        InputIsSequence = inputIsSequence;
        OutputIsSequence = outputIsSequence;
        StateOffset = stateOffset;
        Weights = weights;
    }

    /// <summary>What the layer attribute said.</summary>
    public LayerSettings Settings { get; }

    /// <summary>The layer's class.</summary>
    public LayerKind Kind => Settings.Kind;

    /// <summary>Keras 3's automatic name: <c>simple_rnn</c>, <c>simple_rnn_1</c>, <c>lstm</c>, <c>dense</c>, <c>bidirectional</c>, ...</summary>
    public string Name { get; }

    /// <summary>Values per step fed to the layer: Features for the first, else the previous layer's <see cref="OutputSize"/>.</summary>
    public int InputSize { get; }

    /// <summary>Keras <c>units</c>: values per step each direction outputs.</summary>
    public int Units => Settings.Units;

    /// <summary>Values per step the layer outputs: <see cref="Units"/>, or twice that for a bidirectional layer that concatenates.</summary>
    public int OutputSize { get; }

    /// <summary>Whether the layer is fed a whole sequence (else one vector).</summary>
    public bool InputIsSequence { get; }

    /// <summary>Whether the layer outputs a sequence: a recurrent layer with return_sequences, or a Dense layer fed one.</summary>
    public bool OutputIsSequence { get; }

    /// <summary>First float of this layer's state in <see cref="IRnnModel.State"/>.</summary>
    public int StateOffset { get; }

    /// <summary>Floats of state: <c>[h]</c> (Units) for SimpleRNN and GRU, <c>[h, c]</c> for LSTM, none for Dense; both directions (forward first) of a bidirectional layer.</summary>
    public int StateLength { get; }

    /// <summary>The layer's <c>get_weights()</c> arrays, in order.</summary>
    public IReadOnlyList<WeightLayout> Weights { get; }

    /// <summary>Floats of all the layer's weights.</summary>
    public int ParameterCount => Weights.Sum(static w => w.Length);

    /// <inheritdoc/>
    public override string ToString() => $"{Name}: {Settings}";
}
