using RnnGen.Data;
using RnnGen.Evaluation;
using RnnGen.Training;

namespace RnnGen.Tests.Training;

/// <summary>A stack the fit loop trains: Dense before, two recurrent layers (one without bias), Dense after; 7 weight arrays.</summary>
[Rnn(TimeSteps = 4)]
[Dense(3, Activation = Activation.Tanh)]
[SimpleRnn(5, ReturnSequences = true)]
[SimpleRnn(4, UseBias = false)]
[Dense(1)]
public partial class FitLoopStack;

/// <summary>A stack whose output is a sequence: the last recurrent layer returns sequences and Dense runs on every step.</summary>
[Rnn(TimeSteps = 4)]
[SimpleRnn(3, ReturnSequences = true)]
[Dense(1)]
public partial class SequenceOutputStack;

/// <summary>The fit loop, optimizers, clipping and evaluation on generated stacks of layers.</summary>
public class StackTrainingTests
{
    [Fact]
    public void Fit_trains_a_stack_on_a_noisy_sine_the_loss_falls_tenfold()
    {
        var model = new FitLoopStack(seed: 3);
        History history = new Trainer(model, new Adam(0.01f)).Fit(
            TrainingFixtures.Sine(200), new FitOptions { Epochs = 30, BatchSize = 8, Seed = 1 });

        Assert.Null(history.StopReason);
        Assert.True(history.Loss[^1] < history.Loss[0] / 10, $"loss {history.Loss[0]} -> {history.Loss[^1]}");
    }

    [Fact]
    public void The_optimizer_is_told_every_weight_arrays_length_in_get_weights_order()
    {
        var model = new FitLoopStack(seed: 1);
        var optimizer = new LengthRecordingOptimizer();
        new Trainer(model, optimizer).Fit(TrainingFixtures.Sine(8), new FitOptions { BatchSize = 8 });

        // dense/kernel [1, 3], dense/bias [3], simple_rnn/{kernel [3, 5], recurrent_kernel [5, 5], bias [5]},
        // simple_rnn_1/{kernel [5, 4], recurrent_kernel [4, 4]} (no bias), dense_1/{kernel [4, 1], bias [1]}.
        Assert.Equal([3, 3, 15, 25, 5, 20, 16, 4, 1], optimizer.Lengths);
        Assert.Equal(FitLoopStack.Layout.Weights.Select(w => w.Length), optimizer.Lengths);
    }

    [Theory]
    [InlineData(2f, 3)]
    [InlineData(1e-4f, 9)]
    public void Clipnorm_clips_each_weight_array_of_a_stack_by_its_own_norm(float clipNorm, int expectedClipped)
    {
        // One full batch with SGD at lr = 1: p -= g_w * c / max(‖g_w‖, c) for each weight array w, computed here by hand.
        // The arrays' gradient norms run from 1.26 to 3.23 (about 6 over the whole buffer): a limit of 2 clips three of
        // them and leaves the other six alone, which clipping the buffer as one variable would not.
        WindowedDataset data = TrainingFixtures.Sine(6);
        var model = new FitLoopStack(seed: 2);
        float[] expected = model.Parameters.ToArray();
        float[] gradient = MeanGradient(new FitLoopStack(seed: 2), data);
        int clipped = 0;
        foreach (WeightLayout weight in FitLoopStack.Layout.Weights)
        {
            Span<float> g = weight.Of(gradient);
            double norm = Math.Sqrt(g.ToArray().Sum(x => (double)x * x));
            double scale = clipNorm / Math.Max(norm, clipNorm);
            clipped += scale < 1 ? 1 : 0;
            for (int i = 0; i < g.Length; i++)
            {
                expected[weight.Offset + i] -= (float)(g[i] * scale);
            }
        }

        new Trainer(model, new Sgd(learningRate: 1f) { ClipNorm = clipNorm }).Fit(data, new FitOptions { BatchSize = 6, Shuffle = false });

        Assert.Equal(expectedClipped, clipped);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], model.Parameters[i], 1e-6f);
        }
    }

    [Fact]
    public void Clipvalue_clamps_every_gradient_element_of_a_stack()
    {
        WindowedDataset data = TrainingFixtures.Sine(6);
        var model = new FitLoopStack(seed: 2);
        float[] before = model.Parameters.ToArray();
        float[] gradient = MeanGradient(new FitLoopStack(seed: 2), data);

        new Trainer(model, new Sgd(learningRate: 1f) { ClipValue = 1e-3f }).Fit(data, new FitOptions { BatchSize = 6, Shuffle = false });

        for (int i = 0; i < before.Length; i++)
        {
            Assert.Equal(before[i] - Math.Clamp(gradient[i], -1e-3f, 1e-3f), model.Parameters[i], 1e-7f);
        }
    }

    [Fact]
    public void An_epoch_of_a_stack_allocates_nothing()
    {
        var model = new FitLoopStack(seed: 1);
        var meter = new EpochAllocationMeter();
        new Trainer(model, new Adam { ClipNorm = 1f }).Fit(
            TrainingFixtures.Sine(300), new FitOptions { Epochs = 3, BatchSize = 7, ValidationSplit = 0.1, Callbacks = [meter] });
        Assert.Equal(0, meter.LastEpochBytes);
    }

    [Fact]
    public void Fit_and_evaluate_a_stack_with_a_sequence_output()
    {
        // 100 windows of a sine, 4 steps each; the target is the window itself (OutputLength = TimeSteps * 1 = 4).
        float[] x = [.. Enumerable.Range(0, 100).SelectMany(w => Enumerable.Range(w, 4).Select(i => (float)Math.Sin(i * 0.4)))];
        var data = new WindowedDataset(x, x, inputLength: 4, outputLength: 4);
        var model = new SequenceOutputStack(seed: 1);
        double before = model.Evaluate(data).Mse;

        History history = new Trainer(model, new Adam(0.02f)).Fit(data, new FitOptions { Epochs = 20, BatchSize = 4, Seed = 2, ValidationSplit = 0.2 });

        Assert.True(model.Evaluate(data).Mse < before / 4, $"MSE {before} -> {model.Evaluate(data).Mse}");
        Assert.Equal(history.ValidationLoss[^1], model.Evaluate(data.Slice(80, 20)).Mse, 1e-6);
    }

    [Fact]
    public void A_data_set_of_other_windows_is_refused_naming_the_stacks_lengths()
    {
        var e = Assert.Throws<ArgumentException>(() => new Trainer(new FitLoopStack(), new Adam()).Fit(TrainingFixtures.Sine(10, timeSteps: 5)));
        Assert.StartsWith("Expected windows of the model's InputLength = TimeSteps * Features = 4 * 1 = 4 floats, but the data set's are 5.", e.Message);
    }

    /// <summary>d(mean loss over <paramref name="data"/>)/d(Parameters), as one batch of the fit loop computes it.</summary>
    private static float[] MeanGradient(IRnnModel model, WindowedDataset data)
    {
        model.ClearGradients();
        for (int i = 0; i < data.Count; i++)
        {
            model.Backward(data.Input(i), data.Target(i));
        }

        return [.. model.Gradients.ToArray().Select(g => g / data.Count)];
    }

    private sealed class LengthRecordingOptimizer : IOptimizer
    {
        public int[] Lengths { get; private set; } = [];

        public float LearningRate { get; set; }

        public long Iterations { get; private set; }

        public void Step(Span<float> parameters, ReadOnlySpan<float> gradients) => Step(parameters, gradients, []);

        public void Step(Span<float> parameters, ReadOnlySpan<float> gradients, ReadOnlySpan<int> variableLengths)
        {
            Lengths = variableLengths.ToArray();
            Iterations++;
        }

        public void Reset() => Iterations = 0;
    }
}
