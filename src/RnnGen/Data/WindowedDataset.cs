using static System.FormattableString;

namespace RnnGen.Data;

/// <summary>
/// Samples for a model: inputs <c>X [Count, InputLength]</c> and targets <c>Y [Count, OutputLength]</c>,
/// each stored contiguously and row-major, so the fit loop and evaluation read spans and never copy.
/// An input row is laid out <c>[t * Features + f]</c> (the model's input layout).
/// </summary>
/// <remarks>
/// Immutable. Every value is checked to be finite when the data set is made, so NaN or infinity is
/// refused before any training starts. <see cref="Slice"/> and <see cref="Split"/> return views that
/// share storage.
/// </remarks>
public sealed class WindowedDataset
{
    private readonly ReadOnlyMemory<float> _x;
    private readonly ReadOnlyMemory<float> _y;

    /// <summary>Copies and checks <paramref name="x"/> and <paramref name="y"/>.</summary>
    /// <param name="x">Inputs, <c>[n, inputLength]</c> row-major.</param>
    /// <param name="y">Targets, <c>[n, outputLength]</c> row-major.</param>
    /// <param name="inputLength">Floats per input row (the model's <c>InputLength = TimeSteps * Features</c>).</param>
    /// <param name="outputLength">Floats per target row (the model's <c>OutputLength</c>).</param>
    /// <exception cref="ArgumentException">A length is not positive, the spans are not whole rows, X and Y hold
    /// different numbers of samples, there are no samples, or a value is NaN or infinite.</exception>
    public WindowedDataset(ReadOnlySpan<float> x, ReadOnlySpan<float> y, int inputLength, int outputLength)
        : this(x.ToArray(), y.ToArray(), Validate(x, y, inputLength, outputLength), inputLength, outputLength)
    {
    }

    private WindowedDataset(ReadOnlyMemory<float> x, ReadOnlyMemory<float> y, int count, int inputLength, int outputLength)
    {
        _x = x;
        _y = y;
        Count = count;
        InputLength = inputLength;
        OutputLength = outputLength;
    }

    /// <summary>Number of samples.</summary>
    public int Count { get; }

    /// <summary>Floats per input row.</summary>
    public int InputLength { get; }

    /// <summary>Floats per target row.</summary>
    public int OutputLength { get; }

    /// <summary>All inputs, <c>[Count, InputLength]</c> row-major.</summary>
    public ReadOnlySpan<float> X => _x.Span;

    /// <summary>All targets, <c>[Count, OutputLength]</c> row-major.</summary>
    public ReadOnlySpan<float> Y => _y.Span;

    /// <summary>Input row <paramref name="index"/>: <see cref="InputLength"/> floats.</summary>
    public ReadOnlySpan<float> Input(int index) => _x.Span.Slice(index * InputLength, InputLength);

    /// <summary>Target row <paramref name="index"/>: <see cref="OutputLength"/> floats.</summary>
    public ReadOnlySpan<float> Target(int index) => _y.Span.Slice(index * OutputLength, OutputLength);

    /// <summary>Samples <c>[start, start + count)</c>, sharing storage with this data set.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is empty or not inside the data set.</exception>
    public WindowedDataset Slice(int start, int count)
    {
        if (start < 0 || count < 1 || (long)start + count > Count)
        {
            throw new ArgumentOutOfRangeException(
                count < 1 ? nameof(count) : nameof(start),
                Invariant($"Expected at least one sample inside [0, {Count}), but the range starts at {start} and holds {count}."));
        }

        return new WindowedDataset(
            _x.Slice(start * InputLength, count * InputLength),
            _y.Slice(start * OutputLength, count * OutputLength),
            count,
            InputLength,
            OutputLength);
    }

    /// <summary>
    /// Ordered split: the first <c>(int)(Count * firstFraction)</c> samples, then the rest (views, no copy).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="firstFraction"/> is not inside (0, 1), or leaves a part empty.</exception>
    public (WindowedDataset First, WindowedDataset Second) Split(double firstFraction)
    {
        int firstCount = OrderedSplit.SplitIndex(Count, firstFraction, nameof(firstFraction));
        return (Slice(0, firstCount), Slice(firstCount, Count - firstCount));
    }

    /// <summary>Takes ownership of arrays the caller filled and will not touch again (no copy), after the same checks as the constructor.</summary>
    internal static WindowedDataset Own(float[] x, float[] y, int inputLength, int outputLength) =>
        new(x, y, Validate(x, y, inputLength, outputLength), inputLength, outputLength);

    private static int Validate(ReadOnlySpan<float> x, ReadOnlySpan<float> y, int inputLength, int outputLength)
    {
        Guard.AtLeast(inputLength, 1);
        Guard.AtLeast(outputLength, 1);
        if (x.Length % inputLength != 0)
        {
            throw new ArgumentException(Invariant($"Expected X to hold whole rows of {inputLength} floats, but it has {x.Length}."), nameof(x));
        }

        if (y.Length % outputLength != 0)
        {
            throw new ArgumentException(Invariant($"Expected Y to hold whole rows of {outputLength} floats, but it has {y.Length}."), nameof(y));
        }

        int count = x.Length / inputLength;
        if (count != y.Length / outputLength)
        {
            throw new ArgumentException(
                Invariant($"X holds {count} samples but Y holds {y.Length / outputLength}; every input needs exactly one target."), nameof(y));
        }

        if (count == 0)
        {
            throw new ArgumentException("Expected at least one sample, but X and Y are empty.", nameof(x));
        }

        FiniteCheck.Require(x, inputLength, "X", nameof(x));
        FiniteCheck.Require(y, outputLength, "Y", nameof(y));
        return count;
    }
}
