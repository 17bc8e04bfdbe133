using RnnGen;
using Walkthrough.Tutorial;

namespace Walkthrough.Story;

/// <summary>Chapter 3: the tutorial's h1, h2, h3 and o3 for x = [1, 2, 3], worked by hand and set beside the model.</summary>
internal static class HandComputationChapter
{
    public static void Run(DemoRnn model, HandComputation hand, Checks checks)
    {
        double[] x = TutorialInput.X;
        Narrator.Chapter(3, "By hand: x = [1, 2, 3], h0 = 0");
        Narrator.Say("Each hidden state is the model's State after Step(x_t); o3 is Predict(x).");
        Narrator.Say("");
        (double[][] h, double[] o) = hand.Run(x, hand.ZeroState());

        // Step advances State one time step at a time, which exposes the hidden states Predict keeps inside.
        model.ResetStates();
        Span<float> stepOutput = stackalloc float[DemoRnn.DenseUnits];
        Narrator.ComparisonHeader("model");
        for (int t = 1; t <= x.Length; t++)
        {
            model.Step([(float)x[t - 1]], stepOutput);
            string formula = t == 1 ? "h1 = x1*wx + bh" : $"h{t} = x{t}*wx + h{t - 1}*wh + bh";
            Narrator.Row(formula, h[t], model.State, checks.Compare(h[t], model.State));
        }

        Span<float> predicted = stackalloc float[DemoRnn.OutputLength];
        model.Predict(TutorialInput.XAsFloats, predicted);
        int last = x.Length;
        Narrator.Row($"o{last} = h{last}*wy + by", [o[last]], predicted, checks.Compare(o[last], predicted[0]));
    }
}
