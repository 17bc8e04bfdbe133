using System.Globalization;
using nietras.SeparatedValues;

namespace RnnGen.Data;

/// <summary>
/// Reads numeric columns of a CSV file (parsed by the Sep library): by index or by header name, header
/// detected or stated, quoted fields unescaped, CRLF or LF line ends, numbers in the invariant culture
/// (<c>1234.5</c>, <c>1e-3</c>).
/// </summary>
/// <remarks>
/// Every value must be a finite number: an empty, non-numeric, NaN or infinite field, or a row too short
/// to have the column, is a <see cref="FormatException"/> naming the line (1-based) and the column.
/// </remarks>
public static class CsvColumnReader
{
    /// <summary>Reads column <paramref name="column"/> (0-based) of the file at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="FormatException">A value is not a finite number, a row lacks the column, or there is no data row.</exception>
    public static float[] ReadColumn(string path, int column, CsvHeader header = CsvHeader.Auto, char separator = ',')
    {
        using var reader = File.OpenText(path);
        return ReadColumns(reader, [column], header, separator);
    }

    /// <summary>Reads the column named <paramref name="columnName"/> in the header row of the file at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="FormatException">No column has that name, a value is not a finite number, or there is no data row.</exception>
    public static float[] ReadColumn(string path, string columnName, char separator = ',')
    {
        using var reader = File.OpenText(path);
        return ReadColumns(reader, [columnName], separator);
    }

    /// <summary>Reads the columns at <paramref name="columns"/> (0-based) from <paramref name="reader"/>, row-major <c>[rows, columns.Length]</c>.</summary>
    /// <exception cref="ArgumentException">No column is given, or one is negative.</exception>
    /// <exception cref="FormatException">A value is not a finite number, a row lacks a column, or there is no data row.</exception>
    public static float[] ReadColumns(TextReader reader, ReadOnlySpan<int> columns, CsvHeader header = CsvHeader.Auto, char separator = ',')
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (columns.IsEmpty)
        {
            throw new ArgumentException("Expected at least one column index.", nameof(columns));
        }

        foreach (int column in columns)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(column, nameof(columns));
        }

        return Read(reader, columns.ToArray(), names: null, header, separator);
    }

    /// <summary>Reads the columns named in the header row of <paramref name="reader"/>, row-major <c>[rows, columnNames.Length]</c>.</summary>
    /// <exception cref="ArgumentException">No name is given.</exception>
    /// <exception cref="FormatException">A name is not in the header, a value is not a finite number, a row lacks a column, or there is no data row.</exception>
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
        using SepReader reader = Sep.New(separator)
            .Reader(o => o with
            {
                HasHeader = false,
                Unescape = true,
                DisableColCountCheck = true,
                CultureInfo = CultureInfo.InvariantCulture,
            })
            .From(text);

        var values = new List<float>();
        string[] columnNames = new string[columns.Length];
        Array.Fill(columnNames, "");
        bool first = true;
        foreach (SepReader.Row row in reader)
        {
            if (first)
            {
                first = false;
                if (names is not null)
                {
                    ResolveNames(row, names, columns);
                    names.CopyTo(columnNames, 0);
                    continue;
                }

                if (header == CsvHeader.Present || (header == CsvHeader.Auto && !AllNumeric(row, columns)))
                {
                    for (int c = 0; c < columns.Length; c++)
                    {
                        columnNames[c] = columns[c] < row.ColCount ? row[columns[c]].ToString() : "";
                    }

                    continue;
                }
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
                    found[c] = "\"" + headerRow[c].ToString() + "\"";
                }

                throw new FormatException(
                    $"Line {LineOf(headerRow)}: expected a header column named \"{names[n]}\", but the header has {string.Join(", ", found)}.");
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
        string where = name.Length > 0 ? $"column {column} (\"{name}\")" : $"column {column}";
        if (column >= row.ColCount)
        {
            throw new FormatException($"Line {LineOf(row)}, {where}: the row has only {row.ColCount} column(s).");
        }

        ReadOnlySpan<char> field = row[column].Span;
        if (!TryParse(field, out float value))
        {
            string found = field.IsWhiteSpace() ? "an empty field" : $"\"{field}\"";
            throw new FormatException($"Line {LineOf(row)}, {where}: expected a finite number, but found {found}.");
        }

        return value;
    }

    // Sep 0.17.1 reports LineNumberFrom = 2 for the first row when HasHeader is false; the first row starts on line 1.
    private static int LineOf(SepReader.Row row) => row.RowIndex == 0 ? 1 : row.LineNumberFrom;

    private static bool TryParse(ReadOnlySpan<char> field, out float value) =>
        float.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && float.IsFinite(value);
}
