using static System.FormattableString;

namespace RnnGen.Data;

/// <summary>
/// The sizes of a windowed data set, computed in 64 bits and checked against the largest array before anything
/// is allocated: <c>int</c> arithmetic wraps for huge sampling rates, horizons or strides, and a wrapped size
/// would allocate hundreds of megabytes before failing, or make no windows at all.
/// </summary>
internal static class WindowSizes
{
    /// <summary>Rows from a window's first step to its last, both included: <c>(L - 1) r + 1</c>; below 2^62, so exact.</summary>
    public static long Rows(int sequenceLength, int samplingRate) => (long)(sequenceLength - 1) * samplingRate + 1;

    /// <summary>
    /// Windows starting at <c>0, stride, 2 stride, …</c> below <paramref name="starts"/> (at least 1): Keras'
    /// <c>np.arange(0, num_seqs, sequence_stride)</c>, so a stride past the last start still gives one window.
    /// </summary>
    public static long Count(long starts, int stride) => (starts - 1) / stride + 1;

    /// <summary><c>count · rowLength</c>, the floats of X or Y.</summary>
    /// <exception cref="ArgumentException">They would not fit one array (<see cref="Array.MaxLength"/> elements).</exception>
    public static int Floats(long count, int rowLength, string what, string paramName)
    {
        // count < 2^31 and rowLength < 2^31: the product is exact in 64 bits.
        long floats = count * rowLength;
        if (floats > Array.MaxLength)
        {
            throw new ArgumentException(
                Invariant($"Expected {what} to fit one array of at most {Array.MaxLength} floats, but {count} windows of {rowLength} floats need {floats}; use a larger sequenceStride or fewer rows."),
                paramName);
        }

        return (int)floats;
    }
}
