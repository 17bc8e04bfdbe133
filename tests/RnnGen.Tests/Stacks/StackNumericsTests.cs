using RnnGen.Tests.Reference;

namespace RnnGen.Tests.Stacks;

/// <summary>
/// Generated stacks against the float64 reference (itself checked by central differences and by
/// Keras' outputs): forward within 1e-5 and gradients within 1e-4, relative to the largest reference value.
/// </summary>
public class StackNumericsTests
{
    private const double ForwardTolerance = 1e-5;
    private const double GradientTolerance = 1e-4;

    public static TheoryData<string> Names => StackModels.Names;

    [Theory]
    [MemberData(nameof(Names))]
    public void Predict_matches_the_float64_reference(string name)
    {
        IRnnModel model = StackModels.Create(name);
        var (input, _, state) = Sample(model, seed: 11);
        state.CopyTo(model.State);
        var output = new float[model.OutputLength];

        model.Predict(input, output);

        ReferenceSequential reference = ReferenceOf.Model(model.Layout);
        var expected = reference.Forward(ReferenceOf.Doubles(model.Parameters), ReferenceOf.Doubles(input), ReferenceOf.Doubles(state));
        Assert.InRange(ReferenceOf.RelativeError(output, expected.Outputs), 0, ForwardTolerance);
        if (model.Layout.Stateful)
        {
            Assert.InRange(ReferenceOf.RelativeError(model.State, expected.FinalStates), 0, ForwardTolerance);
        }
        else
        {
            Assert.Equal(state, model.State.ToArray());
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Backward_matches_the_float64_reference_gradients_and_loss(string name)
    {
        IRnnModel model = StackModels.Create(name);
        var (input, target, state) = Sample(model, seed: 12);
        state.CopyTo(model.State);
        ReferenceSequential reference = ReferenceOf.Model(model.Layout);
        double[] parameters = ReferenceOf.Doubles(model.Parameters);
        double expectedLoss = reference.Loss(parameters, ReferenceOf.Doubles(input), ReferenceOf.Doubles(target), ReferenceOf.Doubles(state));
        double[] expected = reference.Gradients(parameters, ReferenceOf.Doubles(input), ReferenceOf.Doubles(target), ReferenceOf.Doubles(state));

        model.ClearGradients();
        float loss = model.Backward(input, target);

        Assert.Equal(expectedLoss, loss, expectedLoss * ForwardTolerance * 10);
        Assert.InRange(ReferenceOf.RelativeError(model.Gradients, expected), 0, GradientTolerance);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Backward_adds_into_Gradients(string name)
    {
        IRnnModel model = StackModels.Create(name);
        var (input, target, _) = Sample(model, seed: 13);
        model.ResetStates();
        model.ClearGradients();
        model.Backward(input, target);
        float[] once = model.Gradients.ToArray();

        model.ResetStates();
        model.ClearGradients();
        model.Backward(input, target);
        model.ResetStates();
        model.Backward(input, target);

        for (int i = 0; i < once.Length; i++)
        {
            Assert.Equal(2 * once[i], model.Gradients[i], Math.Abs(once[i]) * 1e-5f + 1e-7f);
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Step_streams_the_whole_stack_or_says_why_it_cannot(string name)
    {
        IRnnModel model = StackModels.Create(name);
        var (input, _, _) = Sample(model, seed: 14);
        ModelLayout layout = model.Layout;
        var step = new float[layout.OutputUnits];
        if (!layout.CanStream)
        {
            var error = Assert.Throws<InvalidOperationException>(() => model.Step(input.AsSpan(0, layout.Features), step));
            Assert.Contains(layout.Layers.Any(static l => l.Settings.Bidirectional) ? "both directions (Bidirectional)" : "go_backwards", error.Message);
            return;
        }

        model.ResetStates();
        var predicted = new float[model.OutputLength];
        model.Predict(input, predicted);
        model.ResetStates();
        for (int t = 0; t < layout.TimeSteps; t++)
        {
            model.Step(input.AsSpan(t * layout.Features, layout.Features), step);
            if (layout.OutputIsSequence)
            {
                Assert.Equal(predicted.AsSpan(t * layout.OutputUnits, layout.OutputUnits).ToArray(), step, new ToleranceComparer(1e-5f));
            }
        }

        if (!layout.OutputIsSequence)
        {
            Assert.Equal(predicted, step, new ToleranceComparer(1e-5f));
        }
    }

    /// <summary>
    /// Two whole tiles of PredictBatch's matrix products (16 sequences each) and a partial one, which are also
    /// two whole groups of the widest SIMD lanes and a remainder: every path of every batching runs.
    /// </summary>
    private const int BatchCount = 2 * 16 + 3;

    [Theory]
    [MemberData(nameof(Names))]
    public void PredictBatch_equals_Predict_one_sequence_at_a_time(string name)
    {
        IRnnModel model = StackModels.Create(name);
        var inputs = new float[BatchCount * model.InputLength];
        ReferenceOf.Fill(inputs, new Random(15), 1.0);
        var batch = new float[BatchCount * model.OutputLength];
        model.ResetStates();
        model.PredictBatch(inputs, batch);

        model.ResetStates();
        var one = new float[model.OutputLength];
        for (int n = 0; n < BatchCount; n++)
        {
            model.Predict(inputs.AsSpan(n * model.InputLength, model.InputLength), one);

            // To float rounding: lanes and tiles sum their products in other orders than one sequence does.
            Assert.Equal(one, batch.AsSpan(n * model.OutputLength, model.OutputLength).ToArray(), new ToleranceComparer(1e-5f));
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void BackwardBatch_equals_Backward_one_sequence_at_a_time(string name)
    {
        // Two models with the same weights: one runs the batch, the other Backward on each sequence in turn.
        IRnnModel batched = StackModels.Create(name), single = StackModels.Create(name);
        Sample(batched, seed: 17);
        Sample(single, seed: 17);
        var inputs = new float[BatchCount * batched.InputLength];
        var targets = new float[BatchCount * batched.OutputLength];
        ReferenceOf.Fill(inputs, new Random(18), 1.0);
        ReferenceOf.Fill(targets, new Random(19), 1.0);
        var losses = new float[BatchCount];
        batched.ClearGradients();
        batched.BackwardBatch(inputs, targets, losses);

        single.ClearGradients();
        var expected = new float[BatchCount];
        for (int n = 0; n < BatchCount; n++)
        {
            expected[n] = single.Backward(inputs.AsSpan(n * single.InputLength, single.InputLength), targets.AsSpan(n * single.OutputLength, single.OutputLength));
        }

        // To float rounding, relative to the largest loss and the largest gradient: the tiles sum in other orders.
        float largestLoss = expected.Max(), largestGradient = single.Gradients.ToArray().Max(Math.Abs);
        for (int n = 0; n < BatchCount; n++)
        {
            Assert.True(Math.Abs(expected[n] - losses[n]) <= 1e-5f * largestLoss, $"loss [{n}]: {expected[n]} vs {losses[n]}");
        }

        for (int i = 0; i < single.ParameterCount; i++)
        {
            Assert.True(Math.Abs(single.Gradients[i] - batched.Gradients[i]) <= 1e-5f * largestGradient, $"[{i}] {single.Gradients[i]} vs {batched.Gradients[i]} (largest {largestGradient})");
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Predict_Backward_Step_and_PredictBatch_allocate_nothing(string name)
    {
        IRnnModel model = StackModels.Create(name);
        var (input, target, _) = Sample(model, seed: 16);
        var output = new float[model.OutputLength];
        var batch = new float[BatchCount * model.InputLength];
        var batchOutput = new float[BatchCount * model.OutputLength];
        var step = new float[model.Layout.OutputUnits];
        void RunAll()
        {
            model.Predict(input, output);
            model.PredictBatch(batch, batchOutput);
            model.Backward(input, target);
            if (model.Layout.CanStream)
            {
                model.Step(input.AsSpan(0, model.Layout.Features), step);
            }
        }

        for (int i = 0; i < 200; i++)
        {
            RunAll();
        }

        Thread.Sleep(200);
        RunAll();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 300; i++)
        {
            RunAll();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static (float[] Input, float[] Target, float[] State) Sample(IRnnModel model, int seed)
    {
        var random = new Random(seed);
        // Weights of about 1/sqrt(fan-in), as trained layers have: larger ones make a wide layer
        // chaotic, and then no float32 computation can agree with float64.
        foreach (WeightLayout weight in model.Layout.Weights)
        {
            ReferenceOf.Fill(weight.Of(model.Parameters), random, weight.IsVector ? 0.2 : Math.Min(0.6, 1.2 / Math.Sqrt(weight.Rows)));
        }

        var input = new float[model.InputLength];
        var target = new float[model.OutputLength];
        var state = new float[model.State.Length];
        ReferenceOf.Fill(input, random, 1.0);
        ReferenceOf.Fill(target, random, 1.0);
        ReferenceOf.Fill(state, random, 0.5);
        return (input, target, state);
    }

    private sealed class ToleranceComparer(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance * Math.Max(1f, Math.Abs(y));

        public int GetHashCode(float value) => 0;
    }
}
