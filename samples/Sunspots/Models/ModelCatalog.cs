using RnnGen;

namespace Sunspots.Models;

/// <summary>One pre-declared model the command line can pick.</summary>
/// <param name="TimeSteps">Months per input window.</param>
/// <param name="HiddenUnits">SimpleRNN units.</param>
/// <param name="Create">Builds the model with Keras-default initial weights from a seed.</param>
internal sealed record ModelChoice(int TimeSteps, int HiddenUnits, Func<int, IRnnModel> Create);

/// <summary>The (time steps, hidden units) combinations compiled into this sample.</summary>
internal static class ModelCatalog
{
    public static IReadOnlyList<ModelChoice> Choices { get; } =
    [
        new(SunspotRnn.TimeSteps, SunspotRnn.HiddenUnits, seed => new SunspotRnn(seed)),
        new(WideSunspotRnn.TimeSteps, WideSunspotRnn.HiddenUnits, seed => new WideSunspotRnn(seed)),
        new(LongSunspotRnn.TimeSteps, LongSunspotRnn.HiddenUnits, seed => new LongSunspotRnn(seed)),
        new(LongWideSunspotRnn.TimeSteps, LongWideSunspotRnn.HiddenUnits, seed => new LongWideSunspotRnn(seed)),
    ];

    public static ModelChoice Tutorial => Choices[0];

    /// <summary>"12 steps x 3 units (the tutorial's), 12 x 8, ..." for help and error messages.</summary>
    public static string Listing =>
        string.Join(", ", Choices.Select(c => $"{c.TimeSteps} steps x {c.HiddenUnits} units" + (c == Tutorial ? " (the tutorial's)" : "")));

    public static ModelChoice? Find(int timeSteps, int hiddenUnits) =>
        Choices.FirstOrDefault(c => c.TimeSteps == timeSteps && c.HiddenUnits == hiddenUnits);
}
