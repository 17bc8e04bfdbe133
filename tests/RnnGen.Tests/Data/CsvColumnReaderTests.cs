using RnnGen.Data;

namespace RnnGen.Tests.Data;

public class CsvColumnReaderTests
{
    private static float[] ReadByIndex(string csv, int column, CsvHeader header = CsvHeader.Auto) =>
        CsvColumnReader.ReadColumns(new StringReader(csv), [column], header);

    [Fact]
    public void Reads_a_quoted_header_and_crlf_lines_like_the_sunspots_file()
    {
        const string csv = "\"Month\",\"Sunspots\"\r\n\"1749-01\",58.0\r\n\"1749-02\",62.6\r\n";
        Assert.Equal([58.0f, 62.6f], ReadByIndex(csv, 1));
    }

    [Fact]
    public void Reads_lf_lines_and_a_missing_final_newline()
    {
        Assert.Equal([1f, 2.5f, -3e-2f], ReadByIndex("a,b\n0,1\n0,2.5\n0,-3e-2", 1));
    }

    [Fact]
    public void Reads_by_header_name()
    {
        float[] values = CsvColumnReader.ReadColumns(new StringReader("x,y,z\n1,2,3\n4,5,6\n"), ["z", "x"]);
        Assert.Equal([3f, 1, 6, 4], values);
    }

    [Fact]
    public void Numeric_first_row_is_detected_as_data()
    {
        Assert.Equal([1f, 2f], ReadByIndex("1\n2\n", 0));
    }

    [Fact]
    public void Header_can_be_stated_absent_or_present()
    {
        Assert.Equal([2f], ReadByIndex("1\n2\n", 0, CsvHeader.Present));
        var e = Assert.Throws<FormatException>(() => ReadByIndex("value\n2\n", 0, CsvHeader.Absent));
        Assert.Contains("Line 1", e.Message);
    }

    [Fact]
    public void Quoted_numeric_fields_and_separators_inside_quotes_are_handled()
    {
        Assert.Equal([1234.5f], ReadByIndex("name,value\n\"a, b\",\"1234.5\"\n", 1));
    }

    [Fact]
    public void Numbers_use_the_invariant_culture()
    {
        // A decimal comma (German style) is not a number here, whatever the machine's culture.
        var e = Assert.Throws<FormatException>(() => ReadByIndex("v\n\"1,5\"\n", 0, CsvHeader.Present));
        Assert.Contains("found \"1,5\"", e.Message);
    }

    [Fact]
    public void Another_separator_can_be_given()
    {
        Assert.Equal([5f], CsvColumnReader.ReadColumns(new StringReader("v;w\n1,5;5\n"), [1], CsvHeader.Auto, separator: ';'));
    }

    [Fact]
    public void Non_numeric_value_names_line_and_column()
    {
        var e = Assert.Throws<FormatException>(() => ReadByIndex("\"Month\",\"Sunspots\"\r\n\"1749-01\",58.0\r\n\"1749-02\",abc\r\n", 1));
        Assert.Equal("Line 3, column 1 (\"Sunspots\"): expected a finite number, but found \"abc\".", e.Message);
    }

    [Fact]
    public void Empty_value_names_line_and_column()
    {
        var e = Assert.Throws<FormatException>(() => ReadByIndex("a,b\n1,2\n3,\n", 1));
        Assert.Equal("Line 3, column 1 (\"b\"): expected a finite number, but found an empty field.", e.Message);
    }

    [Fact]
    public void Nan_is_refused()
    {
        var e = Assert.Throws<FormatException>(() => ReadByIndex("a\n1\nNaN\n", 0));
        Assert.Contains("Line 3", e.Message);
    }

    [Fact]
    public void Column_beyond_every_row_is_refused()
    {
        var e = Assert.Throws<FormatException>(() => ReadByIndex("a\n1\n", 1, CsvHeader.Present));
        Assert.Equal("Line 2, column 1: the row has only 1 column(s).", e.Message);
    }

    [Fact]
    public void Unknown_header_name_lists_the_header()
    {
        var e = Assert.Throws<FormatException>(() => CsvColumnReader.ReadColumns(new StringReader("x,y\n1,2\n"), ["q"]));
        Assert.Contains("named \"q\", but the header has \"x\", \"y\"", e.Message);
    }

    [Fact]
    public void File_without_data_rows_is_refused()
    {
        var e = Assert.Throws<FormatException>(() => ReadByIndex("a,b\n", 0));
        Assert.Contains("at least one data row", e.Message);
    }

    [Fact]
    public void Reads_from_a_file_path_by_index_and_by_name()
    {
        string path = Path.Combine(Path.GetTempPath(), $"rnngen-csv-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "\"Month\",\"Sunspots\"\r\n\"1749-01\",58.0\r\n");
        try
        {
            Assert.Equal([58f], CsvColumnReader.ReadColumn(path, 1));
            Assert.Equal([58f], CsvColumnReader.ReadColumn(path, "Sunspots"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Missing_file_is_a_file_not_found_error()
    {
        string missing = Path.Combine(Path.GetTempPath(), $"rnngen-missing-{Guid.NewGuid():N}.csv");
        var e = Assert.Throws<FileNotFoundException>(() => CsvColumnReader.ReadColumn(missing, 0));
        Assert.Contains(missing, e.Message);
    }
}
