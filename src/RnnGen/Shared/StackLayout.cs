// Linked into the generator: how a stack of layers is laid out (what each layer is fed, its Keras
// name, where its weights and state go) is written here once, for the generated offsets and for
// the runtime's ModelLayout alike.
using System.Collections.Generic;

#if RNNGEN_GENERATOR
namespace RnnGen.Generator.Model;
#else
namespace RnnGen;
#endif

/// <summary>One weight array of a placed layer: its shape and its first float in Parameters.</summary>
internal readonly struct PlacedWeight
{
    public PlacedWeight(WeightShape shape, int offset)
    {
        Shape = shape;
        Offset = offset;
    }

    public WeightShape Shape { get; }

    public int Offset { get; }
}

/// <summary>Where one layer of a stack sits: what it is fed, its name, its weights and its state.</summary>
internal sealed class PlacedLayer
{
    public PlacedLayer(string name, int inputSize, bool inputIsSequence, bool outputIsSequence, int stateOffset, PlacedWeight[] weights)
    {
        Name = name;
        InputSize = inputSize;
        InputIsSequence = inputIsSequence;
        OutputIsSequence = outputIsSequence;
        StateOffset = stateOffset;
        Weights = weights;
    }

    /// <summary>Keras 3's automatic name: <c>simple_rnn</c>, <c>simple_rnn_1</c>, <c>dense</c>...</summary>
    public string Name { get; }

    public int InputSize { get; }

    public bool InputIsSequence { get; }

    /// <summary>A recurrent layer with return_sequences, or a Dense layer fed a sequence.</summary>
    public bool OutputIsSequence { get; }

    public int StateOffset { get; }

    public PlacedWeight[] Weights { get; }
}

/// <summary>Lays out a stack: each layer's input size, sequence flags, Keras name, weight offsets and state offset.</summary>
internal static class StackLayout
{
    public static PlacedLayer[] Place(int features, IReadOnlyList<(LayerKind Kind, int Units, bool UseBias, bool ReturnSequences)> layers) =>
        Place(features, layers, out _);

    /// <summary>
    /// As <see cref="Place(int, IReadOnlyList{ValueTuple{LayerKind, int, bool, bool}})"/>, also counting every weight's
    /// floats in 64 bits: a stack the size limit refuses can hold more than an int counts, and then
    /// its offsets are not meaningful (they wrap), but <paramref name="parameterCount"/> is.
    /// </summary>
    public static PlacedLayer[] Place(int features, IReadOnlyList<(LayerKind Kind, int Units, bool UseBias, bool ReturnSequences)> layers, out long parameterCount)
    {
        var placed = new PlacedLayer[layers.Count];
        var ordinals = new Dictionary<LayerKind, int>();
        int inputSize = features, stateOffset = 0;
        long offset = 0;
        bool sequence = true;
        for (int l = 0; l < layers.Count; l++)
        {
            var (kind, units, useBias, returnSequences) = layers[l];
            ordinals.TryGetValue(kind, out int ordinal);
            ordinals[kind] = ordinal + 1;

            var weights = new PlacedWeight[LayerWeights.Count(kind, useBias)];
            for (int w = 0; w < weights.Length; w++)
            {
                WeightShape shape = LayerWeights.Shape(kind, w, inputSize, units);
                weights[w] = new PlacedWeight(shape, unchecked((int)offset));
                offset += shape.Length;
            }

            bool outputIsSequence = LayerWeights.IsRecurrent(kind) ? returnSequences : sequence;
            placed[l] = new PlacedLayer(LayerWeights.LayerName(kind, ordinal), inputSize, sequence, outputIsSequence, stateOffset, weights);
            stateOffset += LayerWeights.StateLength(kind, units);
            inputSize = units;
            sequence = outputIsSequence;
        }

        parameterCount = offset;
        return placed;
    }
}
