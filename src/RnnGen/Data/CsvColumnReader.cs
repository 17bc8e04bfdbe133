using System.Globalization;
using nietras.SeparatedValues;
using static System.FormattableString;

namespace RnnGen.Data;

/// <summary>
/// Reads numeric columns of a CSV file (parsed by the Sep library): by index or by header name, header
/// detected or stated, quoted fields unescaped, CRLF or LF line ends, numbers in the invariant culture
/// (<c>1234.5</c>, <c>1e-3</c>).
/// </summary>
/// <remarks>
/// Every value must be a finite number: an empty, non-numeric, NaN or infinite field, or a row too short
/// to have the column, is a <see cref="FormatException"/> naming the line (1-based) and the column. Every row
/// must have as many fields as the header (or, without one, the first row): a row with an extra field, such
/// as <c>1749-02,1,234.5</c> with an unquoted thousands separator, is a <see cref="FormatException"/> naming
/// the line, never read as <c>1</c>. So is a row Sep cannot read (a quote that runs on for more than
/// 16 M characters).
/// </remarks>
public static class CsvColumnReader
{
    /// <summary>Reads column <paramref name="column"/> (0-based) of the file at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="FormatException">A value is not a finite number, a row lacks the column or has another field count than the first, or there is no data row.</exception>
    public static float[] ReadColumn(string path, int column, CsvHeader header = CsvHeader.Auto, char separator = ',')
    {
        using var reader = File.OpenText(path);
        return ReadColumns(reader, [column], header, separator);
    }

    /// <summary>Reads the column named <paramref name="columnName"/> in the header row of the file at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="FormatException">No column has that name, a value is not a finite number, a row has another field count than the header, or there is no data row.</exception>
    public static float[] ReadColumn(string path, string columnName, char separator = ',')
    {
        using var reader = File.OpenText(path);
        return ReadColumns(reader, [columnName], separator);
    }

    /// <summary>Reads the columns at <paramref name="columns"/> (0-based) from <paramref name="reader"/>, row-major <c>[rows, columns.Length]</c>.</summary>
    /// <exception cref="ArgumentException">No column is given, or one is negative.</exception>
    /// <exception cref="FormatException">A value is not a finite number, a row lacks a column or has another field count than the first, or there is no data row.</exception>
    public static float[] ReadColumns(TextReader reader, ReadOnlySpan<int> columns, CsvHeader header = CsvHeader.Auto, char separator = ',')
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (columns.IsEmpty)
        {
            throw new ArgumentException("Expected at least one column index.", nameof(columns));
        }

        foreach (int column in columns)
        {
            Guard.AtLeast(column, 0, nameof(columns));
        }

        return Read(reader, columns.ToArray(), names: null, header, separator);
    }

    /// <summary>Reads the columns named in the header row of <paramref name="reader"/>, row-major <c>[rows, columnNames.Length]</c>.</summary>
    /// <exception cref="ArgumentException">No name is given.</exception>
    /// <exception cref="FormatException">A name is not in the header, a value is not a finite number, a row has another field count than the header, or there is no data row.</exception>
    public static float[] ReadColumns(TextReader reader, ReadOnlySpan<string> columnNames, char separator = ',')
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (columnNames.IsEmpty)
        {
            throw new ArgumentException("Expected at least one column name.", nameof(columnNames));
        }

        return Read(reader, new int[columnNames.Length], columnNames.ToArray(), CsvHeader.Present, separator);
    }

    private static float[] Read(TextReader text, int[] columns, string[]? names, CsvHeader header, char separator)
    {
        // Sep's own column-count check is off so that the first row may be data, and because its message
        // names no line; CheckFieldCount does that job.
        SepReaderOptions options = Sep.New(separator).Reader(o => o with
        {
            HasHeader = false,
            Unescape = true,
            DisableColCountCheck = true,
            CultureInfo = CultureInfo.InvariantCulture,
        });

        // Sep fails while it looks for the next row's end, before it hands the row over: this is where it starts.
        int nextLine = 1;
        try
        {
            using SepReader reader = options.From(text);
            return ReadRows(reader, columns, names, header, ref nextLine);
        }
        catch (NotSupportedException e)
        {
            throw new FormatException(Invariant($"Line {nextLine}: cannot read the row: {e.Message}"), e);
        }
    }

    private static float[] ReadRows(SepReader reader, int[] columns, string[]? names, CsvHeader header, ref int nextLine)
    {
        var values = new List<float>();
        string[] columnNames = new string[columns.Length];
        Array.Fill(columnNames, "");
        int fields = -1;
        string fieldsFrom = "";
        foreach (SepReader.Row row in reader)
        {
            nextLine = row.LineNumberToExcl;
            if (fields < 0)
            {
                fields = row.ColCount;
                if (names is not null)
                {
                    ResolveNames(row, names, columns);
                    names.CopyTo(columnNames, 0);
                    fieldsFrom = "as in the header";
                    continue;
                }

                if (header == CsvHeader.Present || (header == CsvHeader.Auto && !AllNumeric(row, columns)))
                {
                    for (int c = 0; c < columns.Length; c++)
                    {
                        columnNames[c] = columns[c] < row.ColCount ? row[columns[c]].ToString() : "";
                    }

                    fieldsFrom = "as in the header";
                    continue;
                }

                fieldsFrom = "as on line 1";
            }
            else
            {
                CheckFieldCount(row, fields, fieldsFrom);
            }

            for (int c = 0; c < columns.Length; c++)
            {
                values.Add(ParseField(row, columns[c], columnNames[c]));
            }
        }

        if (values.Count == 0)
        {
            throw new FormatException("Expected at least one data row, but the CSV has none.");
        }

        return values.ToArray();
    }

    // A row with an extra field is most often a value with an unquoted separator in it ("1,234.5"): reading on
    // would silently take the wrong part of it.
    private static void CheckFieldCount(SepReader.Row row, int fields, string fieldsFrom)
    {
        if (row.ColCount != fields)
        {
            throw new FormatException(Invariant(
                $"Line {CsvLocation.LineOf(row)}: expected {fields} field(s), {fieldsFrom}, but the row has {row.ColCount}{CsvLocation.RunOnHint(row)}."));
        }
    }

    private static void ResolveNames(SepReader.Row headerRow, string[] names, int[] columns)
    {
        for (int n = 0; n < names.Length; n++)
        {
            columns[n] = -1;
            for (int c = 0; c < headerRow.ColCount; c++)
            {
                if (headerRow[c].Span.SequenceEqual(names[n]))
                {
                    columns[n] = c;
                    break;
                }
            }

            if (columns[n] < 0)
            {
                var found = new string[headerRow.ColCount];
                for (int c = 0; c < found.Length; c++)
                {
                    found[c] = CsvLocation.Quote(headerRow[c].Span);
                }

                throw new FormatException(Invariant(
                    $"Line {CsvLocation.LineOf(headerRow)}: expected a header column named {CsvLocation.Quote(names[n])}, but the header has {string.Join(", ", found)}."));
            }
        }
    }

    private static bool AllNumeric(SepReader.Row row, int[] columns)
    {
        foreach (int column in columns)
        {
            if (column >= row.ColCount || !TryParse(row[column].Span, out _))
            {
                return false;
            }
        }

        return true;
    }

    private static float ParseField(SepReader.Row row, int column, string name)
    {
        string where = Invariant($"column {column}") + (name.Length > 0 ? $" ({CsvLocation.Quote(name)})" : "");
        int line = CsvLocation.LineOf(row);
        if (column >= row.ColCount)
        {
            throw new FormatException(Invariant($"Line {line}, {where}: the row has only {row.ColCount} column(s)."));
        }

        ReadOnlySpan<char> field = row[column].Span;
        if (!TryParse(field, out float value))
        {
            string found = field.IsWhiteSpace() ? "an empty field" : CsvLocation.Quote(field);
            throw new FormatException(Invariant($"Line {line}, {where}: expected a finite number, but found {found}{CsvLocation.RunOnHint(row)}."));
        }

        return value;
    }

    private static bool TryParse(ReadOnlySpan<char> field, out float value) =>
        float.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && float.IsFinite(value);
}
