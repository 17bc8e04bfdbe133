using System.Text;
using RnnGen;

namespace Walkthrough.Diagram;

/// <summary>
/// Keras' <c>plot_model(model, show_shapes=True)</c> as Graphviz DOT text: one box per layer with its class,
/// activation, and input and output shapes (batch dimension <c>None</c>). Render with <c>dot -Tpng</c>.
/// </summary>
internal static class ModelDiagram
{
    public static string ToDot(RnnShape shape, string modelName)
    {
        string input = $"(None, {shape.TimeSteps}, {shape.Features})";
        string hidden = shape.ReturnSequences ? $"(None, {shape.TimeSteps}, {shape.HiddenUnits})" : $"(None, {shape.HiddenUnits})";
        string output = shape.ReturnSequences ? $"(None, {shape.TimeSteps}, {shape.DenseUnits})" : $"(None, {shape.DenseUnits})";
        string rnnFlags = (shape.ReturnSequences ? ", return_sequences" : "") + (shape.Stateful ? ", stateful" : "");

        var dot = new StringBuilder();
        dot.AppendLine($"digraph \"{modelName}\" {{");
        dot.AppendLine("  graph [rankdir=TB, label=\"" + modelName + "\", labelloc=t, fontname=Helvetica];");
        dot.AppendLine("  node [shape=record, fontname=Helvetica, fontsize=11];");
        dot.AppendLine(Layer("input_1", "InputLayer", input, input));
        dot.AppendLine(Layer("simple_rnn", $"SimpleRNN({shape.HiddenUnits}, {Keras(shape.HiddenActivation)}{rnnFlags})", input, hidden));
        dot.AppendLine(Layer("dense", $"Dense({shape.DenseUnits}, {Keras(shape.DenseActivation)})", hidden, output));
        dot.AppendLine("  input_1 -> simple_rnn -> dense;");
        dot.AppendLine("}");
        return dot.ToString();
    }

    // Keras' record layout: "name: Class | {input: | output:} | {in shape | out shape}".
    private static string Layer(string name, string kind, string inputShape, string outputShape) =>
        $"  {name} [label=\"{name}: {kind}|{{input:|output:}}|{{{inputShape}|{outputShape}}}\"];";

    private static string Keras(Activation activation) => activation.ToString().ToLowerInvariant();
}
