using RnnGen.Data;
using RnnGen.Training;

namespace RnnGen.Tests.Batched;

/// <summary>
/// BackwardBatch: in tiles (SimpleRNN and Dense models batched in tiles) and looped (gated, stateful), its
/// losses and summed gradients against Backward on each sequence, its allocations, its argument checks,
/// and the Trainer's batched path against the per-sample one.
/// </summary>
public class BatchedBackwardTests
{
    /// <summary>
    /// The tolerance of the summed gradients, relative to the largest, and of each loss, relative to the
    /// largest of its batch: a sequence whose output nearly meets its target has a loss made of the
    /// difference of two close floats, whose last bits no order of summation keeps.
    /// </summary>
    private const double Tolerance = 1e-5;

    public static TheoryData<string, int> TiledModelsAndCounts()
    {
        var data = new TheoryData<string, int>();
        foreach (string name in new[] { nameof(BatchedMediumRnn), nameof(BatchedLargeRnn), nameof(BatchedSequenceStack), nameof(BatchedDenseFirstStack), nameof(BatchedRecurrentOutputStack) })
        {
            foreach (int count in new[] { 1, 15, 16, 17, 40 })
            {
                data.Add(name, count);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TiledModelsAndCounts))]
    public void BackwardBatch_in_tiles_adds_the_sum_of_each_sequences_gradients(string name, int count) =>
        AssertMatchesBackwardOnEach(name, count);

    [Theory]
    [InlineData(nameof(LoopedLstm), 17)]
    [InlineData(nameof(LoopedStatefulRnn), 17)]
    public void BackwardBatch_looped_adds_the_sum_of_each_sequences_gradients(string name, int count) =>
        AssertMatchesBackwardOnEach(name, count);

    [Fact]
    public void BackwardBatch_of_no_sequences_changes_nothing()
    {
        var model = new BatchedMediumRnn(seed: 1);
        model.Gradients.Fill(0.5f);
        model.BackwardBatch([], [], []);
        Assert.All(model.Gradients.ToArray(), static g => Assert.Equal(0.5f, g));
    }

    [Fact]
    public void BackwardBatch_tiles_reuse_their_buffers_from_call_to_call()
    {
        // A full tile's buffers, then a smaller last tile in a second call: nothing of the first may leak in.
        var batched = new BatchedSequenceStack(seed: 4);
        const int input = BatchedSequenceStack.InputLength, output = BatchedSequenceStack.OutputLength;
        (float[] inputs, float[] targets) = Batch(batched, 21, seed: 9);
        batched.BackwardBatch(inputs, targets, new float[21]);
        batched.ClearGradients();
        var losses = new float[3];
        batched.BackwardBatch(inputs.AsSpan(0, 3 * input), targets.AsSpan(0, 3 * output), losses);

        var single = new BatchedSequenceStack(seed: 4);
        var expectedLosses = new float[3];
        for (int n = 0; n < 3; n++)
        {
            expectedLosses[n] = single.Backward(inputs.AsSpan(n * input, input), targets.AsSpan(n * output, output));
        }

        AssertLosses(expectedLosses, losses);

        AssertGradients(single.Gradients.ToArray(), batched.Gradients.ToArray());
    }

    [Theory]
    [InlineData(nameof(BatchedMediumRnn))]
    [InlineData(nameof(BatchedSequenceStack))]
    [InlineData(nameof(BatchedDenseFirstStack))]
    [InlineData(nameof(LoopedLstm))]
    [InlineData(nameof(LoopedStatefulRnn))]
    public void BackwardBatch_allocates_nothing(string name)
    {
        IRnnModel model = Create(name, seed: 1);
        (float[] inputs, float[] targets) = Batch(model, 17, seed: 2);
        var losses = new float[17];

        // Warm up past tiered compilation (tier-0 code is replaced after 30 calls, in the background), then measure.
        for (int i = 0; i < 60; i++)
        {
            model.BackwardBatch(inputs, targets, losses);
        }

        Thread.Sleep(200);
        model.BackwardBatch(inputs, targets, losses);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 200; i++)
        {
            model.BackwardBatch(inputs, targets, losses);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void BackwardBatch_refuses_inputs_or_targets_that_are_not_one_per_loss()
    {
        var model = new BatchedMediumRnn(seed: 1);
        var losses = new float[2];
        var inputs = new float[2 * BatchedMediumRnn.InputLength];
        var targets = new float[2 * BatchedMediumRnn.OutputLength];

        var shortInputs = Assert.Throws<ArgumentException>(() => model.BackwardBatch(inputs.AsSpan(1), targets, losses));
        Assert.Equal("inputs", shortInputs.ParamName);
        Assert.StartsWith("Expected 256 floats (2 × InputLength = TimeSteps * Features = 32 * 4 per loss), but the span has 255.", shortInputs.Message);

        var longTargets = Assert.Throws<ArgumentException>(() => model.BackwardBatch(inputs, new float[7], losses));
        Assert.Equal("targets", longTargets.ParamName);
        Assert.StartsWith("Expected 6 floats (2 × OutputLength = DenseUnits = 3 per loss), but the span has 7.", longTargets.Message);

        // The interface's default, for a model that does not implement BackwardBatch, checks the same.
        IRnnModel perSample = new PerSampleModel(model);
        var defaultInputs = Assert.Throws<ArgumentException>(() => perSample.BackwardBatch(inputs, targets, new float[3]));
        Assert.Equal("inputs", defaultInputs.ParamName);
        Assert.StartsWith("Expected 384 floats (3 × InputLength per loss), but the span has 256.", defaultInputs.Message);
        var defaultTargets = Assert.Throws<ArgumentException>(() => perSample.BackwardBatch(inputs, targets.AsSpan(1), losses));
        Assert.Equal("targets", defaultTargets.ParamName);
        Assert.StartsWith("Expected 6 floats (2 × OutputLength per loss), but the span has 5.", defaultTargets.Message);
    }

    [Theory]
    [InlineData(nameof(BatchedMediumRnn))]
    [InlineData(nameof(BatchedSequenceStack))]
    [InlineData(nameof(BatchedDenseFirstStack))]
    public void Fit_with_batches_of_32_in_tiles_trains_as_the_per_sample_path(string name)
    {
        // 100 samples: three batches of 32 and a last one of 4, in shuffled order.
        IRnnModel batched = Create(name, seed: 5);
        var perSample = new PerSampleModel(Create(name, seed: 5));
        WindowedDataset data = Dataset(batched, 100, seed: 6);
        var options = new FitOptions { Epochs = 3, BatchSize = 32, Seed = 7 };

        History expected = new Trainer(perSample, new Sgd(0.05f, momentum: 0.9f)).Fit(data, options);
        History actual = new Trainer(batched, new Sgd(0.05f, momentum: 0.9f)).Fit(data, options);

        Assert.Equal(expected.Epochs, actual.Epochs);
        AssertLosses([.. expected.Loss], [.. actual.Loss]);

        // Training moved the weights, and both paths moved them alike.
        Assert.True(expected.Loss[^1] < expected.Loss[0], $"loss {expected.Loss[0]} -> {expected.Loss[^1]}");
        AssertGradients(perSample.Parameters.ToArray(), batched.Parameters.ToArray());
    }

    [Theory]
    [InlineData(nameof(LoopedLstm), 32)]
    [InlineData(nameof(LoopedStatefulRnn), 32)]
    [InlineData(nameof(BatchedMediumRnn), 1)]
    public void Fit_on_a_looped_model_or_with_batches_of_one_trains_exactly_as_the_per_sample_path(string name, int batchSize)
    {
        IRnnModel model = Create(name, seed: 5);
        var perSample = new PerSampleModel(Create(name, seed: 5));
        WindowedDataset data = Dataset(model, 70, seed: 6);
        var options = new FitOptions { Epochs = 2, BatchSize = batchSize, Seed = 7 };

        History expected = new Trainer(perSample, new Adam(0.01f)).Fit(data, options);
        History actual = new Trainer(model, new Adam(0.01f)).Fit(data, options);

        Assert.Equal(expected.Loss, actual.Loss);
        Assert.Equal(perSample.Parameters.ToArray(), model.Parameters.ToArray());
    }

    private static void AssertMatchesBackwardOnEach(string name, int count)
    {
        IRnnModel batched = Create(name, seed: 3);
        IRnnModel single = Create(name, seed: 3);
        (float[] inputs, float[] targets) = Batch(batched, count, seed: 100 + count);

        // Both start from the same non-zero gradients: BackwardBatch adds, as Backward does.
        var start = new Random(8);
        for (int i = 0; i < batched.ParameterCount; i++)
        {
            batched.Gradients[i] = single.Gradients[i] = (float)(start.NextDouble() - 0.5) * 1e-3f;
        }

        float[] initial = single.Gradients.ToArray();
        var losses = new float[count];
        batched.BackwardBatch(inputs, targets, losses);
        var expectedLosses = new float[count];
        for (int n = 0; n < count; n++)
        {
            expectedLosses[n] = single.Backward(inputs.AsSpan(n * single.InputLength, single.InputLength), targets.AsSpan(n * single.OutputLength, single.OutputLength));
        }

        AssertLosses(expectedLosses, losses);

        float[] expectedGradients = single.Gradients.ToArray();
        Assert.Contains(expectedGradients.Select((g, i) => g != initial[i]), static changed => changed);
        AssertGradients(expectedGradients, batched.Gradients.ToArray());
        if (batched.Layout.Stateful)
        {
            Assert.Equal(single.State.ToArray(), batched.State.ToArray());
        }
    }

    /// <summary>Every loss within <see cref="Tolerance"/> of the largest expected one.</summary>
    private static void AssertLosses(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        double largest = expected.Max(static loss => (double)loss);
        Assert.True(largest > 0);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - (double)actual[i]) <= Tolerance * largest, $"loss [{i}]: {expected[i]} vs {actual[i]} (largest {largest})");
        }
    }

    /// <summary>Every element within <see cref="Tolerance"/> of the largest expected magnitude.</summary>
    private static void AssertGradients(float[] expected, float[] actual)
    {
        double largest = expected.Max(static g => Math.Abs((double)g));
        Assert.True(largest > 0);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - (double)actual[i]) <= Tolerance * largest, $"[{i}] {expected[i]} vs {actual[i]} (largest {largest})");
        }
    }

    private static IRnnModel Create(string name, int seed) => name switch
    {
        nameof(BatchedMediumRnn) => new BatchedMediumRnn(seed),
        nameof(BatchedLargeRnn) => new BatchedLargeRnn(seed),
        nameof(BatchedSequenceStack) => new BatchedSequenceStack(seed),
        nameof(BatchedDenseFirstStack) => new BatchedDenseFirstStack(seed),
        nameof(BatchedRecurrentOutputStack) => new BatchedRecurrentOutputStack(seed),
        nameof(LoopedLstm) => new LoopedLstm(seed),
        nameof(LoopedStatefulRnn) => new LoopedStatefulRnn(seed),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    /// <summary><paramref name="count"/> sequences and targets, uniform in [-1, 1).</summary>
    private static (float[] Inputs, float[] Targets) Batch(IRnnModel model, int count, int seed)
    {
        var random = new Random(seed);
        var inputs = new float[count * model.InputLength];
        var targets = new float[count * model.OutputLength];
        foreach (float[] values in new[] { inputs, targets })
        {
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = (float)(random.NextDouble() * 2 - 1);
            }
        }

        return (inputs, targets);
    }

    private static WindowedDataset Dataset(IRnnModel model, int count, int seed)
    {
        (float[] inputs, float[] targets) = Batch(model, count, seed);
        return new WindowedDataset(inputs, targets, model.InputLength, model.OutputLength);
    }
}
