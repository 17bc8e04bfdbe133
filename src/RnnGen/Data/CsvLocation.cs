using nietras.SeparatedValues;

namespace RnnGen.Data;

/// <summary>How a CSV error points at its place: the 1-based line a row starts on, and a field quoted on one line.</summary>
internal static class CsvLocation
{
    private const int QuotedLength = 40;

    /// <summary>The line the row starts on, counting from 1.</summary>
    // Sep 0.17.1 reports LineNumberFrom = 2 for the first row when HasHeader is false; the first row starts on line 1.
    public static int LineOf(SepReader.Row row) => row.RowIndex == 0 ? 1 : row.LineNumberFrom;

    /// <summary>A hint for a row that runs over several lines, which is what a quote never closed does; else "".</summary>
    public static string RunOnHint(SepReader.Row row) =>
        row.LineNumberToExcl - LineOf(row) > 1 ? " (the row runs on over several lines: is a quote never closed?)" : "";

    /// <summary>
    /// The field in double quotes, line breaks shown as <c>\r</c> and <c>\n</c>, cut after 40 characters: a quote
    /// that runs on can swallow the rest of the file, and a message stays one line.
    /// </summary>
    public static string Quote(ReadOnlySpan<char> field)
    {
        string shown = (field.Length > QuotedLength ? field[..QuotedLength] : field).ToString()
            .Replace("\r", "\\r", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal);
        return "\"" + shown + (field.Length > QuotedLength ? "...\"" : "\"");
    }
}
