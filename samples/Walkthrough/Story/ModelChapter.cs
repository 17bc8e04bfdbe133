using RnnGen;
using Walkthrough.Tutorial;

namespace Walkthrough.Story;

/// <summary>Chapter 1 and 2: the demo network's summary, and its weights under the tutorial's names.</summary>
internal static class ModelChapter
{
    public static void ShowSummary(IRnnModel model)
    {
        Narrator.Chapter(1, "The demo network: SimpleRNN(2, linear) + Dense(1, linear) over 3 time steps");
        Narrator.Say("Keras: demo_model = create_RNN(hidden_units=2, dense_units=1, input_shape=(3, 1), activation=['linear', 'linear'])");
        Narrator.Say("RnnGen: [Rnn(TimeSteps = 3, Features = 1, HiddenUnits = 2, DenseUnits = 1, HiddenActivation = Activation.Linear, DenseActivation = Activation.Linear)]");
        Narrator.Say("");
        Narrator.Say(model.Summary());
        Narrator.Say("SimpleRNN: 1x2 (wx) + 2x2 (wh) + 2 (bh) = 8;  Dense: 2x1 (wy) + 1 (by) = 3;  total 11.");
    }

    public static void ShowWeights(TutorialWeights weights)
    {
        Narrator.Chapter(2, "The weights: wx, wh, bh, wy, by = demo_model.get_weights()");
        Narrator.Say("Kernels as Keras initializes them (glorot_uniform, orthogonal). Keras starts the biases at zero;");
        Narrator.Say("here they are set to non-zero values so that every comparison below exercises them too.");
        Narrator.Say("");
        foreach (Weight weight in weights.All)
        {
            Narrator.Say($"{weight.Name} {weight.ShapeText,-7} {weight.Meaning,-27} {weight.ValuesText}");
        }
    }
}
