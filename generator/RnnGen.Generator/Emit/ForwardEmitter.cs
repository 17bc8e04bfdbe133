using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emit;

/// <summary>
/// The forward pass: <c>Predict</c>, <c>PredictBatch</c>, the streaming <c>Step</c>, and the private
/// <c>Forward</c> that <c>Backward</c> shares, which keeps every hidden state for BPTT.
/// </summary>
internal static class ForwardEmitter
{
    public static void Emit(SourceWriter writer, ModelSpec spec, EmissionStrategy strategy)
    {
        WritePredict(writer, spec);
        writer.WriteLine();
        WritePredictBatch(writer, spec);
        writer.WriteLine();
        if (EmissionStrategies.UsesLanesForBatches(spec))
        {
            LanesForward.WritePredictLanes(writer, spec);
        }

        if (strategy == EmissionStrategy.Register)
        {
            RegisterForward.WriteStep(writer, spec);
            writer.WriteLine();
            RegisterForward.WriteForward(writer, spec);
        }
        else
        {
            UnrolledForward.WriteStep(writer, spec);
            writer.WriteLine();
            UnrolledForward.WriteForward(writer, spec);
        }
    }

    /// <summary>How the input length is made, for the message of a wrong-length argument.</summary>
    public static string InputMeaning(ModelSpec spec) =>
        $"InputLength = TimeSteps * Features = {spec.TimeSteps} * {spec.Features}";

    public static string OutputMeaning(ModelSpec spec) => spec.ReturnSequences
        ? $"OutputLength = TimeSteps * DenseUnits = {spec.TimeSteps} * {spec.DenseUnits}"
        : $"OutputLength = DenseUnits = {spec.DenseUnits}";

    private static void WritePredict(SourceWriter writer, ModelSpec spec)
    {
        writer.WriteLine("/// <summary>Runs the model on one sequence" + (spec.Stateful ? ", starting from State and leaving the last step's hidden state in it" : "") + ".</summary>");
        writer.WriteLine("/// <param name=\"input\">InputLength floats, [t * Features + f].</param>");
        writer.WriteLine("/// <param name=\"output\">OutputLength floats" + (spec.ReturnSequences ? ", [t * DenseUnits + d]" : "") + ".</param>");
        writer.WriteLine("/// <exception cref=\"global::System.ArgumentException\">A span's length is not the one above.</exception>");
        using (writer.Block($"public void Predict({Names.ReadOnlySpan} input, {Names.Span} output)"))
        {
            writer.WriteLine($"{Names.Guard}.Length(input.Length, InputLength, \"{InputMeaning(spec)}\", nameof(input));");
            writer.WriteLine($"{Names.Guard}.Length(output.Length, OutputLength, \"{OutputMeaning(spec)}\", nameof(output));");
            writer.WriteLine("Forward(input);");
            writer.WriteLine($"new {Names.ReadOnlySpan}(_outputs).CopyTo(output);");
        }
    }

    private static void WritePredictBatch(SourceWriter writer, ModelSpec spec)
    {
        writer.WriteLine("/// <summary>Runs the model on sequences stored one after another" + (spec.Stateful ? ", in order, carrying State from each to the next" : "") + ".</summary>");
        writer.WriteLine("/// <param name=\"inputs\">n * InputLength floats.</param>");
        writer.WriteLine("/// <param name=\"outputs\">n * OutputLength floats.</param>");
        writer.WriteLine("/// <exception cref=\"global::System.ArgumentException\">The lengths are not matching whole multiples.</exception>");
        using (writer.Block($"public void PredictBatch({Names.ReadOnlySpan} inputs, {Names.Span} outputs)"))
        {
            writer.WriteLine($"{Names.Guard}.WholeMultiple(inputs.Length, InputLength, \"{InputMeaning(spec)} per sequence\", nameof(inputs));");
            writer.WriteLine("int count = inputs.Length / InputLength;");
            writer.WriteLine($"{Names.Guard}.BatchLength(outputs.Length, count, OutputLength, \"{OutputMeaning(spec)} per input sequence\", nameof(outputs));");
            writer.WriteLine("int n = 0;");
            if (EmissionStrategies.UsesLanesForBatches(spec))
            {
                LanesForward.WriteDispatch(writer);
                writer.WriteLine("// The rest one by one.");
            }

            using (writer.Block("for (; n < count; n++)"))
            {
                writer.WriteLine("Forward(inputs.Slice(n * InputLength, InputLength));");
                writer.WriteLine($"new {Names.ReadOnlySpan}(_outputs).CopyTo(outputs.Slice(n * OutputLength, OutputLength));");
            }
        }
    }

    public static void WriteStepDocs(SourceWriter writer)
    {
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// Streaming inference: advances State by one time step with <paramref name=\"input\"/> as x_t, then");
        writer.WriteLine("/// applies the Dense layer to the new state.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine("/// <param name=\"input\">Features floats: x_t.</param>");
        writer.WriteLine("/// <param name=\"output\">DenseUnits floats: the Dense output for this step.</param>");
        writer.WriteLine("/// <exception cref=\"global::System.ArgumentException\">A span's length is not the one above.</exception>");
    }

    public static void WriteStepGuards(SourceWriter writer, ModelSpec spec)
    {
        writer.WriteLine($"{Names.Guard}.Length(input.Length, Features, \"Features = {spec.Features}\", nameof(input));");
        writer.WriteLine($"{Names.Guard}.Length(output.Length, DenseUnits, \"DenseUnits = {spec.DenseUnits}\", nameof(output));");
    }
}
