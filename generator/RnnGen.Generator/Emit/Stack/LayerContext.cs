using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emit.Stack;

/// <summary>
/// What a layer's emitter is given by a pass: the layer, where its input is, where the gradient of
/// its input goes, the names of its buffers and weights, and the backend to write operations with.
/// </summary>
internal sealed class LayerContext
{
    public LayerContext(ModelSpec spec, LayerSpec layer, Buffers buffers, string input, string? inputGradient)
    {
        Spec = spec;
        Layer = layer;
        Buffers = buffers;
        Input = input;
        InputGradient = inputGradient;
    }

    public ModelSpec Spec { get; }

    public LayerSpec Layer { get; }

    public Buffers Buffers { get; }

    public IVectorBackend Ops => LoopsBackend.Instance;

    /// <summary>The span of the layer's input: <c>input</c>, or the previous layer's output.</summary>
    public string Input { get; }

    /// <summary>Where d loss / d input goes (the previous layer's output gradients), or null for the first layer.</summary>
    public string? InputGradient { get; }

    public int T => Spec.TimeSteps;

    public int U => Layer.Units;

    public int In => Layer.InputSize;

    /// <summary>The local naming one of the layer's buffers in a pass.</summary>
    public string Buffer(BufferRole role) => Buffers.Of(Layer, role).Name;

    /// <summary>
    /// The layer's output as a span expression: a recurrent layer's h_1..h_T (return_sequences) or
    /// h_T, a Dense layer's outputs.
    /// </summary>
    public static string OutputOf(ModelSpec spec, Buffers buffers, LayerSpec layer)
    {
        if (!layer.IsRecurrent)
        {
            return buffers.Of(layer, BufferRole.Outputs).Name;
        }

        string states = buffers.Of(layer, BufferRole.States).Name;
        return layer.ReturnSequences
            ? $"{states}.Slice({layer.Units}, {spec.TimeSteps * layer.Units})"
            : $"{states}.Slice({spec.TimeSteps * layer.Units}, {layer.Units})";
    }

    /// <summary>
    /// <c>ReadOnlySpan&lt;float&gt; kernel = parameters.Slice(o, n); // layer/kernel [rows, columns]</c> for
    /// each weight, and with <paramref name="gradients"/> the matching <c>kernelGradient</c> spans.
    /// </summary>
    public void WriteWeights(SourceWriter writer, bool gradients)
    {
        foreach (WeightSpec weight in Layer.Weights)
        {
            string local = WeightLocal(weight.Name);
            string shape = weight.IsVector ? $"[{weight.Columns}]" : $"[{weight.Rows}, {weight.Columns}]";
            writer.WriteLine($"ReadOnlySpan<float> {local} = parameters.Slice({weight.Offset}, {weight.Length}); // {Layer.Name}/{weight.Name} {shape}");
            if (gradients)
            {
                writer.WriteLine($"Span<float> {local}Gradient = gradients.Slice({weight.Offset}, {weight.Length});");
            }
        }
    }

    /// <summary><c>kernel</c>, <c>recurrentKernel</c>, <c>bias</c>.</summary>
    public static string WeightLocal(string kerasName) => kerasName switch
    {
        LayerWeights.RecurrentKernel => "recurrentKernel",
        LayerWeights.Bias => "bias",
        _ => "kernel",
    };

    /// <summary>The bias local, or null for a layer without bias.</summary>
    public string? Bias => Layer.UseBias ? "bias" : null;
}
