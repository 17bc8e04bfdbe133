using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace RnnGen.Training;

/// <summary>
/// Keras' console output of <c>fit</c>. Verbose 2: <c>Epoch 3/20</c>, then one line per epoch
/// (<c>187/187 - 0s - loss: 0.0042 - val_loss: 0.0050</c>). Verbose 1: the same heading, then a progress
/// bar (<c>187/187 [==============================] - 0s 1ms/step - loss: 0.0042</c>) redrawn in place
/// while the batches run when the output is a terminal, printed once per epoch otherwise.
/// </summary>
/// <remarks>Numbers are formatted as Keras does: <c>%.4f</c>, or <c>%.4e</c> when the magnitude is at most 1e-3. This callback allocates when it prints.</remarks>
public sealed class ConsoleReporter : Callback
{
    private const int BarWidth = 30;
    private static readonly long RedrawInterval = Stopwatch.Frequency / 20; // Keras redraws at most every 0.05 s

    private readonly TextWriter _writer;
    private readonly bool _interactive;
    private long _epochStart;
    private long _lastDraw;

    /// <summary>Creates a reporter.</summary>
    /// <param name="verbose">1 (progress bar) or 2 (one line per epoch).</param>
    /// <param name="writer">Where to write; null: <see cref="Console.Out"/>.</param>
    /// <param name="interactive">Redraw the bar during an epoch; null: when writing to a console that is not redirected.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="verbose"/> is not 1 or 2.</exception>
    public ConsoleReporter(int verbose = 1, TextWriter? writer = null, bool? interactive = null)
    {
        if (verbose is not (1 or 2))
        {
            throw OutOfRange.Of(nameof(verbose), verbose, "Expected verbose 1 (progress bar) or 2 (one line per epoch)");
        }

        Verbose = verbose;
        _writer = writer ?? Console.Out;
        _interactive = verbose == 1 && (interactive ?? (writer is null && !Console.IsOutputRedirected));
    }

    /// <summary>1 (progress bar) or 2 (one line per epoch).</summary>
    public int Verbose { get; }

    /// <inheritdoc/>
    public override void OnEpochBegin(TrainingContext context, int epoch)
    {
        _writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Epoch {epoch + 1}/{context.Epochs}"));
        _epochStart = Stopwatch.GetTimestamp();
        _lastDraw = _epochStart;
    }

    /// <inheritdoc/>
    public override void OnBatchEnd(TrainingContext context, in BatchLogs logs)
    {
        long now = Stopwatch.GetTimestamp();
        if (!_interactive || now - _lastDraw < RedrawInterval || logs.Batch + 1 == context.BatchesPerEpoch)
        {
            return;
        }

        _lastDraw = now;
        _writer.Write("\r" + Bar(logs.Batch + 1, context.BatchesPerEpoch) + " - loss: " + Format(logs.EpochLoss));
        _writer.Flush();
    }

    /// <inheritdoc/>
    public override void OnEpochEnd(TrainingContext context, in EpochLogs logs)
    {
        TimeSpan elapsed = Stopwatch.GetElapsedTime(_epochStart);
        var line = new StringBuilder();
        int batches = context.BatchesPerEpoch;
        if (Verbose == 2)
        {
            line.Append(CultureInfo.InvariantCulture, $"{batches}/{batches} - {elapsed.TotalSeconds:F0}s");
        }
        else
        {
            double perStep = elapsed.TotalMilliseconds / batches;
            line.Append(_interactive ? "\r" : "")
                .Append(Bar(batches, batches))
                .Append(CultureInfo.InvariantCulture, $" - {elapsed.TotalSeconds:F0}s {perStep:F0}ms/step");
        }

        line.Append(" - loss: ").Append(Format(logs.Loss));
        if (logs.HasValidation)
        {
            line.Append(" - val_loss: ").Append(Format(logs.ValidationLoss));
        }

        _writer.WriteLine(line.ToString());
    }

    /// <inheritdoc/>
    public override void OnTrainEnd(TrainingContext context, History history)
    {
        if (history.StopReason is not null)
        {
            _writer.WriteLine(history.StopReason);
        }

        _writer.Flush();
    }

    /// <summary>Keras' number format: <c>%.4f</c>, or <c>%.4e</c> when <c>|value| ≤ 1e-3</c>.</summary>
    internal static string Format(float value) =>
        Math.Abs(value) > 1e-3f
            ? value.ToString("F4", CultureInfo.InvariantCulture)
            : value.ToString("0.0000e+00", CultureInfo.InvariantCulture);

    private static string Bar(int done, int total)
    {
        int filled = (int)((long)BarWidth * done / total);
        var bar = new StringBuilder(BarWidth + 24);
        bar.Append(CultureInfo.InvariantCulture, $"{done}/{total} [");
        bar.Append('=', Math.Max(0, done < total ? filled - 1 : filled));
        if (done < total && filled > 0)
        {
            bar.Append('>');
        }

        bar.Append('.', BarWidth - filled);
        return bar.Append(']').ToString();
    }
}
