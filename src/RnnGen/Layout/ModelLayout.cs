using System.Globalization;

namespace RnnGen;

/// <summary>
/// A model's architecture and the layout of its buffers: the layers in order (Keras
/// <c>Sequential</c>), every weight's place in <see cref="IRnnModel.Parameters"/> in Keras
/// <c>model.get_weights()</c> order, and every layer's place in <see cref="IRnnModel.State"/>.
/// Two layouts are equal when they describe the same architecture; weight files carry one so
/// that weights only ever load into a model they fit.
/// </summary>
public sealed class ModelLayout : IEquatable<ModelLayout>
{
    private readonly LayerSettings[] _settings;

    /// <summary>Lays out a stack of layers over sequences of <paramref name="timeSteps"/> × <paramref name="features"/>.</summary>
    /// <exception cref="ArgumentException">
    /// A size is not positive, there is no recurrent layer, or a recurrent layer that is not the last
    /// one does not return sequences (Keras refuses such a stack too).
    /// </exception>
    public ModelLayout(int timeSteps, int features, bool stateful, params LayerSettings[] layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentOutOfRangeException.ThrowIfLessThan(timeSteps, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(features, 1);
        Validate(layers);

        TimeSteps = timeSteps;
        Features = features;
        Stateful = stateful;
        _settings = (LayerSettings[])layers.Clone();

        PlacedLayer[] placed = StackLayout.Place(
            features,
            layers.Select(static layer => new StackEntry(layer.Kind, layer.Units, layer.UseBias, layer.ReturnSequences, layer.ResetAfter, layer.Bidirectional, layer.MergeMode)).ToArray(),
            out long parameterCount);
        if (parameterCount > int.MaxValue)
        {
            throw new ArgumentException($"The layers hold {parameterCount.ToString(CultureInfo.InvariantCulture)} parameters; at most {int.MaxValue.ToString(CultureInfo.InvariantCulture)} fit in one span.", nameof(layers));
        }

        var laidOut = new List<LayerLayout>(layers.Length);
        var weights = new List<WeightLayout>();
        for (int l = 0; l < layers.Length; l++)
        {
            PlacedLayer place = placed[l];
            WeightLayout[] layerWeights = place.Weights
                .Select(w => new WeightLayout($"{place.Name}/{w.Shape.Name}", l, w.Offset, w.Shape.Rows, w.Shape.Columns, w.Shape.IsVector))
                .ToArray();
            laidOut.Add(new LayerLayout(layers[l], place.Name, place.InputSize, place.OutputSize, place.InputIsSequence, place.OutputIsSequence, place.StateOffset, place.StateLength, layerWeights));
            weights.AddRange(layerWeights);
        }

        Layers = laidOut;
        Weights = weights;
        ParameterCount = weights[^1].Offset + weights[^1].Length;
        StateLength = laidOut.Sum(static layer => layer.StateLength);
        OutputUnits = laidOut[^1].OutputSize;
        OutputIsSequence = laidOut[^1].OutputIsSequence;
    }

    /// <summary>Steps of each input sequence (Keras <c>input_shape[0]</c>).</summary>
    public int TimeSteps { get; }

    /// <summary>Values per time step (Keras <c>input_shape[1]</c>).</summary>
    public int Features { get; }

    /// <summary>Keras <c>stateful</c>, for every recurrent layer.</summary>
    public bool Stateful { get; }

    /// <summary>The layers, in order.</summary>
    public IReadOnlyList<LayerLayout> Layers { get; }

    /// <summary>Every weight array, in Keras <c>model.get_weights()</c> order.</summary>
    public IReadOnlyList<WeightLayout> Weights { get; }

    /// <summary>Floats in Parameters and Gradients.</summary>
    public int ParameterCount { get; }

    /// <summary>Floats in State: every recurrent layer's state, in order.</summary>
    public int StateLength { get; }

    /// <summary>Values per step of the model's output: the last layer's units.</summary>
    public int OutputUnits { get; }

    /// <summary>Whether the model outputs a sequence (<c>[t * OutputUnits + d]</c>) rather than one vector.</summary>
    public bool OutputIsSequence { get; }

    /// <summary>Floats in one input sequence: <c>TimeSteps * Features</c>, laid out <c>[t * Features + f]</c>.</summary>
    public int InputLength => TimeSteps * Features;

    /// <summary>Floats in one output: OutputUnits, times TimeSteps when the output is a sequence.</summary>
    public int OutputLength => OutputIsSequence ? TimeSteps * OutputUnits : OutputUnits;

    /// <summary>Whether <see cref="IRnnModel.Step"/> can stream this model: no layer goes backwards or is bidirectional, since those need the whole sequence first.</summary>
    public bool CanStream => !_settings.Any(static layer => layer.GoBackwards || layer.Bidirectional);

    /// <summary>The weight called <paramref name="name"/>, e.g. <c>dense/kernel</c>.</summary>
    /// <exception cref="KeyNotFoundException">The model has no weight of that name.</exception>
    public WeightLayout Weight(string name) =>
        Weights.FirstOrDefault(w => w.Name == name)
        ?? throw new KeyNotFoundException($"The model has no weight '{name}'; its weights are {string.Join(", ", Weights.Select(static w => w.Name))}.");

    /// <summary>The weight array that holds Parameters[<paramref name="parameterIndex"/>].</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside Parameters.</exception>
    internal WeightLayout WeightContaining(int parameterIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(parameterIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(parameterIndex, ParameterCount);
        return Weights.Last(w => w.Offset <= parameterIndex);
    }

    /// <inheritdoc/>
    public bool Equals(ModelLayout? other) =>
        other is not null
        && TimeSteps == other.TimeSteps
        && Features == other.Features
        && Stateful == other.Stateful
        && _settings.AsSpan().SequenceEqual(other._settings);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ModelLayout);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(TimeSteps);
        hash.Add(Features);
        hash.Add(Stateful);
        foreach (LayerSettings layer in _settings)
        {
            hash.Add(layer);
        }

        return hash.ToHashCode();
    }

    /// <summary>E.g. <c>SimpleRNN(64, tanh, return_sequences) → Dense(1, linear) over 24 steps × 3 features</c>.</summary>
    public override string ToString() =>
        string.Join(" → ", _settings.Select(static layer => layer.ToString()))
        + $" over {TimeSteps.ToString(CultureInfo.InvariantCulture)} steps × {Features.ToString(CultureInfo.InvariantCulture)} feature{(Features == 1 ? "" : "s")}"
        + (Stateful ? ", stateful" : "");

    private static void Validate(LayerSettings[] layers)
    {
        if (!layers.Any(static layer => layer.IsRecurrent))
        {
            throw new ArgumentException("A model needs at least one recurrent layer.", nameof(layers));
        }

        int lastRecurrent = Array.FindLastIndex(layers, static layer => layer.IsRecurrent);
        for (int l = 0; l < layers.Length; l++)
        {
            LayerSettings layer = layers[l];
            if (layer.Units < 1)
            {
                throw new ArgumentException($"Layer {l.ToString(CultureInfo.InvariantCulture)} ({layer}) has {layer.Units.ToString(CultureInfo.InvariantCulture)} units; expected at least 1.", nameof(layers));
            }

            if (!Enum.IsDefined(layer.Activation))
            {
                throw new ArgumentException($"Layer {l.ToString(CultureInfo.InvariantCulture)} has an undefined activation ({((int)layer.Activation).ToString(CultureInfo.InvariantCulture)}).", nameof(layers));
            }

            if (!Enum.IsDefined(layer.Kind) || !Enum.IsDefined(layer.RecurrentActivation) || !Enum.IsDefined(layer.MergeMode))
            {
                throw new ArgumentException($"Layer {l.ToString(CultureInfo.InvariantCulture)} has an undefined kind, recurrent activation or merge mode.", nameof(layers));
            }

            if (!layer.IsRecurrent && (layer.ReturnSequences || layer.GoBackwards || layer.Bidirectional))
            {
                throw new ArgumentException($"Layer {l.ToString(CultureInfo.InvariantCulture)} is Dense: return_sequences, go_backwards and Bidirectional apply to recurrent layers only.", nameof(layers));
            }

            if (NotApplicable(layer) is string option)
            {
                throw new ArgumentException($"Layer {l.ToString(CultureInfo.InvariantCulture)} is {LayerWeights.ClassName(layer.Kind)}, which has no {option}; leave it at its default.", nameof(layers));
            }

            if (layer.IsRecurrent && l < lastRecurrent && !layer.ReturnSequences)
            {
                throw new ArgumentException(
                    $"Layer {l.ToString(CultureInfo.InvariantCulture)} ({layer}) feeds another recurrent layer, so it must return sequences (return_sequences=True), as Keras requires.",
                    nameof(layers));
            }
        }
    }

    /// <summary>The first option set away from its default on a layer kind that does not have it, or null.</summary>
    private static string? NotApplicable(LayerSettings layer)
    {
        if (!layer.IsGated && layer.RecurrentActivation != Activation.Sigmoid)
        {
            return "recurrent_activation";
        }

        if (layer.Kind != LayerKind.Lstm && !layer.UnitForgetBias)
        {
            return "unit_forget_bias";
        }

        if (layer.Kind != LayerKind.Gru && !layer.ResetAfter)
        {
            return "reset_after";
        }

        return !layer.Bidirectional && layer.MergeMode != MergeMode.Concat ? "merge_mode (it is not bidirectional)" : null;
    }

    /// <summary>Equal architectures.</summary>
    public static bool operator ==(ModelLayout? left, ModelLayout? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Different architectures.</summary>
    public static bool operator !=(ModelLayout? left, ModelLayout? right) => !(left == right);
}
