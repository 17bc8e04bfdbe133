using System.CommandLine;
using Walkthrough.Story;

var seed = new Option<int>("--seed")
{
    Description = "Seed of the Keras-default initial weights.",
    DefaultValueFactory = _ => 7,
};
var diagram = new Option<FileInfo>("--diagram")
{
    Description = "Where to write the Graphviz (DOT) model diagram.",
    DefaultValueFactory = _ => new FileInfo(Path.Combine("artifacts", "walkthrough", "demo_model.dot")),
};

var command = new RootCommand(
    "The Keras tutorial \"Understanding Simple Recurrent Neural Networks in Keras\", part 1, with RnnGen: the demo "
    + "network's summary and weights, the hand computation beside Predict, return_sequences, stateful, and a model "
    + "diagram. Exits with 1 if the model and the hand computation differ by more than 1e-5.")
{
    seed,
    diagram,
};
command.SetAction(parsed => TutorialPartOne.Run(parsed.GetValue(seed), parsed.GetRequiredValue(diagram)));
return command.Parse(args).Invoke();
