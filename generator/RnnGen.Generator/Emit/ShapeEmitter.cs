using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emit;

/// <summary>
/// The architecture as constants and as <c>Layout</c>, and the <c>IRnnModel</c> properties that
/// expose them; the same for every backend.
/// </summary>
internal static class ShapeEmitter
{
    public static void Emit(SourceWriter writer, ModelSpec spec)
    {
        LayerSpec first = spec.FirstRecurrent;
        Constant(writer, "TimeSteps", spec.TimeSteps.ToString(), "Steps of each input sequence (Keras input_shape[0]).");
        Constant(writer, "Features", spec.Features.ToString(), "Values per time step (Keras input_shape[1]).");
        Constant(writer, "HiddenUnits", first.Units.ToString(), $"Units of the first recurrent layer, {first.Name}.");
        Constant(writer, "DenseUnits", spec.OutputUnits.ToString(), $"Units of the last layer, {spec.LastLayer.Name}: values per step of the output.");
        Constant(writer, "InputLength", "TimeSteps * Features", "Floats in one input sequence, laid out [t * Features + f].");
        Constant(
            writer,
            "OutputLength",
            spec.OutputIsSequence ? "TimeSteps * DenseUnits" : "DenseUnits",
            spec.OutputIsSequence ? "Floats in one output, laid out [t * DenseUnits + d]: the last layer at every step." : "Floats in one output: the last layer's, after the last step.");
        Constant(writer, "ParameterCount", spec.ParameterCount.ToString(), "Floats in Parameters and Gradients.");
        Constant(writer, "StateLength", spec.StateLength.ToString(), "Floats in State: every recurrent layer's state, in order.");

        writer.WriteLine();
        writer.WriteLine("/// <summary>The architecture: layers, weights (names, shapes, offsets into Parameters) and state.</summary>");
        writer.WriteLine($"public static {Names.Layout} Layout {{ get; }} = new(");
        writer.WriteLine($"    TimeSteps, Features, stateful: {Bool(spec.Stateful)},");
        for (int l = 0; l < spec.Layers.Count; l++)
        {
            writer.WriteLine("    " + WrappedSettings(spec.Layers[l]) + (l < spec.Layers.Count - 1 ? "," : ");"));
        }

        writer.WriteLine();
        writer.WriteLine($"{Names.Layout} {Names.Interface}.Layout => Layout;");
        if (spec.IsSingleLayer)
        {
            writer.WriteLine();
            writer.WriteLine("/// <summary>The single-layer shape (SimpleRNN + Dense) this model was generated for.</summary>");
            writer.WriteLine($"public static {Names.Shape} Shape {{ get; }} = new(");
            writer.WriteLine("    global::RnnGen.CellKind.SimpleRnn,");
            writer.WriteLine("    TimeSteps, Features, HiddenUnits, DenseUnits,");
            writer.WriteLine($"    {Names.EnumMember(spec.HiddenActivation)},");
            writer.WriteLine($"    {Names.EnumMember(spec.DenseActivation)},");
            writer.WriteLine($"    ReturnSequences: {Bool(spec.ReturnSequences)},");
            writer.WriteLine($"    Stateful: {Bool(spec.Stateful)});");
            writer.WriteLine();
            writer.WriteLine($"{Names.Shape} {Names.Interface}.Shape => Shape;");
        }

        writer.WriteLine($"int {Names.Interface}.InputLength => InputLength;");
        writer.WriteLine($"int {Names.Interface}.OutputLength => OutputLength;");
        writer.WriteLine($"int {Names.Interface}.ParameterCount => ParameterCount;");
    }

    /// <summary><c>global::RnnGen.LayerSettings.SimpleRnn(64, global::RnnGen.Activation.Tanh, useBias: true, ...)</c>, or Lstm, Gru, Dense.</summary>
    /// <summary><see cref="Settings"/>, with <c>.InBothDirections(global::RnnGen.MergeMode.Sum)</c> for a bidirectional layer.</summary>
    private static string WrappedSettings(LayerSpec layer) =>
        Settings(layer) + (layer.Bidirectional ? $".InBothDirections(global::RnnGen.MergeMode.{layer.MergeMode})" : "");

    private static string Settings(LayerSpec layer) => layer.Kind switch
    {
        LayerKind.Lstm => $"global::RnnGen.LayerSettings.Lstm({layer.Units}, {Names.EnumMember(layer.Activation)}, {Names.EnumMember(layer.RecurrentActivation)}, useBias: {Bool(layer.UseBias)}, unitForgetBias: {Bool(layer.UnitForgetBias)}, returnSequences: {Bool(layer.ReturnSequences)}, goBackwards: {Bool(layer.GoBackwards)})",
        LayerKind.Gru => $"global::RnnGen.LayerSettings.Gru({layer.Units}, {Names.EnumMember(layer.Activation)}, {Names.EnumMember(layer.RecurrentActivation)}, useBias: {Bool(layer.UseBias)}, resetAfter: {Bool(layer.ResetAfter)}, returnSequences: {Bool(layer.ReturnSequences)}, goBackwards: {Bool(layer.GoBackwards)})",
        _ when layer.IsRecurrent => $"global::RnnGen.LayerSettings.SimpleRnn({layer.Units}, {Names.EnumMember(layer.Activation)}, useBias: {Bool(layer.UseBias)}, returnSequences: {Bool(layer.ReturnSequences)}, goBackwards: {Bool(layer.GoBackwards)})",
        _ => $"global::RnnGen.LayerSettings.Dense({layer.Units}, {Names.EnumMember(layer.Activation)}, useBias: {Bool(layer.UseBias)})",
    };

    private static void Constant(SourceWriter writer, string name, string value, string summary)
    {
        writer.WriteLine($"/// <summary>{summary}</summary>");
        writer.WriteLine($"public const int {name} = {value};");
    }

    private static string Bool(bool value) => value ? "true" : "false";
}
