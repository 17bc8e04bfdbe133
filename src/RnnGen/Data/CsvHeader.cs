namespace RnnGen.Data;

/// <summary>Whether a CSV file's first row names the columns.</summary>
public enum CsvHeader
{
    /// <summary>Detect: the first row is a header when a requested field in it is not a number.</summary>
    Auto = 0,

    /// <summary>The first row is a header.</summary>
    Present = 1,

    /// <summary>Every row is data.</summary>
    Absent = 2,
}
