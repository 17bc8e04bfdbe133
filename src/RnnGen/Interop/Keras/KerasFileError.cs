namespace RnnGen.Interop.Keras;

/// <summary>Refusals of a Keras file: every message starts with the file's name and reads the same in every culture.</summary>
internal static class KerasFileError
{
    /// <summary><c>"{source} {message}"</c>, e.g. <c>model.keras has no dataset layers/lstm/cell/vars/2 (lstm/bias).</c></summary>
    public static InvalidDataException Invalid(string source, FormattableString message) =>
        new($"{source} {FormattableString.Invariant(message)}");

    /// <summary>A shape as Keras prints it: <c>(2, 12)</c>, <c>(12,)</c>, <c>()</c>.</summary>
    public static string Shape(IEnumerable<int> dimensions) => Shape(dimensions.Select(static d => (ulong)d));

    /// <inheritdoc cref="Shape(IEnumerable{int})"/>
    public static string Shape(IEnumerable<ulong> dimensions)
    {
        string[] text = dimensions.Select(static d => d.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return text.Length == 1 ? $"({text[0]},)" : $"({string.Join(", ", text)})";
    }
}
