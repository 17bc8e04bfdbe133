using System.CommandLine;
using System.CommandLine.Parsing;
using Sunspots.Data;
using Sunspots.Experiment;
using Sunspots.Models;

namespace Sunspots.Cli;

/// <summary>The sample's command line. Every default reproduces the tutorial.</summary>
internal static class SunspotsCommand
{
    public static RootCommand Create()
    {
        var data = new Option<string?>("--data")
        {
            HelpName = "PATH|URL",
            Description = "The monthly sunspots CSV (the number in the second column). Default: the copy in the user's cache folder, "
                + $"else a download of {SunspotsSource.TutorialUrl}, else (offline) a clearly labelled synthetic series.",
        };
        Option<int> epochs = AtLeastOne("--epochs", 20, "Passes over the training windows (Keras epochs).");
        Option<int> batchSize = AtLeastOne("--batch-size", 1, "Windows per gradient step (Keras batch_size).");
        Option<int> timeSteps = AtLeastOne(
            "--time-steps", ModelCatalog.Tutorial.TimeSteps, $"Months per input window. Models are compiled for: {ModelCatalog.Listing}.");
        Option<int> hiddenUnits = AtLeastOne(
            "--hidden-units", ModelCatalog.Tutorial.HiddenUnits, "SimpleRNN units; only the combinations listed under --time-steps exist.");
        var seed = new Option<int>("--seed")
        {
            Description = "Seed of the initial weights and of the shuffling order.",
            DefaultValueFactory = _ => 1,
        };
        var plot = new Option<FileInfo>("--plot")
        {
            HelpName = "FILE",
            Description = "The tutorial's figure (PNG); the loss curve goes beside it as NAME-loss.png.",
            DefaultValueFactory = _ => new FileInfo(Path.Combine("artifacts", "sunspots", "sunspots.png")),
        };
        var saveWeights = new Option<FileInfo?>("--save-weights")
        {
            HelpName = "FILE",
            Description = "Write the trained weights (RnnGen weight file; samples/Streaming loads it with --weights).",
        };
        var verbose = new Option<int>("--verbose")
        {
            Description = "Keras verbose: 0 silent, 1 progress bar, 2 one line per epoch.",
            DefaultValueFactory = _ => 2,
        };
        verbose.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is not (0 or 1 or 2))
            {
                result.AddError("--verbose must be 0, 1 or 2.");
            }
        });

        var command = new RootCommand(
            "The Keras tutorial \"Understanding Simple Recurrent Neural Networks in Keras\", part 2, with RnnGen: "
            + "SimpleRNN + Dense on the monthly sunspots, trained, evaluated (RMSE) and plotted.")
        {
            data, epochs, batchSize, timeSteps, hiddenUnits, seed, plot, saveWeights, verbose,
        };
        command.SetAction((parsed, cancellationToken) =>
        {
            int steps = parsed.GetValue(timeSteps);
            int units = parsed.GetValue(hiddenUnits);
            if (ModelCatalog.Find(steps, units) is not { } model)
            {
                Console.Error.WriteLine(
                    $"No model is compiled for --time-steps {steps} --hidden-units {units}: an RnnGen model's shape is fixed at compile time. "
                    + $"This sample has {ModelCatalog.Listing}; add an [Rnn] class to samples/Sunspots/Models/SunspotModels.cs for another.");
                return Task.FromResult(1);
            }

            var settings = new RunSettings(
                parsed.GetValue(data),
                parsed.GetValue(epochs),
                parsed.GetValue(batchSize),
                model,
                parsed.GetValue(seed),
                parsed.GetRequiredValue(plot),
                parsed.GetValue(saveWeights),
                parsed.GetValue(verbose));
            return TutorialRun.RunAsync(settings, cancellationToken);
        });
        return command;
    }

    private static Option<int> AtLeastOne(string name, int defaultValue, string description)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError($"{name} must be at least 1.");
            }
        });
        return option;
    }
}
