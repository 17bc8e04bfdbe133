using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emit.Stack;

/// <summary>The maths of one layer kind, written once against <see cref="IVectorBackend"/> (and <see cref="IGradientBackend"/> for BPTT); the passes decide when it runs.</summary>
internal interface ILayerEmitter
{
    /// <summary>The layer's formula, for the generated comments.</summary>
    string Formula(LayerSpec layer);

    /// <summary>The whole sequence (or vector), from <see cref="LayerContext.Input"/> into the layer's forward buffer.</summary>
    void Forward(SourceWriter writer, LayerContext context);

    /// <summary>One streaming step from the vector at <paramref name="x"/>, advancing State; returns where the layer's output is.</summary>
    Place Step(SourceWriter writer, LayerContext context, Place x);

    /// <summary>
    /// From d loss / d output (the layer's OutputGradients) to its weights' gradients, and to d loss /
    /// d input when <see cref="LayerContext.InputGradient"/> is set.
    /// </summary>
    void Backward(SourceWriter writer, LayerContext context);
}

internal static class LayerEmitters
{
    public static ILayerEmitter For(LayerKind kind) => kind switch
    {
        LayerKind.Dense => DenseLayer.Instance,
        LayerKind.Lstm => LstmLayer.Instance,
        LayerKind.Gru => GruLayer.Instance,
        _ => SimpleRnnLayer.Instance,
    };
}
