using System.Runtime.Intrinsics;
using RnnGen.Benchmarks.Baselines;
using RnnGen.Benchmarks.Benchmarks;
using RnnGen.Benchmarks.Models;
using RnnGen.Benchmarks.Onnx;
using RnnGen.Benchmarks.Training;
using RnnGen.Kernels;

namespace RnnGen.Benchmarks.Verification;

/// <summary>
/// Proves the contestants compute the same thing before any of them is timed: for each shape, the
/// naive baseline and ONNX Runtime, given the generated model's Parameters, must give its Predict
/// outputs (and the naive one its Backward loss and gradients) within <see cref="Agreement.RelativeTolerance"/>;
/// the naive streaming Step must give the generated Step's outputs; PredictBatch must agree with Predict;
/// the latency floor's tanh must be a real tanh.
/// </summary>
internal static class EquivalenceCheck
{
    private const int Samples = 4;

    /// <summary>Runs every check, writes one line each, and returns whether all passed.</summary>
    public static bool Run(TextWriter log)
    {
        bool passed = true;
        passed &= CheckShape(new TutorialRnn(seed: 7), log);
        passed &= CheckShape(new MediumRnn(seed: 7), log);
        passed &= CheckShape(new LargeRnn(seed: 7), log);
        passed &= CheckStack(new StackedRnn(seed: 7), log);
        passed &= CheckStack(new MediumRnn(seed: 7), log);
        passed &= CheckStep(new StackedRnn(seed: 7), log);
        foreach (IRnnModel gated in (IRnnModel[])[
            new LstmH8(seed: 7), new LstmH32(seed: 7), new LstmH64(seed: 7), new LstmH256(seed: 7),
            new GruH8(seed: 7), new GruH32(seed: 7), new GruH64(seed: 7), new GruH256(seed: 7)])
        {
            passed &= CheckStack(gated, log);
            passed &= CheckOnnx(gated, log);
            passed &= CheckStep(gated, log);
        }

        passed &= CheckOnnxLayer(new ModelLayout(16, 3, false, LayerSettings.Lstm(8), LayerSettings.Dense(2, Activation.Tanh)), log);
        passed &= CheckOnnxLayer(new ModelLayout(16, 3, false, LayerSettings.Gru(8)), log);
        passed &= CheckOnnxLayer(new ModelLayout(16, 3, false, LayerSettings.Gru(8, resetAfter: false), LayerSettings.Dense(1)), log);
        passed &= CheckFloorTanh(log);
        passed &= CheckFit(log);
        return passed;
    }

    private static bool CheckShape(IRnnModel generated, TextWriter log)
    {
        RnnShape shape = generated.Shape;
        var naive = new NaiveRnn(shape);
        generated.Parameters.CopyTo(naive.Parameters);
        using var onnx = new OnnxRnnSession(shape, generated.Parameters);
        var data = new SyntheticSequences(Samples, shape.InputLength, shape.OutputLength, seed: 11);

        double predict = 0, onnxPredict = 0, loss = 0, gradients = 0;
        var generatedOutput = new float[shape.OutputLength];
        var naiveOutput = new float[shape.OutputLength];
        var target = new float[shape.OutputLength];
        for (int s = 0; s < Samples; s++)
        {
            generated.Predict(data.Input(s), generatedOutput);
            naive.Predict(data.Input(s), naiveOutput);
            predict = Math.Max(predict, Agreement.RelativeError(naiveOutput, generatedOutput));

            data.Input(s).CopyTo(onnx.Input);
            onnx.Run();
            onnxPredict = Math.Max(onnxPredict, Agreement.RelativeError(onnx.Output, generatedOutput));

            // Targets one unit away from the outputs keep the comparison well conditioned: with y ≈ target
            // the loss and every gradient scale with y - target, and float rounding in y alone would dominate.
            for (int o = 0; o < target.Length; o++)
            {
                target[o] = generatedOutput[o] + 1f;
            }

            generated.ClearGradients();
            naive.ClearGradients();
            float generatedLoss = generated.Backward(data.Input(s), target);
            float naiveLoss = naive.Backward(data.Input(s), target);
            loss = Math.Max(loss, Agreement.RelativeError([naiveLoss], [generatedLoss]));
            gradients = Math.Max(gradients, Agreement.RelativeError(naive.Gradients, generated.Gradients));
        }

        var batchOutputs = new float[Samples * shape.OutputLength];
        generated.PredictBatch(data.Inputs, batchOutputs);
        double batch = 0;
        for (int s = 0; s < Samples; s++)
        {
            generated.Predict(data.Input(s), generatedOutput);
            batch = Math.Max(batch, Agreement.RelativeError(batchOutputs.AsSpan(s * shape.OutputLength, shape.OutputLength), generatedOutput));
        }

        return Report(log, $"{shape}: naive Predict", predict)
            & Report(log, $"{shape}: ONNX Runtime Predict", onnxPredict)
            & Report(log, $"{shape}: naive Backward loss", loss)
            & Report(log, $"{shape}: naive Backward gradients", gradients)
            & Report(log, $"{shape}: PredictBatch vs Predict", batch);
    }

    // The stack baseline against the generated stack, and against a single-layer model too, so the
    // baseline that times stacks is itself the maths the single-layer baseline checks.
    private static bool CheckStack(IRnnModel generated, TextWriter log)
    {
        ModelLayout layout = generated.Layout;
        var naive = new NaiveSequential(layout);
        generated.Parameters.CopyTo(naive.Parameters);
        var data = new SyntheticSequences(Samples, layout.InputLength, layout.OutputLength, seed: 12);

        double predict = 0, loss = 0, gradients = 0;
        var generatedOutput = new float[layout.OutputLength];
        var naiveOutput = new float[layout.OutputLength];
        var target = new float[layout.OutputLength];
        for (int s = 0; s < Samples; s++)
        {
            generated.Predict(data.Input(s), generatedOutput);
            naive.Predict(data.Input(s), naiveOutput);
            predict = Math.Max(predict, Agreement.RelativeError(naiveOutput, generatedOutput));
            for (int o = 0; o < target.Length; o++)
            {
                target[o] = generatedOutput[o] + 1f;
            }

            generated.ClearGradients();
            naive.ClearGradients();
            loss = Math.Max(loss, Agreement.RelativeError([naive.Backward(data.Input(s), target)], [generated.Backward(data.Input(s), target)]));
            gradients = Math.Max(gradients, Agreement.RelativeError(naive.Gradients, generated.Gradients));
        }

        var batchOutputs = new float[Samples * layout.OutputLength];
        generated.PredictBatch(data.Inputs, batchOutputs);
        var naiveBatch = new float[Samples * layout.OutputLength];
        naive.PredictBatch(data.Inputs, naiveBatch);

        string name = NameOf(generated);
        return Report(log, $"{name}: naive stack Predict", predict)
            & Report(log, $"{name}: naive stack Backward loss", loss)
            & Report(log, $"{name}: naive stack Backward gradients", gradients)
            & Report(log, $"{name}: PredictBatch vs naive stack", Agreement.RelativeError(naiveBatch, batchOutputs));
    }

    // ONNX Runtime's graph for a one-recurrent-layer model, given the generated model's Parameters, gives its Predict outputs.
    private static bool CheckOnnx(IRnnModel generated, TextWriter log)
    {
        ModelLayout layout = generated.Layout;
        using var onnx = new OnnxRnnSession(layout, generated.Parameters);
        var data = new SyntheticSequences(Samples, layout.InputLength, layout.OutputLength, seed: 11);
        var generatedOutput = new float[layout.OutputLength];
        double worst = 0;
        for (int s = 0; s < Samples; s++)
        {
            generated.Predict(data.Input(s), generatedOutput);
            data.Input(s).CopyTo(onnx.Input);
            onnx.Run();
            worst = Math.Max(worst, Agreement.RelativeError(onnx.Output, generatedOutput));
        }

        return Report(log, $"{NameOf(generated)}: ONNX Runtime Predict", worst);
    }

    // Streaming as the Step benchmarks stream: from reset states, two sequences back to back without a reset,
    // with a Predict halfway through the first that must start from zeros and leave both states alone. The naive
    // Step must give the generated Step's outputs at every step, the naive Predict between steps the generated
    // one's, and the generated stream's first sequence Predict's.
    private static bool CheckStep(IRnnModel generated, TextWriter log)
    {
        ModelLayout layout = generated.Layout;
        var naive = new NaiveSequential(layout);
        generated.Parameters.CopyTo(naive.Parameters);
        var data = new SyntheticSequences(2, layout.InputLength, layout.OutputLength, seed: 15);
        int steps = 2 * layout.TimeSteps;
        int units = layout.OutputUnits;
        var generatedSteps = new float[steps * units];
        var naiveSteps = new float[steps * units];
        var generatedBetween = new float[layout.OutputLength];
        var naiveBetween = new float[layout.OutputLength];

        generated.ResetStates();
        naive.ResetStates();
        for (int t = 0; t < steps; t++)
        {
            if (t == layout.TimeSteps / 2)
            {
                generated.Predict(data.Input(1), generatedBetween);
                naive.Predict(data.Input(1), naiveBetween);
            }

            ReadOnlySpan<float> x = data.Inputs.AsSpan(t * layout.Features, layout.Features);
            generated.Step(x, generatedSteps.AsSpan(t * units, units));
            naive.Step(x, naiveSteps.AsSpan(t * units, units));
        }

        // Predict's output is the first sequence's last step (or all its steps when the output is a sequence).
        var output = new float[layout.OutputLength];
        generated.Predict(data.Input(0), output);
        ReadOnlySpan<float> firstSequence = generatedSteps.AsSpan(layout.TimeSteps * units - layout.OutputLength, layout.OutputLength);

        string name = NameOf(generated);
        return Report(log, $"{name}: naive Step, {steps} steps streamed", Agreement.RelativeError(naiveSteps, generatedSteps))
            & Report(log, $"{name}: naive Predict between Steps", Agreement.RelativeError(naiveBetween, generatedBetween))
            & Report(log, $"{name}: Step over {layout.TimeSteps} steps from reset vs Predict", Agreement.RelativeError(firstSequence, output));
    }

    private static string NameOf(IRnnModel model) =>
        $"{model.GetType().Name} {string.Join(" → ", model.Layout.Layers.Select(static l => l.Settings))}";

    // ONNX Runtime's LSTM and GRU operators, given the same weights as the naive layers (gate orders and bias
    // rows converted by OnnxRnnGraph), compute the same outputs: both baselines of the gated benchmarks agree.
    private static bool CheckOnnxLayer(ModelLayout layout, TextWriter log)
    {
        var naive = new NaiveSequential(layout);
        var random = new Random(13);
        for (int i = 0; i < naive.Parameters.Length; i++)
        {
            naive.Parameters[i] = (float)(random.NextDouble() - 0.5);
        }

        using var onnx = new OnnxRnnSession(layout, naive.Parameters);
        var data = new SyntheticSequences(Samples, layout.InputLength, layout.OutputLength, seed: 14);
        var naiveOutput = new float[layout.OutputLength];
        double worst = 0;
        for (int s = 0; s < Samples; s++)
        {
            naive.Predict(data.Input(s), naiveOutput);
            data.Input(s).CopyTo(onnx.Input);
            onnx.Run();
            worst = Math.Max(worst, Agreement.RelativeError(onnx.Output, naiveOutput));
        }

        return Report(log, $"{layout}: ONNX Runtime vs the naive layers", worst);
    }

    // The floor uses the product's own VectorMath.Tanh; it is only a floor if that tanh is as accurate as
    // the generated code must be (1e-6), which the unit tests prove too: this keeps the suite honest on its own.
    private static bool CheckFloorTanh(TextWriter log)
    {
        double worst = 0;
        for (int i = -200_000; i <= 200_000; i++)
        {
            float x = i * 1e-4f;
            float approximation = VectorMath.Tanh(Vector128.Create(x)).ToScalar();
            worst = Math.Max(worst, Math.Abs(approximation - Math.Tanh(x)));
        }

        bool ok = worst <= 1e-6;
        log.WriteLine($"{(ok ? "ok  " : "FAIL")} latency floor tanh (VectorMath.Tanh) on [-20, 20]: max abs error {worst:E2} (limit 1e-6)");
        return ok;
    }

    // The Fit benchmark's baseline must be the same training: same final loss after 20 epochs.
    private static bool CheckFit(TextWriter log)
    {
        var fit = new TutorialFitBenchmarks();
        fit.SetUp();
        float trainer = fit.Generated_Fit();
        float byHand = fit.Generated_FitByHand();
        return Report(log, "tutorial: Trainer.Fit vs the same 20 epochs by hand, last epoch loss", Agreement.RelativeError([byHand], [trainer]));
    }

    private static bool Report(TextWriter log, string what, double relativeError)
    {
        bool ok = relativeError <= Agreement.RelativeTolerance;
        log.WriteLine($"{(ok ? "ok  " : "FAIL")} {what}: relative error {relativeError:E2} (limit {Agreement.RelativeTolerance:E0})");
        return ok;
    }
}
