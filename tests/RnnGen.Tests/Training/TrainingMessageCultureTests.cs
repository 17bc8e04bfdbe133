using RnnGen.Evaluation;
using RnnGen.Training;

namespace RnnGen.Tests.Training;

/// <summary>Training and evaluation messages read the same in every culture: "0.010766" and "Infinity", never "0,010766" or "∞".</summary>
public class TrainingMessageCultureTests
{
    [Fact]
    public void Terminate_on_nan_message_formats_the_loss_invariantly()
    {
        using var culture = CommaCulture.Use();
        RuntimeSizedRnn model = FiniteBatchTests.HugeLinearModel();

        History history = new Trainer(model, new RecordingOptimizer()).Fit(FiniteBatchTests.Samples(3), new FitOptions { BatchSize = 3 });

        Assert.Equal(
            "Batch 1/1 of epoch 1: the loss (1.9140883E+38), a gradient or an updated weight is NaN or infinite; training stopped (TerminateOnNaN) and the weights are those after the last finite batch.",
            history.StopReason);
    }

    [Fact]
    public void Early_stopping_message_formats_the_best_loss_invariantly()
    {
        using var culture = CommaCulture.Use();
        var stopping = new EarlyStopping { Monitor = MonitoredLoss.Loss };
        var context = new TrainingContext(new RuntimeSizedRnn(2, 1, 2, 1), 5, 10, 2, validationSamples: 0);
        stopping.OnTrainBegin(context);
        stopping.OnEpochEnd(context, new EpochLogs(0, 0.010766f, float.NaN));
        stopping.OnEpochEnd(context, new EpochLogs(1, 0.02f, float.NaN));

        Assert.Equal("Early stopping after epoch 2: loss has not improved on 0.010766 (epoch 1) for 1 epoch(s).", context.StopReason);
    }

    [Fact]
    public void Out_of_range_options_state_their_value_invariantly()
    {
        using var culture = CommaCulture.Use();
        var model = new RuntimeSizedRnn(4, 1, 3, 1);

        var split = Assert.Throws<ArgumentOutOfRangeException>(
            () => new Trainer(model, new Adam()).Fit(TrainingFixtures.Sine(10), new FitOptions { ValidationSplit = 0.95 }));
        var beta = Assert.Throws<ArgumentOutOfRangeException>(() => new Adam(beta1: 1.5f));
        var minDelta = Assert.Throws<ArgumentOutOfRangeException>(
            () => new EarlyStopping { MinDelta = -0.5f, Monitor = MonitoredLoss.Loss }.OnTrainBegin(new TrainingContext(model, 1, 10, 2, 0)));

        Assert.Equal("A validation split of 0.95 of 10 samples leaves 0 to train on and 10 to validate: both need at least one. (Parameter 'ValidationSplit')", split.Message);
        Assert.Equal("beta1 must lie in [0, 1), but it is 1.5. (Parameter 'beta1')", beta.Message);
        Assert.Equal("MinDelta must be zero or positive, but it is -0.5. (Parameter 'MinDelta')", minDelta.Message);
    }

    [Fact]
    public void Evaluation_states_a_negative_column_invariantly()
    {
        using var culture = CommaCulture.Use();
        var model = new RuntimeSizedRnn(4, 1, 3, 1);
        var scaler = new RnnGen.Data.MinMaxScaler();
        scaler.Fit([0f, 1f, 2f, 3f], features: 2);

        var e = Assert.Throws<ArgumentOutOfRangeException>(
            () => ModelEvaluation.Evaluate(model, TrainingFixtures.Sine(4), scaler, targetColumns: [-1]));

        Assert.Contains("but one is -1.", e.Message);
    }
}
