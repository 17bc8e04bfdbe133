using Walkthrough.Tutorial;

namespace Walkthrough.Story;

/// <summary>Chapter 4: <c>return_sequences=True</c> applies the Dense layer at every step, giving o1, o2, o3.</summary>
internal static class ReturnSequencesChapter
{
    public static void Run(DemoRnn demo, HandComputation hand, Checks checks)
    {
        Narrator.Chapter(4, "return_sequences=True: one output per time step");
        var model = new DemoSequenceRnn();
        demo.Parameters.CopyTo(model.Parameters);
        Narrator.Say("The same weights in DemoSequenceRnn; the Dense layer now sees every h_t:");
        Narrator.Say("");
        Narrator.Say(model.Summary());

        (_, double[] o) = hand.Run(TutorialInput.X, hand.ZeroState());
        Span<float> predicted = stackalloc float[DemoSequenceRnn.OutputLength];
        model.Predict(TutorialInput.XAsFloats, predicted);
        Narrator.ComparisonHeader("Predict(x)");
        Narrator.Row("[o1, o2, o3]", o.AsSpan(1), predicted, checks.Compare(o.AsSpan(1), predicted));
    }
}
