using Walkthrough.Tutorial;

namespace Walkthrough.Story;

/// <summary>
/// Chapter 5: <c>stateful=True</c>. Three calls on the same x give three different outputs, because each
/// starts from the hidden state the previous one left: the same as one hand loop that keeps h. Then
/// <c>ResetStates()</c> starts again from zeros.
/// </summary>
internal static class StatefulChapter
{
    private const int Calls = 3;

    public static void Run(DemoRnn demo, HandComputation hand, Checks checks)
    {
        Narrator.Chapter(5, "stateful=True: the hidden state carries over from call to call");
        var model = new DemoStatefulRnn();
        demo.Parameters.CopyTo(model.Parameters);
        Span<float> predicted = stackalloc float[DemoStatefulRnn.OutputLength];

        Narrator.Say($"{Calls} calls of Predict(x) on DemoStatefulRnn, against a hand loop that keeps h between calls:");
        Narrator.Say("");
        Narrator.ComparisonHeader("model");
        double[] h = hand.ZeroState();
        for (int call = 1; call <= Calls; call++)
        {
            (double[][] hs, double[] o) = hand.Run(TutorialInput.X, h);
            h = hs[^1];
            model.Predict(TutorialInput.XAsFloats, predicted);
            Narrator.Row($"call {call}: o3", [o[^1]], predicted, checks.Compare(o[^1], predicted[0]));
            Narrator.Row($"call {call}: State = h3", h, model.State, checks.Compare(h, model.State));
        }

        model.ResetStates();
        Narrator.Say("");
        Narrator.Say("ResetStates() puts the state back to zeros, so the next call repeats call 1:");
        Narrator.Row("after ResetStates: State", new double[h.Length], model.State, checks.Compare(new double[h.Length], model.State));
        double fromZeros = hand.Run(TutorialInput.X, hand.ZeroState()).O[^1];
        model.Predict(TutorialInput.XAsFloats, predicted);
        Narrator.Row("after ResetStates: o3", [fromZeros], predicted, checks.Compare(fromZeros, predicted[0]));
    }
}
