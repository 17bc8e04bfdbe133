using System.Diagnostics;
using RnnGen;
using RnnGen.Evaluation;
using RnnGen.Persistence;
using RnnGen.Training;
using Sunspots.Cli;
using Sunspots.Data;
using Sunspots.Output;
using Sunspots.Plots;
using static System.FormattableString;

namespace Sunspots.Experiment;

/// <summary>The tutorial's part 2 from data to figures: prepare, train, evaluate, save, plot. Numbers print invariantly.</summary>
internal static class TutorialRun
{
    public static async Task<int> RunAsync(RunSettings settings, CancellationToken cancellationToken)
    {
        SunspotSeries series;
        try
        {
            series = await new SunspotsSource(Console.Out).LoadAsync(settings.Data, cancellationToken);
        }
        catch (Exception e) when (e is IOException or FormatException or HttpRequestException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"Cannot read --data {settings.Data}: {e.Message}");
            return 1;
        }

        // A synthetic run labels every line, so that none of its figures can pass for real ones.
        TextWriter console = series.IsSynthetic ? new LinePrefixWriter(Console.Out, "[synthetic data] ") : Console.Out;
        int status = Run(settings, series, console);
        console.Flush();
        return status;
    }

    private static int Run(RunSettings settings, SunspotSeries series, TextWriter console)
    {
        int timeSteps = settings.Model.TimeSteps;
        int minimum = TutorialData.MinimumValues(timeSteps);
        if (series.Values.Length < minimum)
        {
            string source = settings.Data is null ? series.Origin : "--data " + series.Origin;
            Console.Error.WriteLine(Invariant(
                $"Cannot use {source}: it has {series.Values.Length} monthly value(s), but {timeSteps}-month windows need at least {minimum}: ")
                + Invariant($"{timeSteps + 1} (a window and the month after it) on each side of the split at {TutorialData.TrainFraction:0%}."));
            return 1;
        }

        var data = TutorialData.Prepare(series.Values, timeSteps);
        console.WriteLine(Invariant($"Data: {series.Values.Length} monthly values from {series.Origin}"));
        console.WriteLine(Invariant(
            $"Scaled to (0, 1) over [{data.Scaler.DataMin[0]:0.#}, {data.Scaler.DataMax[0]:0.#}] sunspots; split at {TutorialData.TrainFraction:0%}: ")
            + Invariant($"train {data.TrainValues} values -> {data.Train.Count} windows of {timeSteps}, test {data.TestValues} values -> {data.Test.Count} windows."));
        console.WriteLine();

        IRnnModel model = settings.Model.Create(settings.Seed);
        console.WriteLine(model.Summary());
        console.WriteLine();

        var fit = new FitOptions
        {
            Epochs = settings.Epochs,
            BatchSize = settings.BatchSize,
            Seed = settings.Seed,
            Callbacks = settings.Verbose > 0 ? [new ConsoleReporter(settings.Verbose, console, interactive: !Console.IsOutputRedirected)] : [],
        };
        long start = Stopwatch.GetTimestamp();
        History history = new Trainer(model, new Adam()).Fit(data.Train, fit);
        TimeSpan trainingTime = Stopwatch.GetElapsedTime(start);

        console.WriteLine();
        console.WriteLine(Invariant(
            $"Training time: {trainingTime.TotalMilliseconds:F0} ms for {history.Epochs} epochs of {data.Train.Count} windows, batch size {settings.BatchSize}."));
        PrintErrors(console, model, data);
        console.WriteLine();

        // The weights first: they cost a training run, while a figure that fails can be drawn again from them.
        bool saved = settings.SaveWeights is not { } weights || OutputFile.TryWrite("--save-weights", weights.FullName, () =>
        {
            weights.Directory?.Create();
            WeightFile.Save(model, weights.FullName);
            console.WriteLine($"Weights:     {weights.FullName}");
        });
        bool drawn = WriteFigures(settings, model, data, history, series.IsSynthetic, console);
        return history.TerminatedOnNaN || !saved || !drawn ? 1 : 0;
    }

    // The tutorial's print_error: RMSE on the scaled data; here also in sunspots, through the scaler's inverse.
    private static void PrintErrors(TextWriter console, IRnnModel model, TutorialData data)
    {
        console.WriteLine(Invariant($"Train RMSE: {model.Evaluate(data.Train).Rmse:F3} RMSE (scaled)  = {model.Evaluate(data.Train, data.Scaler).Rmse:F1} sunspots"));
        console.WriteLine(Invariant($"Test RMSE:  {model.Evaluate(data.Test).Rmse:F3} RMSE (scaled)  = {model.Evaluate(data.Test, data.Scaler).Rmse:F1} sunspots"));
    }

    private static bool WriteFigures(RunSettings settings, IRnnModel model, TutorialData data, History history, bool synthetic, TextWriter console)
    {
        var actual = new float[data.Train.Count + data.Test.Count];
        var predicted = new float[actual.Length];
        data.Train.Y.CopyTo(actual);
        data.Test.Y.CopyTo(actual.AsSpan(data.Train.Count));
        model.Predict(data.Train, predicted.AsSpan(0, data.Train.Count));
        model.Predict(data.Test, predicted.AsSpan(data.Train.Count));

        return OutputFile.TryWrite("--plot", settings.Plot.FullName, () =>
        {
            settings.Plot.Directory?.Create();
            TutorialFigure.Save(settings.Plot.FullName, actual, predicted, data.Train.Count, synthetic);
            console.WriteLine($"Figure:      {settings.Plot.FullName}");
            if (history.Epochs > 0)
            {
                LossCurve.Save(settings.LossPlotPath, history.Loss, synthetic);
                console.WriteLine($"Loss curve:  {Path.GetFullPath(settings.LossPlotPath)}");
            }
        });
    }
}
