using RnnGen.Data;
using RnnGen.Evaluation;
using RnnGen.Training;

namespace RnnGen.Tests.Training;

public class TrainerTests
{
    [Fact]
    public void Gradients_are_averaged_over_each_batch_and_the_last_partial_batch_over_its_own_size()
    {
        WindowedDataset data = TrainingFixtures.Sine(5);
        var model = new RuntimeSizedRnn(4, 1, 3, 1);
        var optimizer = new RecordingOptimizer();

        new Trainer(model, optimizer).Fit(data, new FitOptions { BatchSize = 2, Shuffle = false });

        Assert.Equal(3, optimizer.Steps.Count);
        AssertClose(MeanGradient(model, data, 0, 2), optimizer.Steps[0]);
        AssertClose(MeanGradient(model, data, 2, 2), optimizer.Steps[1]);
        AssertClose(MeanGradient(model, data, 4, 1), optimizer.Steps[2]);
    }

    [Fact]
    public void Epoch_loss_is_the_batch_size_weighted_mean_of_batch_losses()
    {
        // Nothing is applied, so every batch loss is the loss at the initial weights and the epoch loss must be
        // the plain mean sample loss (= MSE over the data set), although the batches have sizes 3, 3, 1.
        WindowedDataset data = TrainingFixtures.Sine(7);
        var model = new RuntimeSizedRnn(4, 1, 3, 1);
        var callback = new RecordingCallback();

        History history = new Trainer(model, new RecordingOptimizer()).Fit(data, new FitOptions { BatchSize = 3, Callbacks = [callback] });

        Assert.Equal(model.Evaluate(data).Mse, history.Loss[0], 1e-6);
        Assert.Equal([3, 3, 1], callback.Batches.ConvertAll(b => b.Size));
        double weighted = (3.0 * callback.Batches[0].Loss + 3.0 * callback.Batches[1].Loss + callback.Batches[2].Loss) / 7;
        Assert.Equal(weighted, history.Loss[0], 1e-6);
        Assert.Equal(history.Loss[0], callback.Batches[2].EpochLoss, 1e-6);
    }

    [Fact]
    public void Batch_size_defaults_to_32_as_in_keras()
    {
        WindowedDataset data = TrainingFixtures.Sine(70);
        var callback = new RecordingCallback();
        new Trainer(new RuntimeSizedRnn(4, 1, 2, 1), new RecordingOptimizer()).Fit(data, new FitOptions { Callbacks = [callback] });
        Assert.Equal([32, 32, 6], callback.Batches.ConvertAll(b => b.Size));
    }

    [Fact]
    public void Same_seed_reproduces_training_and_another_seed_shuffles_differently()
    {
        WindowedDataset data = TrainingFixtures.Sine(40);
        float[] Train(int seed)
        {
            var model = new RuntimeSizedRnn(4, 1, 3, 1, seed: 9);
            new Trainer(model, new Adam(0.01f)).Fit(data, new FitOptions { Epochs = 3, BatchSize = 4, Seed = seed });
            return model.Parameters.ToArray();
        }

        Assert.Equal(Train(1), Train(1));
        Assert.NotEqual(Train(1), Train(2));
    }

    [Fact]
    public void Without_shuffling_the_seed_does_not_matter()
    {
        WindowedDataset data = TrainingFixtures.Sine(20);
        float[] Train(int seed)
        {
            var model = new RuntimeSizedRnn(4, 1, 3, 1, seed: 9);
            new Trainer(model, new Adam(0.01f)).Fit(data, new FitOptions { Epochs = 2, BatchSize = 4, Shuffle = false, Seed = seed });
            return model.Parameters.ToArray();
        }

        Assert.Equal(Train(1), Train(2));
    }

    [Fact]
    public void Training_with_adam_lowers_the_loss()
    {
        WindowedDataset data = TrainingFixtures.Sine(60);
        var model = new RuntimeSizedRnn(4, 1, 4, 1);
        History history = new Trainer(model, new Adam(0.01f)).Fit(data, new FitOptions { Epochs = 30, BatchSize = 8, Seed = 3 });

        Assert.Equal(30, history.Epochs);
        Assert.Null(history.StopReason);
        Assert.True(history.Loss[^1] < 0.25 * history.Loss[0], $"loss went from {history.Loss[0]} to {history.Loss[^1]}");
    }

    [Fact]
    public void Validation_split_holds_out_the_last_samples_before_shuffling()
    {
        // Keras: split_at = int(10 * (1 - 0.3)) = 7; samples 7, 8, 9 validate.
        WindowedDataset data = TrainingFixtures.Sine(10);
        var model = new RuntimeSizedRnn(4, 1, 3, 1);
        var callback = new RecordingCallback();

        History history = new Trainer(model, new Adam()).Fit(data, new FitOptions { ValidationSplit = 0.3, BatchSize = 2, Callbacks = [callback] });

        Assert.Equal([2, 2, 2, 1], callback.Batches.ConvertAll(b => b.Size));
        Assert.Equal(model.Evaluate(data.Slice(7, 3)).Mse, history.ValidationLoss[0], 1e-6);
    }

    [Fact]
    public void Validation_loss_is_computed_after_each_epoch_on_the_validation_data()
    {
        WindowedDataset train = TrainingFixtures.Sine(30, seed: 1);
        WindowedDataset validation = TrainingFixtures.Sine(9, seed: 2);
        var model = new RuntimeSizedRnn(4, 1, 3, 1);
        var seen = new List<double>();
        var probe = new EpochProbe(() => seen.Add(model.Evaluate(validation).Mse));

        History history = new Trainer(model, new Adam(0.01f)).Fit(train, new FitOptions { Epochs = 3, ValidationData = validation, Callbacks = [probe] });

        Assert.Equal(3, history.ValidationLoss.Count);
        for (int epoch = 0; epoch < 3; epoch++)
        {
            Assert.Equal(seen[epoch], history.ValidationLoss[epoch], 1e-6);
        }
    }

    [Fact]
    public void Callbacks_hear_train_epoch_and_batch_events_in_order()
    {
        var callback = new RecordingCallback();
        new Trainer(new RuntimeSizedRnn(4, 1, 2, 1), new Adam()).Fit(TrainingFixtures.Sine(4), new FitOptions { Epochs = 2, BatchSize = 2, Callbacks = [callback] });

        Assert.Equal(["train_begin", "epoch_begin 0", "epoch_end 0", "epoch_begin 1", "epoch_end 1", "train_end"], callback.Events);
        Assert.Equal([(0, 0), (0, 1), (1, 0), (1, 1)], callback.Batches.ConvertAll(b => (b.Epoch, b.Batch)));
    }

    [Fact]
    public void A_nan_loss_stops_training_with_a_message_and_keeps_the_last_finite_weights()
    {
        // Plain SGD with a learning rate of 1e30 on a linear model overflows within a few batches.
        WindowedDataset data = TrainingFixtures.Sine(16);
        var model = new RuntimeSizedRnn(4, 1, 3, 1, Activation.Linear, Activation.Linear);
        var callback = new RecordingCallback();

        History history = new Trainer(model, new Sgd(learningRate: 1e30f)).Fit(data, new FitOptions { Epochs = 5, BatchSize = 2, Callbacks = [callback] });

        Assert.True(history.TerminatedOnNaN);
        Assert.Contains("NaN or infinite", history.StopReason);
        Assert.Contains("training stopped (TerminateOnNaN)", history.StopReason);
        Assert.True(history.Epochs < 5);
        foreach (float w in model.Parameters)
        {
            Assert.True(float.IsFinite(w), $"weight {w} is not finite");
        }

        Assert.Equal("train_end", callback.Events[^1]);
    }

    [Fact]
    public void An_epoch_allocates_nothing_whatever_the_number_of_samples()
    {
        long small = BytesOfLastEpoch(24);
        long large = BytesOfLastEpoch(480);

        Assert.Equal(0, small);
        Assert.Equal(0, large);
    }

    [Fact]
    public void Data_set_with_another_window_length_is_refused_naming_the_model_input_length()
    {
        var model = new RuntimeSizedRnn(12, 1, 3, 1);
        WindowedDataset data = TrainingFixtures.Sine(10, timeSteps: 4);
        var e = Assert.Throws<ArgumentException>(() => new Trainer(model, new Adam()).Fit(data));
        Assert.Contains("InputLength = TimeSteps * Features = 12 * 1 = 12", e.Message);
        Assert.Contains("are 4", e.Message);
    }

    [Theory]
    [InlineData(0, 32, 0.0, "Epochs")]
    [InlineData(1, 0, 0.0, "BatchSize")]
    [InlineData(1, 32, 1.0, "ValidationSplit")]
    [InlineData(1, 32, -0.1, "ValidationSplit")]
    public void Out_of_range_options_are_refused_by_name(int epochs, int batchSize, double split, string name)
    {
        var trainer = new Trainer(new RuntimeSizedRnn(4, 1, 2, 1), new Adam());
        var e = Assert.ThrowsAny<ArgumentException>(() => trainer.Fit(TrainingFixtures.Sine(10), new FitOptions { Epochs = epochs, BatchSize = batchSize, ValidationSplit = split }));
        Assert.Equal(name, e.ParamName);
    }

    [Fact]
    public void Validation_data_and_split_together_are_refused()
    {
        var trainer = new Trainer(new RuntimeSizedRnn(4, 1, 2, 1), new Adam());
        WindowedDataset data = TrainingFixtures.Sine(10);
        var e = Assert.Throws<ArgumentException>(() => trainer.Fit(data, new FitOptions { ValidationData = data, ValidationSplit = 0.2 }));
        Assert.Contains("either ValidationData or ValidationSplit", e.Message);
    }

    private static long BytesOfLastEpoch(int samples)
    {
        WindowedDataset data = TrainingFixtures.Sine(samples);
        WindowedDataset validation = TrainingFixtures.Sine(8, seed: 4);
        var meter = new EpochAllocationMeter();
        var model = new RuntimeSizedRnn(4, 1, 3, 1);
        new Trainer(model, new Adam()).Fit(data, new FitOptions { Epochs = 3, BatchSize = 5, ValidationData = validation, Callbacks = [meter] });
        return meter.LastEpochBytes;
    }

    private static float[] MeanGradient(IRnnModel model, WindowedDataset data, int start, int count)
    {
        model.ClearGradients();
        for (int i = start; i < start + count; i++)
        {
            model.Backward(data.Input(i), data.Target(i));
        }

        float[] gradient = model.Gradients.ToArray();
        for (int i = 0; i < gradient.Length; i++)
        {
            gradient[i] /= count;
        }

        return gradient;
    }

    private static void AssertClose(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 1e-6f);
        }
    }

    private sealed class EpochProbe(Action atEpochEnd) : Callback
    {
        public override void OnEpochEnd(TrainingContext context, in EpochLogs logs) => atEpochEnd();
    }
}
