using System.Globalization;
using System.Text;
using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emit;

/// <summary>
/// <c>Summary()</c>: Keras' <c>model.summary()</c> table, formatted at compile time into one
/// constant string, so the method allocates nothing.
/// </summary>
internal static class SummaryEmitter
{
    private const string Rule = "_________________________________________________________________";
    private const string DoubleRule = "=================================================================";

    /// <summary><c>public const string SummaryText = ...;</c>, one literal per line of the table.</summary>
    public static void WriteConstant(SourceWriter writer, ModelSpec spec)
    {
        writer.WriteLine("public const string SummaryText =");
        string[] lines = Table(spec).Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string literal = Literal(lines[i] + (i < lines.Length - 1 ? "\n" : ""));
            writer.WriteLine("    " + literal + (i < lines.Length - 1 ? " +" : ";"));
        }
    }

    internal static string Table(ModelSpec spec)
    {
        var text = new StringBuilder();
        text.Append("Model: \"").Append(spec.Type.Name).Append("\"\n");
        text.Append(Rule).Append('\n');
        text.Append(Row("Layer (type)", "Output Shape", "Param #")).Append('\n');
        text.Append(DoubleRule).Append('\n');
        foreach (LayerSpec layer in spec.Layers)
        {
            string time = layer.OutputIsSequence ? $"{spec.TimeSteps}, " : "";
            text.Append(Row($"{layer.Name} ({(layer.Bidirectional ? LayerWeights.BidirectionalClassName : LayerWeights.ClassName(layer.Kind))})", $"(None, {time}{layer.OutputSize})", Count(layer.ParameterCount))).Append('\n');
        }

        text.Append(DoubleRule).Append('\n');
        text.Append("Total params: ").Append(Count(spec.ParameterCount)).Append('\n');
        text.Append("Trainable params: ").Append(Count(spec.ParameterCount)).Append('\n');
        text.Append("Non-trainable params: 0").Append('\n');
        text.Append(Rule);
        return text.ToString();
    }

    // Columns of 29 and 26 characters, and at least one space after a longer entry (bidirectional (Bidirectional)).
    private static string Row(string layer, string shape, string parameters) =>
        (" " + layer).PadRight(28) + " " + shape.PadRight(25) + " " + parameters;

    private static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Literal(string value) =>
        "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n") + "\"";
}
