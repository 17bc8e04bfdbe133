using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emit;

/// <summary>The shape as constants, and the <c>IRnnModel</c> properties that expose them.</summary>
internal static class ShapeEmitter
{
    public static void Emit(SourceWriter writer, ModelSpec spec)
    {
        Constant(writer, "TimeSteps", spec.TimeSteps.ToString(), "Steps of each input sequence (Keras input_shape[0]).");
        Constant(writer, "Features", spec.Features.ToString(), "Values per time step (Keras input_shape[1]).");
        Constant(writer, "HiddenUnits", spec.HiddenUnits.ToString(), "Units of the SimpleRNN layer.");
        Constant(writer, "DenseUnits", spec.DenseUnits.ToString(), "Units of the Dense layer.");
        Constant(writer, "InputLength", "TimeSteps * Features", "Floats in one input sequence, laid out [t * Features + f].");
        Constant(
            writer,
            "OutputLength",
            spec.ReturnSequences ? "TimeSteps * DenseUnits" : "DenseUnits",
            spec.ReturnSequences ? "Floats in one output, laid out [t * DenseUnits + d] (return_sequences)." : "Floats in one output: the Dense layer on the last step.");
        Constant(
            writer,
            "ParameterCount",
            "Features * HiddenUnits + HiddenUnits * HiddenUnits + HiddenUnits + HiddenUnits * DenseUnits + DenseUnits",
            "Floats in Parameters and Gradients.");

        writer.WriteLine();
        writer.WriteLine("/// <summary>The shape this model was generated for.</summary>");
        writer.WriteLine($"public static {Names.Shape} Shape {{ get; }} = new(");
        writer.WriteLine("    global::RnnGen.CellKind.SimpleRnn,");
        writer.WriteLine("    TimeSteps, Features, HiddenUnits, DenseUnits,");
        writer.WriteLine($"    {Names.EnumMember(spec.HiddenActivation)},");
        writer.WriteLine($"    {Names.EnumMember(spec.DenseActivation)},");
        writer.WriteLine($"    ReturnSequences: {Bool(spec.ReturnSequences)},");
        writer.WriteLine($"    Stateful: {Bool(spec.Stateful)});");
        writer.WriteLine();
        writer.WriteLine($"{Names.Shape} {Names.Interface}.Shape => Shape;");
        writer.WriteLine($"int {Names.Interface}.InputLength => InputLength;");
        writer.WriteLine($"int {Names.Interface}.OutputLength => OutputLength;");
        writer.WriteLine($"int {Names.Interface}.ParameterCount => ParameterCount;");
    }

    private static void Constant(SourceWriter writer, string name, string value, string summary)
    {
        writer.WriteLine($"/// <summary>{summary}</summary>");
        writer.WriteLine($"public const int {name} = {value};");
    }

    private static string Bool(bool value) => value ? "true" : "false";
}
