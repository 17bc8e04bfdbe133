using System.Globalization;

namespace RnnGen.Training;

/// <summary>
/// Keras <c>EarlyStopping</c> (mode "min"): stops when the monitored loss has not improved by more than
/// <see cref="MinDelta"/> for <see cref="Patience"/> epochs, and optionally puts back the best epoch's weights.
/// </summary>
/// <remarks>
/// As in Keras 3: an epoch improves when <c>current + min_delta &lt; best</c>; the wait count restarts on
/// improvement and training stops once it reaches <c>patience</c> (never after the first epoch); with
/// <see cref="RestoreBestWeights"/>, the best weights are restored when training ends, whether it stopped
/// early or not. The copy of the best weights is allocated once, at the start of training.
/// </remarks>
public sealed class EarlyStopping : Callback
{
    private float[] _bestWeights = [];
    private bool _haveBestWeights;
    private float _best;
    private int _wait;

    /// <summary>What is watched. Default <see cref="MonitoredLoss.ValidationLoss"/>, as Keras' <c>"val_loss"</c>.</summary>
    public MonitoredLoss Monitor { get; init; } = MonitoredLoss.ValidationLoss;

    /// <summary>Epochs without improvement before stopping (Keras <c>patience</c>); at least 0. Default 0.</summary>
    public int Patience { get; init; }

    /// <summary>Smallest decrease that counts as an improvement (Keras <c>min_delta</c>); at least 0. Default 0.</summary>
    public float MinDelta { get; init; }

    /// <summary>Put back the weights of the best epoch when training ends (Keras <c>restore_best_weights</c>). Default false.</summary>
    public bool RestoreBestWeights { get; init; }

    /// <summary>The best monitored value seen (+∞ before the first epoch).</summary>
    public float Best => _best;

    /// <summary>0-based epoch of <see cref="Best"/>, or -1.</summary>
    public int BestEpoch { get; private set; } = -1;

    /// <summary>0-based epoch after which training was stopped, or -1 when it was not.</summary>
    public int StoppedEpoch { get; private set; } = -1;

    /// <inheritdoc/>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="Patience"/> or <see cref="MinDelta"/> is negative.</exception>
    /// <exception cref="ArgumentException">The validation loss is monitored but the fit has no validation samples.</exception>
    public override void OnTrainBegin(TrainingContext context)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Patience, nameof(Patience));
        if (!(MinDelta >= 0f))
        {
            throw OutOfRange.Of(nameof(MinDelta), MinDelta, "MinDelta must be zero or positive");
        }

        if (Monitor == MonitoredLoss.ValidationLoss && context.ValidationSamples == 0)
        {
            throw new ArgumentException(
                "EarlyStopping monitors the validation loss, but the fit has no validation data: set FitOptions.ValidationData or ValidationSplit, or monitor MonitoredLoss.Loss.",
                nameof(context));
        }

        if (RestoreBestWeights && _bestWeights.Length != context.Model.ParameterCount)
        {
            _bestWeights = new float[context.Model.ParameterCount];
        }

        _haveBestWeights = false;
        _best = float.PositiveInfinity;
        _wait = 0;
        BestEpoch = -1;
        StoppedEpoch = -1;
    }

    /// <inheritdoc/>
    public override void OnEpochEnd(TrainingContext context, in EpochLogs logs)
    {
        float current = Monitor == MonitoredLoss.Loss ? logs.Loss : logs.ValidationLoss;
        if (RestoreBestWeights && !_haveBestWeights)
        {
            SaveWeights(context.Model);
        }

        _wait++;
        // Keras (mode "min"): improved when current + min_delta < best.
        if (current + MinDelta < _best)
        {
            _best = current;
            BestEpoch = logs.Epoch;
            if (RestoreBestWeights)
            {
                SaveWeights(context.Model);
            }

            _wait = 0;
            return;
        }

        if (_wait >= Patience && logs.Epoch > 0)
        {
            StoppedEpoch = logs.Epoch;
            context.StopTraining(string.Create(
                CultureInfo.InvariantCulture,
                $"Early stopping after epoch {logs.Epoch + 1}: {Name} has not improved on {_best:G5} (epoch {BestEpoch + 1}) for {_wait} epoch(s)."));
        }
    }

    /// <inheritdoc/>
    public override void OnTrainEnd(TrainingContext context, History history)
    {
        if (RestoreBestWeights && _haveBestWeights)
        {
            _bestWeights.CopyTo(context.Model.Parameters);
        }
    }

    private string Name => Monitor == MonitoredLoss.Loss ? "loss" : "val_loss";

    private void SaveWeights(IRnnModel model)
    {
        model.Parameters.CopyTo(_bestWeights);
        _haveBestWeights = true;
    }
}
