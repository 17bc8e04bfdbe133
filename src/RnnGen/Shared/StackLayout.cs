// Linked into the generator: how a stack of layers is laid out (what each layer is fed, its Keras
// name, where its weights and state go) is written here once, for the generated offsets and for
// the runtime's ModelLayout alike.
using System.Collections.Generic;
using System.Linq;

#if RNNGEN_GENERATOR
namespace RnnGen.Generator.Model;
#else
namespace RnnGen;
#endif

/// <summary>What the layout of one layer depends on: the options of its attribute that shape its weights, state and output.</summary>
internal readonly struct StackEntry
{
    public StackEntry(LayerKind kind, int units, bool useBias, bool returnSequences, bool resetAfter = false, bool bidirectional = false, MergeMode mergeMode = MergeMode.Concat)
    {
        Kind = kind;
        Units = units;
        UseBias = useBias;
        ReturnSequences = returnSequences;
        ResetAfter = resetAfter;
        Bidirectional = bidirectional;
        MergeMode = mergeMode;
    }

    public LayerKind Kind { get; }

    public int Units { get; }

    public bool UseBias { get; }

    public bool ReturnSequences { get; }

    /// <summary>GRU only: the reset gate applied after the recurrent product (a <c>[2, 3U]</c> bias).</summary>
    public bool ResetAfter { get; }

    /// <summary>Recurrent layers only: wrapped in Keras <c>Bidirectional</c>.</summary>
    public bool Bidirectional { get; }

    public MergeMode MergeMode { get; }
}

/// <summary>One weight array of a placed layer: its shape and its first float in Parameters.</summary>
internal readonly struct PlacedWeight
{
    public PlacedWeight(WeightShape shape, int offset)
    {
        Shape = shape;
        Offset = offset;
    }

    /// <summary>Its shape; its name is relative to the layer (<c>kernel</c>, or <c>forward_lstm/kernel</c> in a bidirectional layer).</summary>
    public WeightShape Shape { get; }

    public int Offset { get; }
}

/// <summary>Where one layer of a stack sits: what it is fed, its name, its weights and its state.</summary>
internal sealed class PlacedLayer
{
    public PlacedLayer(string name, string? innerName, int inputSize, int outputSize, bool inputIsSequence, bool outputIsSequence, int stateOffset, int stateLength, PlacedWeight[] weights)
    {
        Name = name;
        InnerName = innerName;
        InputSize = inputSize;
        OutputSize = outputSize;
        InputIsSequence = inputIsSequence;
        OutputIsSequence = outputIsSequence;
        StateOffset = stateOffset;
        StateLength = stateLength;
        Weights = weights;
    }

    /// <summary>Keras 3's automatic name: <c>simple_rnn</c>, <c>simple_rnn_1</c>, <c>dense</c>, <c>bidirectional</c>...</summary>
    public string Name { get; }

    /// <summary>In a bidirectional layer, the wrapped layer's own name (<c>lstm</c>: its directions are <c>forward_lstm</c>, <c>backward_lstm</c>); else null.</summary>
    public string? InnerName { get; }

    public int InputSize { get; }

    /// <summary>Floats per output step: the units, or twice them for a bidirectional layer that concatenates.</summary>
    public int OutputSize { get; }

    public bool InputIsSequence { get; }

    /// <summary>A recurrent layer with return_sequences, or a Dense layer fed a sequence.</summary>
    public bool OutputIsSequence { get; }

    public int StateOffset { get; }

    /// <summary>Floats of State, both directions of a bidirectional layer (forward first).</summary>
    public int StateLength { get; }

    /// <summary>In <c>get_weights()</c> order: a bidirectional layer's forward direction's, then its backward direction's.</summary>
    public PlacedWeight[] Weights { get; }
}

/// <summary>Lays out a stack: each layer's input size, sequence flags, Keras name, weight offsets and state offset.</summary>
internal static class StackLayout
{
    public static PlacedLayer[] Place(int features, IReadOnlyList<(LayerKind Kind, int Units, bool UseBias, bool ReturnSequences)> layers) =>
        Place(features, Entries(layers), out _);

    /// <summary>
    /// As <see cref="Place(int, IReadOnlyList{ValueTuple{LayerKind, int, bool, bool}})"/>, and the parameter count in 64 bits:
    /// offsets past <see cref="int.MaxValue"/> wrap (unchecked), so callers check the count against their limit first.
    /// </summary>
    public static PlacedLayer[] Place(int features, IReadOnlyList<(LayerKind Kind, int Units, bool UseBias, bool ReturnSequences)> layers, out long parameterCount) =>
        Place(features, Entries(layers), out parameterCount);

    /// <summary>Lays out layers with every option that shapes them; offsets past <see cref="int.MaxValue"/> wrap, as above.</summary>
    public static PlacedLayer[] Place(int features, IReadOnlyList<StackEntry> layers, out long parameterCount)
    {
        var placed = new PlacedLayer[layers.Count];

        // Keras numbers automatic names per class: a wrapped layer takes its kind's number, the wrapper its own.
        var ordinals = new Dictionary<string, int>();
        int inputSize = features, stateOffset = 0;
        long offset = 0;
        bool sequence = true;
        for (int l = 0; l < layers.Count; l++)
        {
            StackEntry layer = layers[l];
            string ownName = Next(ordinals, LayerWeights.NameStem(layer.Kind));
            bool bidirectional = layer.Bidirectional && LayerWeights.IsRecurrent(layer.Kind);
            string name = bidirectional ? Next(ordinals, LayerWeights.BidirectionalStem) : ownName;

            int count = LayerWeights.Count(layer.Kind, layer.UseBias);
            var weights = new PlacedWeight[(bidirectional ? 2 : 1) * count];
            for (int w = 0; w < weights.Length; w++)
            {
                WeightShape shape = LayerWeights.Shape(layer.Kind, w % count, inputSize, layer.Units, layer.ResetAfter);
                if (bidirectional)
                {
                    string direction = w < count ? "forward_" : "backward_";
                    shape = new WeightShape(direction + ownName + "/" + shape.Name, shape.Rows, shape.Columns, shape.IsVector);
                }

                weights[w] = new PlacedWeight(shape, unchecked((int)offset));
                offset += shape.Length;
            }

            bool outputIsSequence = LayerWeights.IsRecurrent(layer.Kind) ? layer.ReturnSequences : sequence;
            int outputSize = LayerWeights.OutputSize(layer.Units, bidirectional, layer.MergeMode);
            int stateLength = LayerWeights.StateLength(layer.Kind, layer.Units, bidirectional);
            placed[l] = new PlacedLayer(name, bidirectional ? ownName : null, inputSize, outputSize, sequence, outputIsSequence, stateOffset, stateLength, weights);
            stateOffset += stateLength;
            inputSize = outputSize;
            sequence = outputIsSequence;
        }

        parameterCount = offset;
        return placed;
    }

    private static StackEntry[] Entries(IReadOnlyList<(LayerKind Kind, int Units, bool UseBias, bool ReturnSequences)> layers) =>
        layers.Select(static layer => new StackEntry(layer.Kind, layer.Units, layer.UseBias, layer.ReturnSequences)).ToArray();

    private static string Next(Dictionary<string, int> ordinals, string stem)
    {
        ordinals.TryGetValue(stem, out int ordinal);
        ordinals[stem] = ordinal + 1;
        return LayerWeights.Numbered(stem, ordinal);
    }
}
