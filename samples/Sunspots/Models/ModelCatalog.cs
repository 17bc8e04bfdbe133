using RnnGen;

namespace Sunspots.Models;

/// <summary>One pre-declared model the command line can pick.</summary>
/// <param name="Layer">The recurrent layer's Keras name, as <c>--layer</c> takes it: <c>simple_rnn</c>, <c>lstm</c>, <c>gru</c>.</param>
/// <param name="TimeSteps">Months per input window.</param>
/// <param name="HiddenUnits">Units of the recurrent layer.</param>
/// <param name="Create">Builds the model with Keras-default initial weights from a seed.</param>
internal sealed record ModelChoice(string Layer, int TimeSteps, int HiddenUnits, Func<int, IRnnModel> Create);

/// <summary>The (layer, time steps, hidden units) combinations compiled into this sample.</summary>
internal static class ModelCatalog
{
    /// <summary>The tutorial's layer, <c>--layer</c>'s default.</summary>
    public const string SimpleRnn = "simple_rnn";

    /// <summary>What <c>--layer</c> accepts: Keras' names of its recurrent layers.</summary>
    public static IReadOnlyList<string> Layers { get; } = [SimpleRnn, "lstm", "gru"];

    public static IReadOnlyList<ModelChoice> Choices { get; } =
    [
        new(SimpleRnn, SunspotRnn.TimeSteps, SunspotRnn.HiddenUnits, seed => new SunspotRnn(seed)),
        new(SimpleRnn, WideSunspotRnn.TimeSteps, WideSunspotRnn.HiddenUnits, seed => new WideSunspotRnn(seed)),
        new(SimpleRnn, LongSunspotRnn.TimeSteps, LongSunspotRnn.HiddenUnits, seed => new LongSunspotRnn(seed)),
        new(SimpleRnn, LongWideSunspotRnn.TimeSteps, LongWideSunspotRnn.HiddenUnits, seed => new LongWideSunspotRnn(seed)),
        new("lstm", SunspotLstm.TimeSteps, SunspotLstm.HiddenUnits, seed => new SunspotLstm(seed)),
        new("gru", SunspotGru.TimeSteps, SunspotGru.HiddenUnits, seed => new SunspotGru(seed)),
    ];

    public static ModelChoice Tutorial => Choices[0];

    /// <summary>"simple_rnn, lstm or gru", for help and error messages.</summary>
    public static string LayerListing => string.Join(", ", Layers.SkipLast(1)) + " or " + Layers[^1];

    /// <summary>
    /// "simple_rnn: 12 steps x 3 units (the tutorial's), 12 steps x 8 units, ...; lstm: 12 steps x 3 units; ..." for help
    /// and error messages.
    /// </summary>
    public static string Listing =>
        string.Join("; ", Choices.GroupBy(c => c.Layer).Select(layer => layer.Key + ": " + string.Join(", ", layer.Select(Describe))));

    public static ModelChoice? Find(string layer, int timeSteps, int hiddenUnits) =>
        Choices.FirstOrDefault(c => c.Layer == layer && c.TimeSteps == timeSteps && c.HiddenUnits == hiddenUnits);

    private static string Describe(ModelChoice choice) =>
        $"{choice.TimeSteps} steps x {choice.HiddenUnits} units" + (choice == Tutorial ? " (the tutorial's)" : "");
}
