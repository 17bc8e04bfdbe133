using static System.FormattableString;

namespace RnnGen.Data;

/// <summary>
/// Cuts series into model samples: the tutorial's <c>get_XY</c> (non-overlapping windows) and Keras'
/// <c>timeseries_dataset_from_array</c> (sliding windows), univariate or multivariate.
/// </summary>
/// <remarks>
/// Multivariate data is row-major <c>[rows, features]</c>: row <c>r</c> is the time step, so a window
/// of <c>sequenceLength</c> rows is directly a model input laid out <c>[t * Features + f]</c>.
/// Sizes are computed in 64 bits and checked before anything is allocated (see <see cref="WindowSizes"/>): a huge
/// sampling rate, horizon or length is an <see cref="ArgumentException"/> saying how many rows it needs, and a huge
/// stride gives one window, as Keras' start positions <c>np.arange(0, n, stride)</c> do.
/// </remarks>
public static class Windowing
{
    /// <summary>
    /// The tutorial's <c>get_XY(dat, time_steps)</c>: non-overlapping windows of <paramref name="timeSteps"/>
    /// values, each with the value right after it as target. Windows start at <c>0, T, 2T, …</c>; there are
    /// <c>(n - 1) / T</c> of them (2,256 values and 12 steps: 187 samples; trailing values that do not fill a
    /// window with its target are dropped).
    /// </summary>
    /// <remarks>
    /// <code>
    /// Y_ind = np.arange(time_steps, len(dat), time_steps); Y = dat[Y_ind]
    /// X = dat[range(time_steps * len(Y))].reshape((len(Y), time_steps, 1))
    /// </code>
    /// </remarks>
    /// <returns>X <c>[n, timeSteps]</c>, Y <c>[n, 1]</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="timeSteps"/> is not positive, the series is shorter than one
    /// window and its target (<c>timeSteps + 1</c> values), or it holds NaN or infinity.</exception>
    public static WindowedDataset GetXY(ReadOnlySpan<float> series, int timeSteps)
    {
        Guard.AtLeast(timeSteps, 1);
        if (series.Length < (long)timeSteps + 1)
        {
            throw new ArgumentException(
                Invariant($"Expected a series of at least timeSteps + 1 = {(long)timeSteps + 1} values (one window and the value after it), but it has {series.Length}."),
                nameof(series));
        }

        return Forecast(series, features: 1, targetColumns: [0], sequenceLength: timeSteps, horizon: 1, sequenceStride: timeSteps);
    }

    /// <summary>
    /// Sliding forecasting windows over <c>[rows, features]</c> data: window <c>k</c> takes rows
    /// <c>s, s + r, …, s + (L - 1) r</c> with <c>s = k · sequenceStride</c>, and its target is the
    /// <paramref name="targetColumns"/> of row <c>s + (L - 1) r + horizon</c>. Windows continue while that row exists.
    /// </summary>
    /// <remarks>
    /// The same samples as Keras'
    /// <c>timeseries_dataset_from_array(data, targets=data[(L-1)*r + horizon:, cols], sequence_length=L,
    /// sequence_stride=stride, sampling_rate=r)</c>. Non-overlapping <c>get_XY</c> is
    /// <c>sequenceStride = sequenceLength</c>, <c>horizon = 1</c>.
    /// </remarks>
    /// <param name="data">Row-major <c>[rows, features]</c> values.</param>
    /// <param name="features">Values per row (Keras' last input dimension).</param>
    /// <param name="targetColumns">Columns forming each target row, in order; between 0 and <c>features - 1</c>.</param>
    /// <param name="sequenceLength">Rows per window, <c>L</c> (the model's TimeSteps).</param>
    /// <param name="horizon">How many rows after the window's last row the target is; 1 is the next row.</param>
    /// <param name="sequenceStride">Rows between the starts of consecutive windows.</param>
    /// <param name="samplingRate">Rows between consecutive time steps inside a window, <c>r</c>.</param>
    /// <returns>X <c>[n, sequenceLength * features]</c>, Y <c>[n, targetColumns.Length]</c>.</returns>
    /// <exception cref="ArgumentException">A size is not positive, a column is out of range, the data is not whole rows
    /// or too short for one window and its target, the windows would not fit one array, or the data holds NaN or infinity.</exception>
    public static WindowedDataset Forecast(
        ReadOnlySpan<float> data,
        int features,
        ReadOnlySpan<int> targetColumns,
        int sequenceLength,
        int horizon = 1,
        int sequenceStride = 1,
        int samplingRate = 1)
    {
        int rows = RequireRows(data, features);
        RequireWindow(sequenceLength, sequenceStride, samplingRate);
        Guard.AtLeast(horizon, 1);
        RequireColumns(targetColumns, features);

        // Rows from a window's first step to its target.
        long span = WindowSizes.Rows(sequenceLength, samplingRate) - 1 + horizon;
        if (rows <= span)
        {
            throw new ArgumentException(
                Invariant($"Expected at least {span + 1} rows for one window of {sequenceLength} steps (sampling rate {samplingRate}) and its target {horizon} row(s) later, but the data has {rows}."),
                nameof(data));
        }

        // From here every row index is below rows, and a window's sequenceLength * features floats fit in the data.
        long count = WindowSizes.Count(rows - span, sequenceStride);
        int inputLength = sequenceLength * features;
        var x = new float[WindowSizes.Floats(count, inputLength, "X", nameof(sequenceLength))];
        var y = new float[WindowSizes.Floats(count, targetColumns.Length, "Y", nameof(targetColumns))];
        for (int k = 0; k < count; k++)
        {
            int start = k * sequenceStride;
            CopyWindow(data, features, start, sequenceLength, samplingRate, x.AsSpan(k * inputLength, inputLength));
            int targetRow = start + (int)span;
            for (int c = 0; c < targetColumns.Length; c++)
            {
                y[k * targetColumns.Length + c] = data[targetRow * features + targetColumns[c]];
            }
        }

        return WindowedDataset.Own(x, y, inputLength, targetColumns.Length);
    }

    /// <summary>
    /// Keras <c>timeseries_dataset_from_array(data, targets, sequence_length, sequence_stride, sampling_rate,
    /// start_index, end_index)</c> with explicit targets: window <c>i</c> starts at row
    /// <c>startIndex + i · sequenceStride</c> and takes every <paramref name="samplingRate"/>-th row, all inside
    /// <c>[startIndex, endIndex)</c>; its target is target row <c>startIndex + i · sequenceStride</c>.
    /// </summary>
    /// <param name="data">Row-major <c>[rows, features]</c> values.</param>
    /// <param name="features">Values per data row.</param>
    /// <param name="targets">Row-major <c>[targetRows, targetWidth]</c> targets, indexed like the data rows.</param>
    /// <param name="targetWidth">Values per target row.</param>
    /// <param name="sequenceLength">Rows per window.</param>
    /// <param name="sequenceStride">Rows between the starts of consecutive windows.</param>
    /// <param name="samplingRate">Rows between consecutive time steps inside a window.</param>
    /// <param name="startIndex">First data row used (Keras <c>start_index</c>).</param>
    /// <param name="endIndex">Rows from here on are not used (Keras <c>end_index</c>); null: all rows.</param>
    /// <returns>X <c>[n, sequenceLength * features]</c>, Y <c>[n, targetWidth]</c>, with
    /// <c>n = ceil(min(end - start - (L - 1) r, targetRows - start) / stride)</c>.</returns>
    /// <remarks>Keras refuses a <paramref name="sequenceStride"/> or <paramref name="samplingRate"/> of at least the data's
    /// length up front; here they mean what they say: a stride past the last start gives one window, and a sampling rate
    /// too large for one window is "no window fits".</remarks>
    /// <exception cref="ArgumentException">A size is not positive, an index is out of range, the data or targets are not
    /// whole rows, no window fits, the windows would not fit one array, or a value is NaN or infinite.</exception>
    public static WindowedDataset TimeseriesDatasetFromArray(
        ReadOnlySpan<float> data,
        int features,
        ReadOnlySpan<float> targets,
        int targetWidth,
        int sequenceLength,
        int sequenceStride = 1,
        int samplingRate = 1,
        int startIndex = 0,
        int? endIndex = null)
    {
        int rows = RequireRows(data, features);
        RequireWindow(sequenceLength, sequenceStride, samplingRate);
        Guard.AtLeast(targetWidth, 1);
        if (targets.Length % targetWidth != 0)
        {
            throw new ArgumentException(Invariant($"Expected targets as whole rows of {targetWidth} values, but they have {targets.Length}."), nameof(targets));
        }

        int end = endIndex ?? rows;
        Guard.InRange(startIndex, 0, rows);
        if (end <= startIndex || end > rows)
        {
            throw new ArgumentOutOfRangeException(nameof(endIndex), Invariant($"Expected endIndex in ({startIndex}, {rows}], but it is {end}."));
        }

        // Keras' num_seqs: the window starts that keep a window inside [start, end) and have a target row.
        long windowRows = WindowSizes.Rows(sequenceLength, samplingRate);
        int targetRows = targets.Length / targetWidth;
        long sequences = Math.Min(end - startIndex - (windowRows - 1), targetRows - startIndex);
        if (sequences <= 0)
        {
            throw new ArgumentException(
                Invariant($"No window fits: a window of {sequenceLength} steps at sampling rate {samplingRate} spans {windowRows} rows, ")
                + Invariant($"rows [{startIndex}, {end}) hold {end - startIndex}, and there are {targetRows} target rows."),
                nameof(data));
        }

        // From here every row index is below end, and a window's sequenceLength * features floats fit in the data.
        long count = WindowSizes.Count(sequences, sequenceStride);
        int inputLength = sequenceLength * features;
        var x = new float[WindowSizes.Floats(count, inputLength, "X", nameof(sequenceLength))];
        var y = new float[WindowSizes.Floats(count, targetWidth, "Y", nameof(targetWidth))];
        for (int k = 0; k < count; k++)
        {
            int start = startIndex + k * sequenceStride;
            CopyWindow(data, features, start, sequenceLength, samplingRate, x.AsSpan(k * inputLength, inputLength));
            targets.Slice(start * targetWidth, targetWidth).CopyTo(y.AsSpan(k * targetWidth, targetWidth));
        }

        return WindowedDataset.Own(x, y, inputLength, targetWidth);
    }

    private static void CopyWindow(ReadOnlySpan<float> data, int features, int startRow, int sequenceLength, int samplingRate, Span<float> window)
    {
        for (int t = 0; t < sequenceLength; t++)
        {
            data.Slice((startRow + t * samplingRate) * features, features).CopyTo(window.Slice(t * features, features));
        }
    }

    private static int RequireRows(ReadOnlySpan<float> data, int features)
    {
        Guard.AtLeast(features, 1);
        if (data.Length % features != 0)
        {
            throw new ArgumentException(Invariant($"Expected whole rows of {features} features, but the data has {data.Length} values."), nameof(data));
        }

        return data.Length / features;
    }

    private static void RequireWindow(int sequenceLength, int sequenceStride, int samplingRate)
    {
        Guard.AtLeast(sequenceLength, 1);
        Guard.AtLeast(sequenceStride, 1);
        Guard.AtLeast(samplingRate, 1);
    }

    private static void RequireColumns(ReadOnlySpan<int> columns, int features)
    {
        if (columns.IsEmpty)
        {
            throw new ArgumentException("Expected at least one target column.", "targetColumns");
        }

        foreach (int column in columns)
        {
            if (column < 0 || column >= features)
            {
                throw new ArgumentOutOfRangeException("targetColumns", Invariant($"Expected target columns in [0, {features}), but one is {column}."));
            }
        }
    }
}
