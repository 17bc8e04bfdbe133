using RnnGen.Data;

namespace RnnGen.Tests.Data;

/// <summary>Rows must have the header's field count, and what Sep cannot read is a located <see cref="FormatException"/>.</summary>
public class CsvFieldCountTests
{
    private static float[] Read(string csv, int column, CsvHeader header = CsvHeader.Auto) =>
        CsvColumnReader.ReadColumns(new StringReader(csv), [column], header);

    [Fact]
    public void ReadColumn_refuses_a_row_with_more_fields_than_the_header()
    {
        // An unquoted thousands separator: read on, "1,234.5" would be the value 1.
        string path = Path.Combine(Path.GetTempPath(), $"rnngen-csv-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "Month,Sunspots\n1749-01,58.0\n1749-02,1,234.5\n");
        try
        {
            var e = Assert.Throws<FormatException>(() => CsvColumnReader.ReadColumn(path, "Sunspots"));
            Assert.Equal("Line 3: expected 2 field(s), as in the header, but the row has 3.", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_row_with_fewer_fields_than_the_header_is_refused_even_when_it_has_the_column()
    {
        var e = Assert.Throws<FormatException>(() => Read("a,b\n1,2\n3\n", 0));
        Assert.Equal("Line 3: expected 2 field(s), as in the header, but the row has 1.", e.Message);
    }

    [Fact]
    public void Without_a_header_every_row_must_have_the_first_rows_field_count()
    {
        var e = Assert.Throws<FormatException>(() => Read("1,2\n3,4\n5,6,7\n", 0, CsvHeader.Absent));
        Assert.Equal("Line 3: expected 2 field(s), as on line 1, but the row has 3.", e.Message);
    }

    [Fact]
    public void A_quote_that_is_never_closed_is_reported_on_one_line_with_a_hint()
    {
        var e = Assert.Throws<FormatException>(() => Read("Month,Sunspots\n1749-01,\"58\n1749-02,62\n", 1));
        Assert.Equal(
            "Line 2, column 1 (\"Sunspots\"): expected a finite number, but found \"58\\n1749-02,62\\n\" "
            + "(the row runs on over several lines: is a quote never closed?).",
            e.Message);
    }

    [Fact]
    public void A_long_field_is_cut_in_the_message()
    {
        var e = Assert.Throws<FormatException>(() => Read("v\n" + new string('x', 100) + "\n", 0));
        Assert.Equal($"Line 2, column 0 (\"v\"): expected a finite number, but found \"{new string('x', 40)}...\".", e.Message);
    }

    [Fact]
    public void A_quote_that_runs_on_past_the_longest_row_sep_reads_is_a_format_error_naming_its_line()
    {
        string csv = "Month,Sunspots\n1749-01,1\n1749-02,\"" + new string('1', 17_000_000) + "\n";
        var e = Assert.Throws<FormatException>(() => Read(csv, 1));
        Assert.Equal(
            "Line 3: cannot read the row: Buffer or row has reached maximum supported length of 16777216. "
            + "If no such row should exist ensure quotes \" are terminated.",
            e.Message);
        Assert.IsType<NotSupportedException>(e.InnerException);
    }

    [Fact]
    public void A_field_over_16_m_characters_in_the_first_data_row_is_a_format_error_naming_its_line()
    {
        var e = Assert.Throws<FormatException>(() => Read("Month,Sunspots\n1749-01," + new string('1', 17_000_000) + "\n", 1));
        Assert.StartsWith("Line 2: cannot read the row: Buffer or row has reached maximum supported length of 16777216.", e.Message);
    }
}
