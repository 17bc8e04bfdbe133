using RnnGen.Training;

namespace RnnGen.Tests.Training;

/// <summary>Drives <see cref="EarlyStopping"/> with scripted epoch losses; parameter 0 is set to the epoch number so restores are visible.</summary>
public class EarlyStoppingTests
{
    [Fact]
    public void Stops_after_patience_epochs_without_improvement()
    {
        var stopping = new EarlyStopping { Patience = 2 };
        (int stoppedAfter, _) = Run(stopping, [0.5f, 0.4f, 0.45f, 0.41f, 0.3f]);

        Assert.Equal(3, stoppedAfter);
        Assert.Equal(0.4f, stopping.Best);
        Assert.Equal(1, stopping.BestEpoch);
        Assert.Equal(3, stopping.StoppedEpoch);
    }

    [Fact]
    public void Improvement_smaller_than_min_delta_does_not_count()
    {
        // 0.495 improves on 0.5 by less than 0.01: the wait keeps counting.
        var stopping = new EarlyStopping { Patience = 1, MinDelta = 0.01f };
        (int stoppedAfter, _) = Run(stopping, [0.5f, 0.495f, 0.3f]);
        Assert.Equal(1, stoppedAfter);
    }

    [Fact]
    public void Restore_best_weights_puts_back_the_best_epoch_weights()
    {
        var stopping = new EarlyStopping { Patience = 2, RestoreBestWeights = true };
        (_, float restoredEpochMarker) = Run(stopping, [0.5f, 0.4f, 0.45f, 0.41f, 0.3f]);
        Assert.Equal(1f, restoredEpochMarker);
    }

    [Fact]
    public void Restore_best_weights_applies_also_when_training_runs_to_the_end()
    {
        var stopping = new EarlyStopping { Patience = 10, RestoreBestWeights = true };
        (int stoppedAfter, float restoredEpochMarker) = Run(stopping, [0.5f, 0.2f, 0.45f]);
        Assert.Equal(-1, stoppedAfter);
        Assert.Equal(1f, restoredEpochMarker);
    }

    [Fact]
    public void Monitoring_training_loss_uses_loss_not_val_loss()
    {
        var stopping = new EarlyStopping { Monitor = MonitoredLoss.Loss, Patience = 0 };
        var model = new RuntimeSizedRnn(2, 1, 2, 1);
        var context = new TrainingContext(model, 5, 10, 2, validationSamples: 0);
        stopping.OnTrainBegin(context);
        stopping.OnEpochEnd(context, new EpochLogs(0, 0.5f, float.NaN));
        stopping.OnEpochEnd(context, new EpochLogs(1, 0.6f, float.NaN));
        Assert.True(context.StopRequested);
        Assert.Contains("loss has not improved on 0.5", context.StopReason);
    }

    [Fact]
    public void Monitoring_val_loss_without_validation_is_refused_at_train_begin()
    {
        var model = new RuntimeSizedRnn(2, 1, 2, 1);
        var e = Assert.Throws<ArgumentException>(() => new EarlyStopping().OnTrainBegin(new TrainingContext(model, 5, 10, 2, 0)));
        Assert.Contains("no validation data", e.Message);
    }

    [Fact]
    public void Early_stopping_ends_a_real_fit_and_records_the_reason()
    {
        var model = new RuntimeSizedRnn(4, 1, 3, 1);
        History history = new Trainer(model, new Sgd(learningRate: 0f)).Fit(
            TrainingFixtures.Sine(12),
            new FitOptions { Epochs = 10, ValidationSplit = 0.25, Callbacks = [new EarlyStopping { Patience = 2 }] });

        // Nothing learns with lr 0: epoch 0 sets the best, epochs 1 and 2 do not improve, training stops after epoch 3 of 10.
        Assert.Equal(3, history.Epochs);
        Assert.StartsWith("Early stopping after epoch 3", history.StopReason);
        Assert.False(history.TerminatedOnNaN);
    }

    /// <summary>Plays the validation losses; returns the 0-based epoch after which a stop was asked (-1: none) and parameter 0 at the end.</summary>
    private static (int StoppedAfter, float FinalMarker) Run(EarlyStopping stopping, float[] validationLosses)
    {
        var model = new RuntimeSizedRnn(2, 1, 2, 1);
        var context = new TrainingContext(model, validationLosses.Length, 10, 2, validationSamples: 4);
        stopping.OnTrainBegin(context);
        int stoppedAfter = -1;
        var history = new History(validationLosses.Length, hasValidation: true);
        for (int epoch = 0; epoch < validationLosses.Length; epoch++)
        {
            model.Parameters[0] = epoch;
            var logs = new EpochLogs(epoch, 1f, validationLosses[epoch]);
            history.Add(logs);
            stopping.OnEpochEnd(context, logs);
            if (context.StopRequested)
            {
                stoppedAfter = epoch;
                break;
            }
        }

        stopping.OnTrainEnd(context, history);
        return (stoppedAfter, model.Parameters[0]);
    }
}
