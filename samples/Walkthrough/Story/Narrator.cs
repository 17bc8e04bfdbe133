using Walkthrough.Tutorial;

namespace Walkthrough.Story;

/// <summary>Prints the walkthrough: chapter headings, prose, and "hand vs model" rows in aligned columns.</summary>
internal static class Narrator
{
    private const int LabelWidth = 26;
    private const int ValueWidth = 32;

    public static void Chapter(int number, string title)
    {
        Console.WriteLine();
        Console.WriteLine($"== {number}. {title}");
        Console.WriteLine();
    }

    public static void Say(string text) => Console.WriteLine(text);

    public static void ComparisonHeader(string modelColumn) =>
        Console.WriteLine($"{"",-LabelWidth}{"by hand (float64)",-ValueWidth}  {modelColumn,-ValueWidth}  verdict");

    public static void Row(string label, ReadOnlySpan<double> hand, ReadOnlySpan<float> model, string verdict) =>
        Console.WriteLine($"{label,-LabelWidth}{NumberFormat.Vector(hand),-ValueWidth}  {NumberFormat.Vector(model),-ValueWidth}  {verdict}");
}
