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
        var layer = new Option<string>("--layer")
        {
            HelpName = "simple_rnn|lstm|gru",
            Description = "The recurrent layer, by its Keras name: the tutorial's SimpleRNN, or an LSTM or a GRU (Keras 3 defaults) in its place; "
                + "the tutorial's Dense(1, tanh) follows it either way.",
            DefaultValueFactory = _ => ModelCatalog.SimpleRnn,
        };
        layer.Validators.Add(result =>
        {
            if (!ModelCatalog.Layers.Contains(result.GetValueOrDefault<string>()))
            {
                result.AddError($"--layer must be {ModelCatalog.LayerListing}.");
            }
        });
        Option<int> epochs = AtLeastOne("--epochs", 20, "Passes over the training windows (Keras epochs).");
        Option<int> batchSize = AtLeastOne("--batch-size", 1, "Windows per gradient step (Keras batch_size).");
        Option<int> timeSteps = AtLeastOne(
            "--time-steps", ModelCatalog.Tutorial.TimeSteps, $"Months per input window. Models are compiled for: {ModelCatalog.Listing}.");
        Option<int> hiddenUnits = AtLeastOne(
            "--hidden-units", ModelCatalog.Tutorial.HiddenUnits, "Units of the recurrent layer; only the combinations listed under --time-steps exist.");
        var seed = new Option<int>("--seed")
        {
            Description = "Seed of the initial weights and of the shuffling order.",
            DefaultValueFactory = _ => 1,
        };
        var plot = new Option<FileInfo?>("--plot")
        {
            HelpName = "FILE",
            Description = "The tutorial's figure (PNG); the loss curve goes beside it as NAME-loss.png. "
                + $"Default: {RunSettings.DefaultPlot(ModelCatalog.SimpleRnn)}, or sunspots-LAYER.png beside it for another --layer, so that no run overwrites another's.",
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
            + "SimpleRNN + Dense on the monthly sunspots (or LSTM or GRU + Dense: --layer), trained, evaluated (RMSE) and plotted.")
        {
            data, layer, epochs, batchSize, timeSteps, hiddenUnits, seed, plot, saveWeights, verbose,
        };
        command.SetAction((parsed, cancellationToken) =>
        {
            string recurrent = parsed.GetRequiredValue(layer);
            int steps = parsed.GetValue(timeSteps);
            int units = parsed.GetValue(hiddenUnits);
            if (ModelCatalog.Find(recurrent, steps, units) is not { } model)
            {
                Console.Error.WriteLine(
                    $"No model is compiled for --layer {recurrent} --time-steps {steps} --hidden-units {units}: an RnnGen model's shape is fixed at compile time. "
                    + $"This sample has {ModelCatalog.Listing}; declare another in samples/Sunspots/Models/SunspotModels.cs and list it in ModelCatalog.cs.");
                return Task.FromResult(1);
            }

            var settings = new RunSettings(
                parsed.GetValue(data),
                parsed.GetValue(epochs),
                parsed.GetValue(batchSize),
                model,
                parsed.GetValue(seed),
                parsed.GetValue(plot) ?? new FileInfo(RunSettings.DefaultPlot(recurrent)),
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
