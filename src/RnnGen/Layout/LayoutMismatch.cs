namespace RnnGen;

/// <summary>Says how two architectures differ, for the messages that refuse weights of another model.</summary>
internal static class LayoutMismatch
{
    /// <summary>
    /// Every difference, expected (<paramref name="expected"/>, the model's) before found: e.g.
    /// <c>layer 0 (simple_rnn): expected SimpleRNN(3, tanh), found SimpleRNN(4, tanh); stateful: expected false, found true</c>.
    /// Empty when the layouts are equal.
    /// </summary>
    public static string Describe(ModelLayout expected, ModelLayout found)
    {
        var differences = new List<string>();
        Compare(differences, "time steps", expected.TimeSteps, found.TimeSteps);
        Compare(differences, "features", expected.Features, found.Features);
        Compare(differences, "stateful", expected.Stateful, found.Stateful);
        int layers = Math.Max(expected.Layers.Count, found.Layers.Count);
        for (int l = 0; l < layers; l++)
        {
            LayerLayout? want = l < expected.Layers.Count ? expected.Layers[l] : null;
            LayerLayout? have = l < found.Layers.Count ? found.Layers[l] : null;
            if (want?.Settings != have?.Settings)
            {
                string name = (want ?? have)!.Name;
                differences.Add(FormattableString.Invariant(
                    $"layer {l} ({name}): expected {want?.Settings.ToString() ?? "no layer"}, found {have?.Settings.ToString() ?? "no layer"}"));
            }
        }

        return string.Join("; ", differences);
    }

    private static void Compare<T>(List<string> differences, string what, T expected, T found)
        where T : IEquatable<T>
    {
        if (!expected.Equals(found))
        {
            differences.Add(FormattableString.Invariant($"{what}: expected {Text(expected)}, found {Text(found)}"));
        }
    }

    private static string Text<T>(T value) => value is bool b ? (b ? "true" : "false") : FormattableString.Invariant($"{value}");
}
