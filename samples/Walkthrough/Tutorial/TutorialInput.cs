namespace Walkthrough.Tutorial;

/// <summary>The tutorial's input sequence, x = [1, 2, 3]: float64 for the hand computation, float32 for the model.</summary>
internal static class TutorialInput
{
    public static readonly double[] X = [1, 2, 3];

    public static readonly float[] XAsFloats = [1f, 2f, 3f];
}
