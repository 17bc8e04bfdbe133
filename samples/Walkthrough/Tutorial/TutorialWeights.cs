using RnnGen;

namespace Walkthrough.Tutorial;

/// <summary>
/// The tutorial's names for a model's weights: <c>wx, wh, bh, wy, by = model.get_weights()</c>. Each is a
/// copy of a named view of <see cref="IRnnModel.Parameters"/>, in Keras' order and layout.
/// </summary>
internal sealed record TutorialWeights(Weight Wx, Weight Wh, Weight Bh, Weight Wy, Weight By)
{
    public static TutorialWeights Of(IRnnModel model)
    {
        RnnShape s = model.Shape;
        return new TutorialWeights(
            Weight.Of("wx", "SimpleRNN kernel", model.Kernel, s.Features, s.HiddenUnits),
            Weight.Of("wh", "SimpleRNN recurrent_kernel", model.RecurrentKernel, s.HiddenUnits, s.HiddenUnits),
            Weight.Of("bh", "SimpleRNN bias", model.Bias, s.HiddenUnits),
            Weight.Of("wy", "Dense kernel", model.DenseKernel, s.HiddenUnits, s.DenseUnits),
            Weight.Of("by", "Dense bias", model.DenseBias, s.DenseUnits));
    }

    public IEnumerable<Weight> All => [Wx, Wh, Bh, Wy, By];
}
