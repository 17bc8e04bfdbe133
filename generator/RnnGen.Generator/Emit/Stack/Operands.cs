using System.Globalization;

namespace RnnGen.Generator.Emit.Stack;

/// <summary>
/// Floats <c>[Start, Start + Length)</c> of the span local named <paramref name="Span"/>: where a
/// vector is read from or stored to. <paramref name="Padded"/>: the span has a <c>Vector128</c>'s
/// room past any such place, so a register may be stored whole.
/// </summary>
/// <param name="Start">An index expression, e.g. <c>(t + 1) * 3</c>.</param>
internal sealed record Place(string Span, string Start, int Length, bool Padded = false)
{
    /// <summary>
    /// In PredictBatch's tiles, the place is a matrix: one row of <see cref="Length"/> floats per sequence
    /// of the tile, <see cref="RowStride"/> floats apart (0: one vector).
    /// </summary>
    public int RowStride { get; init; }

    /// <summary><c>Span.Slice(Start, Length)</c>.</summary>
    public string Slice => $"{Span}.Slice({Start}, {Length})";

    /// <summary>The index of element <paramref name="k"/>: <c>Start + k</c>.</summary>
    public string Index(int k) => int.TryParse(Start, NumberStyles.None, CultureInfo.InvariantCulture, out int start)
        ? $"{start + k}"
        : k == 0 ? Start : $"{Start} + {k}";

    /// <summary><c>(Start + k) * factor</c>, folded when constant.</summary>
    public string Scaled(int k, int factor)
    {
        string index = Index(k);
        return int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out int constant)
            ? $"{constant * factor}"
            : $"{Parenthesized(index)} * {factor}";
    }

    /// <summary>The <paramref name="index"/>-th run of <paramref name="length"/> floats within this place: block g of a gated vector, half of a concatenation.</summary>
    public Place Block(int index, int length) => this with { Start = Index(index * length), Length = length };

    /// <summary>Element <paramref name="k"/>: <c>Span[Start + k]</c>.</summary>
    public string Element(int k) => $"{Span}[{Index(k)}]";

    /// <summary>The place of the <paramref name="length"/> floats at <c>offset + step * stride</c> (stride 0: the length).</summary>
    public static Place At(string span, int offset, string step, int length, bool padded = false, int stride = 0)
    {
        stride = stride == 0 ? length : stride;
        if (int.TryParse(step, NumberStyles.None, CultureInfo.InvariantCulture, out int constant))
        {
            return new Place(span, $"{offset + constant * stride}", length, padded);
        }

        string scaled = stride == 1 ? step : $"{Parenthesized(step)} * {stride}";
        string start = offset == 0 ? scaled : $"{offset} + {scaled}";
        return new Place(span, start, length, padded);
    }

    private static string Parenthesized(string step) => step.Contains(" ") ? $"({step})" : step;
}

/// <summary>
/// A vector of <paramref name="Length"/> floats as a backend holds it: a span (loops), one local per
/// element (unrolled, lanes), or a <c>Vector128</c> register; the backend alone reads
/// <paramref name="Name"/>. <paramref name="Memory"/> is set when the vector was left where it lies
/// and is read element by element.
/// </summary>
internal sealed record Vec(string Name, int Length, Place? Memory = null);

/// <summary>
/// One vector of <paramref name="Length"/> floats per step, one after another from
/// <paramref name="Offset"/> of the span local <paramref name="Span"/>: a layer's input or output.
/// </summary>
internal sealed record Steps(string Span, int Offset, int Length, bool Padded = false)
{
    /// <summary>Floats from one step to the next: <see cref="Length"/> (0), or a whole tile's rows in PredictBatch's tiles.</summary>
    public int StepStride { get; init; }

    /// <summary>In PredictBatch's tiles, floats from one sequence's vector of a step to the next one's (0: one sequence).</summary>
    public int RowStride { get; init; }

    /// <summary>The vector of <paramref name="step"/> (an index expression); in a tile, the matrix of that step's rows.</summary>
    public Place At(string step) => Place.At(Span, Offset, step, Length, Padded, StepStride) with { RowStride = RowStride };

    /// <summary>
    /// A tile's buffer laid out step-major, <c>[step][sequence][Length]</c>, for <paramref name="rows"/> sequences:
    /// each step's vectors one contiguous matrix, so a product over the tile is one call.
    /// </summary>
    /// <param name="offset">Where the first step starts in one sequence's layout (a whole number of steps: 0, U, T·U).</param>
    public static Steps Tile(string span, int offset, int length, int rows) =>
        new(span, offset * rows, length) { StepStride = rows * length, RowStride = length };

    /// <summary>The first <paramref name="count"/> steps, as a span expression.</summary>
    public string First(int count) => $"{Span}.Slice({Offset}, {count * Length})";
}
