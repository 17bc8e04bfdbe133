using System.Globalization;
using Walkthrough.Tutorial;
using static System.FormattableString;

namespace Walkthrough.Story;

/// <summary>
/// The tutorial's part 1, chapter by chapter. Every number the model produces is checked against the hand
/// computation; the exit code is 0 only if all of them agree within <see cref="Tolerance"/>.
/// </summary>
internal static class TutorialPartOne
{
    private const double Tolerance = 1e-5;

    public static int Run(int seed, FileInfo diagram)
    {
        var demo = new DemoRnn(seed);
        ModelChapter.ShowSummary(demo);

        // Keras starts the biases at zero; non-zero ones make every comparison exercise bh and by too.
        demo.Bias[0] = 0.1f;
        demo.Bias[1] = -0.2f;
        demo.DenseBias[0] = 0.05f;
        var weights = TutorialWeights.Of(demo);
        ModelChapter.ShowWeights(weights);

        var hand = new HandComputation(weights);
        var checks = new Checks(Tolerance);
        HandComputationChapter.Run(demo, hand, checks);
        ReturnSequencesChapter.Run(demo, hand, checks);
        StatefulChapter.Run(demo, hand, checks);
        if (!DiagramChapter.Run(demo, diagram))
        {
            return 1;
        }

        return Verdict(checks);
    }

    private static int Verdict(Checks checks)
    {
        string largest = checks.LargestDifference.ToString("0.0e+00", CultureInfo.InvariantCulture);
        Console.WriteLine();
        if (checks.Failures == 0)
        {
            Console.WriteLine(Invariant($"All {checks.Count} comparisons agree within {checks.Tolerance:0e+0} (largest difference {largest})."));
            return 0;
        }

        Console.Error.WriteLine(Invariant($"{checks.Failures} of {checks.Count} comparisons differ by more than {checks.Tolerance:0e+0} (largest difference {largest})."));
        return 1;
    }
}
