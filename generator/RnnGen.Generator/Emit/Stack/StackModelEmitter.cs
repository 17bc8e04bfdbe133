using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emit.Stack;

/// <summary>
/// The members a layered model adds to the user's type: one private field (the float array that
/// <see cref="Buffers"/> lays out), the constructors, the span views and the public operations,
/// each a guard and a call into the passes.
/// </summary>
internal static class StackModelEmitter
{
    public static void Emit(SourceWriter writer, ModelSpec spec, Buffers buffers)
    {
        string passes = "global::RnnGen.Generated." + StackPasses.ClassName(spec);
        writer.WriteLine($"// Every float of the model, laid out by {StackPasses.ClassName(spec)} below: Parameters, Gradients, State, then each layer's buffers.");
        writer.WriteLine("private readonly float[] _floats;");
        // A struct's default value has no array: every member then throws a clear error instead.
        string array = spec.Type.Keyword.Contains("struct") ? $"{passes}.Constructed(_floats)" : "_floats";
        string floats = $"{passes}.Aligned({array})";
        writer.WriteLine();
        WriteConstructors(writer, spec, passes);
        writer.WriteLine();
        WriteViews(writer, spec, buffers, floats);
        writer.WriteLine();
        WriteOperations(writer, spec, buffers, passes, floats);
        writer.WriteLine();
        writer.WriteLine("/// <summary>A Keras-like table of the layers, their output shapes and parameter counts.</summary>");
        if (array == "_floats")
        {
            writer.WriteLine($"public string Summary() => {passes}.SummaryText;");
            return;
        }

        using (writer.Block("public string Summary()"))
        {
            writer.WriteLine($"_ = {array};");
            writer.WriteLine($"return {passes}.SummaryText;");
        }
    }

    private static void WriteConstructors(SourceWriter writer, ModelSpec spec, string passes)
    {
        string constructor = StackPasses.ConstructorName(spec);
        writer.WriteLine("/// <summary>Creates the model with Keras' default initial weights, from a random seed.</summary>");
        writer.WriteLine($"public {constructor}() : this(global::System.Random.Shared.Next())");
        using (writer.Block())
        {
        }

        writer.WriteLine();
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// Creates the model with Keras' default initial weights: glorot_uniform kernels, orthogonal");
        writer.WriteLine("/// recurrent kernels, zero biases; the same <paramref name=\"seed\"/> gives the same weights.");
        writer.WriteLine("/// </summary>");
        using (writer.Block($"public {constructor}(int seed)"))
        {
            writer.WriteLine("// Pinned, so the 64-byte boundary every buffer is laid out from never moves.");
            writer.WriteLine($"_floats = global::System.GC.AllocateArray<float>({passes}.Length + {passes}.Slack, pinned: true);");
            writer.WriteLine($"{passes}.Initialize({passes}.Aligned(_floats), seed);");
        }
    }

    private static void WriteViews(SourceWriter writer, ModelSpec spec, Buffers buffers, string floats)
    {
        writer.WriteLine("/// <summary>All weights in Keras get_weights() order, row-major; Layout gives each one's offset and shape.</summary>");
        writer.WriteLine($"public {Names.Span} Parameters => {View(floats, buffers.Parameters.Offset, buffers.Parameters.Length)};");
        writer.WriteLine();
        LayerSpec first = spec.FirstRecurrent;
        WeightView(writer, floats, "Kernel", first, first.Kernel, "the first recurrent layer's kernel (the tutorial's wx)");
        WeightView(writer, floats, "RecurrentKernel", first, first.RecurrentKernel, "the first recurrent layer's recurrent kernel (wh)");
        WeightView(writer, floats, "Bias", first, first.Bias, "the first recurrent layer's bias (bh)");
        LayerSpec? dense = spec.FinalDense;
        WeightView(writer, floats, "DenseKernel", dense, dense?.Kernel, "the last Dense layer's kernel (wy)");
        WeightView(writer, floats, "DenseBias", dense, dense?.Bias, "the last Dense layer's bias (by)");
        writer.WriteLine("/// <summary>d loss / d Parameters, same layout; Backward adds into it.</summary>");
        writer.WriteLine($"public {Names.Span} Gradients => {View(floats, buffers.Gradients.Offset, buffers.Gradients.Length)};");
        writer.WriteLine();
        writer.WriteLine("/// <summary>Every recurrent layer's state, in order (Layout gives each one's offset): where a stateful model starts and ends each call, and what Step advances.</summary>");
        writer.WriteLine($"public {Names.Span} State => {View(floats, buffers.State.Offset, buffers.State.Length)};");
        writer.WriteLine();
        writer.WriteLine("/// <summary>Sets every gradient to zero.</summary>");
        writer.WriteLine($"public void ClearGradients() => {floats}.Slice({buffers.Gradients.Offset}, {buffers.Gradients.Length}).Clear();");
        writer.WriteLine();
        writer.WriteLine("/// <summary>Sets State to zeros (Keras reset_states()).</summary>");
        writer.WriteLine($"public void ResetStates() => {floats}.Slice({buffers.State.Offset}, {buffers.State.Length}).Clear();");
    }

    private static void WeightView(SourceWriter writer, string floats, string name, LayerSpec? layer, WeightSpec? weight, string what)
    {
        if (layer is null || weight is null)
        {
            string reason = layer is null ? "the model ends in a recurrent layer" : $"{layer.Name} has no bias";
            writer.WriteLine($"/// <summary>Empty: {what} does not exist, as {reason}.</summary>");
            writer.WriteLine($"public {Names.Span} {name} => {Names.Span}.Empty;");
            writer.WriteLine();
            return;
        }

        string shape = weight.IsVector ? $"[{weight.Columns}]" : $"[{weight.Rows}, {weight.Columns}]";
        writer.WriteLine($"/// <summary>{layer.Name}/{weight.Name} {shape}, row-major: {what}. A view of Parameters.</summary>");
        writer.WriteLine($"public {Names.Span} {name} => {View(floats, weight.Offset, weight.Length)};");
        writer.WriteLine();
    }

    private static void WriteOperations(SourceWriter writer, ModelSpec spec, Buffers buffers, string passes, string floats)
    {
        string input = $"InputLength = TimeSteps * Features = {spec.TimeSteps} * {spec.Features}";
        string output = spec.OutputIsSequence
            ? $"OutputLength = TimeSteps * DenseUnits = {spec.TimeSteps} * {spec.OutputUnits}"
            : $"OutputLength = DenseUnits = {spec.OutputUnits}";

        writer.WriteLine("/// <summary>Runs the model on one sequence" + (spec.Stateful ? ", starting from State and leaving the last step's states in it" : "") + ".</summary>");
        writer.WriteLine("/// <param name=\"input\">InputLength floats, [t * Features + f].</param>");
        writer.WriteLine("/// <param name=\"output\">OutputLength floats" + (spec.OutputIsSequence ? ", [t * DenseUnits + d]" : "") + ".</param>");
        writer.WriteLine("/// <exception cref=\"global::System.ArgumentException\">A span's length is not the one above.</exception>");
        writer.WriteLine(HotPath);
        using (writer.Block($"public void Predict({Names.ReadOnlySpan} input, {Names.Span} output)"))
        {
            writer.WriteLine($"{Names.Guard}.Length(input.Length, InputLength, \"{input}\", nameof(input));");
            writer.WriteLine($"{Names.Guard}.Length(output.Length, OutputLength, \"{output}\", nameof(output));");
            writer.WriteLine($"{Names.Span} floats = {floats};");
            writer.WriteLine($"{passes}.Forward(floats, input);");
            writer.WriteLine($"{LayerOutput(spec, buffers)}.CopyTo(output);");
        }

        writer.WriteLine();
        writer.WriteLine("/// <summary>Runs the model on sequences stored one after another" + (spec.Stateful ? ", in order, carrying State from each to the next" : "") + ".</summary>");
        writer.WriteLine("/// <param name=\"inputs\">n * InputLength floats.</param>");
        writer.WriteLine("/// <param name=\"outputs\">n * OutputLength floats.</param>");
        writer.WriteLine("/// <exception cref=\"global::System.ArgumentException\">The lengths are not matching whole multiples.</exception>");
        writer.WriteLine(HotPath);
        using (writer.Block($"public void PredictBatch({Names.ReadOnlySpan} inputs, {Names.Span} outputs)"))
        {
            writer.WriteLine($"{Names.Guard}.WholeMultiple(inputs.Length, InputLength, \"{input} per sequence\", nameof(inputs));");
            writer.WriteLine("int count = inputs.Length / InputLength;");
            writer.WriteLine($"{Names.Guard}.BatchLength(outputs.Length, count, OutputLength, \"{output} per input sequence\", nameof(outputs));");
            writer.WriteLine($"{passes}.PredictBatch({floats}, inputs, outputs, count);");
        }

        writer.WriteLine();
        WriteStep(writer, spec, passes, floats);
        writer.WriteLine();
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// Forward pass, then backpropagation through time over every layer. Returns this sample's loss, the mean");
        writer.WriteLine("/// squared error over the OutputLength outputs, and ADDS d loss / d Parameters into Gradients.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine("/// <param name=\"input\">InputLength floats, [t * Features + f].</param>");
        writer.WriteLine("/// <param name=\"target\">OutputLength floats.</param>");
        writer.WriteLine("/// <exception cref=\"global::System.ArgumentException\">A span's length is not the one above.</exception>");
        writer.WriteLine(HotPath);
        using (writer.Block($"public float Backward({Names.ReadOnlySpan} input, {Names.ReadOnlySpan} target)"))
        {
            writer.WriteLine($"{Names.Guard}.Length(input.Length, InputLength, \"{input}\", nameof(input));");
            writer.WriteLine($"{Names.Guard}.Length(target.Length, OutputLength, \"{output}\", nameof(target));");
            writer.WriteLine($"return {passes}.Backward({floats}, input, target);");
        }

        writer.WriteLine();
        writer.WriteLine("/// <summary>");
        writer.WriteLine(spec.BackwardsInTiles
            ? $"/// Backward for losses.Length sequences stored one after another, in tiles of {TileBackend.Rows} side by side whose BPTT is"
            : "/// Backward for losses.Length sequences stored one after another, each in turn" + (spec.Stateful ? ", carrying State from each to the next" : "") + ":");
        writer.WriteLine((spec.BackwardsInTiles ? "/// matrix products across the tile: writes" : "/// writes") + " each one's loss, the mean squared error over its OutputLength");
        writer.WriteLine("/// outputs, into losses, and ADDS the sum of their d loss / d Parameters into Gradients.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine("/// <param name=\"inputs\">losses.Length * InputLength floats, each sequence [t * Features + f].</param>");
        writer.WriteLine("/// <param name=\"targets\">losses.Length * OutputLength floats.</param>");
        writer.WriteLine("/// <param name=\"losses\">One float per sequence: its loss.</param>");
        writer.WriteLine("/// <exception cref=\"global::System.ArgumentException\">inputs or targets is not losses.Length times the length above.</exception>");
        writer.WriteLine(HotPath);
        using (writer.Block($"public void BackwardBatch({Names.ReadOnlySpan} inputs, {Names.ReadOnlySpan} targets, {Names.Span} losses)"))
        {
            writer.WriteLine($"{Names.Guard}.BatchLength(inputs.Length, losses.Length, InputLength, \"{input} per loss\", nameof(inputs));");
            writer.WriteLine($"{Names.Guard}.BatchLength(targets.Length, losses.Length, OutputLength, \"{output} per loss\", nameof(targets));");
            writer.WriteLine($"{passes}.BackwardBatch({floats}, inputs, targets, losses);");
        }
    }

    private static void WriteStep(SourceWriter writer, ModelSpec spec, string passes, string floats)
    {
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// Streaming inference: advances every layer's State by one time step with <paramref name=\"input\"/> as x_t,");
        writer.WriteLine("/// and writes the last layer's output for that step.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine("/// <param name=\"input\">Features floats: x_t.</param>");
        writer.WriteLine("/// <param name=\"output\">DenseUnits floats: the last layer's output for this step.</param>");
        writer.WriteLine("/// <exception cref=\"global::System.ArgumentException\">A span's length is not the one above.</exception>");
        if (!spec.CanStream)
        {
            writer.WriteLine($"/// <exception cref=\"global::System.InvalidOperationException\">Always: a layer {(spec.Unstreamable!.Bidirectional ? "runs in both directions" : "goes backwards")}, so this model cannot stream.</exception>");
        }

        writer.WriteLine(HotPath);
        using (writer.Block($"public void Step({Names.ReadOnlySpan} input, {Names.Span} output)"))
        {
            writer.WriteLine($"{Names.Guard}.Length(input.Length, Features, \"Features = {spec.Features}\", nameof(input));");
            writer.WriteLine($"{Names.Guard}.Length(output.Length, DenseUnits, \"DenseUnits = {spec.OutputUnits}\", nameof(output));");
            if (spec.CanStream)
            {
                writer.WriteLine($"{passes}.Step({floats}, input, output);");
                return;
            }

            LayerSpec layer = spec.Unstreamable!;
            string why = layer.Bidirectional ? "runs in both directions (Bidirectional)" : "goes backwards (go_backwards)";
            writer.WriteLine($"throw new global::System.InvalidOperationException(\"{spec.Type.Name} cannot stream: its layer {layer.Name} {why}, so its first step needs the last input. Run whole sequences with Predict.\");");
        }
    }

    /// <summary>The last layer's output, as a slice of the local <c>floats</c>.</summary>
    private static string LayerOutput(ModelSpec spec, Buffers buffers)
    {
        int offset = StackPasses.OutputOffset(spec, buffers);
        return $"floats.Slice({offset}, OutputLength)";
    }

    /// <summary>The user type's hot entry points skip tier 0 like the passes they call (<see cref="StackPasses.WriteHotPath"/>); named in full, as the user's usings are unknown.</summary>
    private const string HotPath = "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]";

    private static string View(string floats, int offset, int length) => $"{floats}.Slice({offset}, {length})";
}
