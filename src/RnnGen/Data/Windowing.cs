namespace RnnGen.Data;

/// <summary>
/// Cuts series into model samples: the tutorial's <c>get_XY</c> (non-overlapping windows) and Keras'
/// <c>timeseries_dataset_from_array</c> (sliding windows), univariate or multivariate.
/// </summary>
/// <remarks>
/// Multivariate data is row-major <c>[rows, features]</c>: row <c>r</c> is the time step, so a window
/// of <c>sequenceLength</c> rows is directly a model input laid out <c>[t * Features + f]</c>.
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
        ArgumentOutOfRangeException.ThrowIfLessThan(timeSteps, 1);
        if (series.Length < timeSteps + 1)
        {
            throw new ArgumentException(
                $"Expected a series of at least timeSteps + 1 = {timeSteps + 1} values (one window and the value after it), but it has {series.Length}.",
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
    /// or too short for one window and its target, or it holds NaN or infinity.</exception>
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
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        RequireColumns(targetColumns, features);

        int lastRowOffset = (sequenceLength - 1) * samplingRate;
        int span = lastRowOffset + horizon;
        if (rows <= span)
        {
            throw new ArgumentException(
                $"Expected at least {span + 1} rows for one window of {sequenceLength} steps (sampling rate {samplingRate}) and its target {horizon} row(s) later, but the data has {rows}.",
                nameof(data));
        }

        int count = (rows - 1 - span) / sequenceStride + 1;
        var x = new float[count * sequenceLength * features];
        var y = new float[count * targetColumns.Length];
        for (int k = 0; k < count; k++)
        {
            int start = k * sequenceStride;
            CopyWindow(data, features, start, sequenceLength, samplingRate, x.AsSpan(k * sequenceLength * features, sequenceLength * features));
            int targetRow = start + span;
            for (int c = 0; c < targetColumns.Length; c++)
            {
                y[k * targetColumns.Length + c] = data[targetRow * features + targetColumns[c]];
            }
        }

        return WindowedDataset.Own(x, y, sequenceLength * features, targetColumns.Length);
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
    /// <exception cref="ArgumentException">A size is not positive, an index is out of range, the data or targets are not
    /// whole rows, no window fits, or a value is NaN or infinite.</exception>
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
        ArgumentOutOfRangeException.ThrowIfLessThan(targetWidth, 1);
        if (targets.Length % targetWidth != 0)
        {
            throw new ArgumentException($"Expected targets as whole rows of {targetWidth} values, but they have {targets.Length}.", nameof(targets));
        }

        int end = endIndex ?? rows;
        if (startIndex < 0 || startIndex >= rows)
        {
            throw new ArgumentOutOfRangeException(nameof(startIndex), startIndex, $"Expected startIndex in [0, {rows}).");
        }

        if (end <= startIndex || end > rows)
        {
            throw new ArgumentOutOfRangeException(nameof(endIndex), endIndex, $"Expected endIndex in ({startIndex}, {rows}].");
        }

        int sequences = Math.Min(end - startIndex - (sequenceLength - 1) * samplingRate, targets.Length / targetWidth - startIndex);
        if (sequences <= 0)
        {
            throw new ArgumentException(
                $"No window fits: a window of {sequenceLength} steps at sampling rate {samplingRate} spans {(sequenceLength - 1) * samplingRate + 1} rows, "
                + $"rows [{startIndex}, {end}) hold {end - startIndex}, and there are {targets.Length / targetWidth} target rows.",
                nameof(data));
        }

        int count = (sequences + sequenceStride - 1) / sequenceStride;
        var x = new float[count * sequenceLength * features];
        var y = new float[count * targetWidth];
        for (int k = 0; k < count; k++)
        {
            int start = startIndex + k * sequenceStride;
            CopyWindow(data, features, start, sequenceLength, samplingRate, x.AsSpan(k * sequenceLength * features, sequenceLength * features));
            targets.Slice(start * targetWidth, targetWidth).CopyTo(y.AsSpan(k * targetWidth, targetWidth));
        }

        return WindowedDataset.Own(x, y, sequenceLength * features, targetWidth);
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
        ArgumentOutOfRangeException.ThrowIfLessThan(features, 1);
        if (data.Length % features != 0)
        {
            throw new ArgumentException($"Expected whole rows of {features} features, but the data has {data.Length} values.", nameof(data));
        }

        return data.Length / features;
    }

    private static void RequireWindow(int sequenceLength, int sequenceStride, int samplingRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequenceLength, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequenceStride, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(samplingRate, 1);
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
                throw new ArgumentOutOfRangeException("targetColumns", column, $"Expected target columns in [0, {features}), but one is {column}.");
            }
        }
    }
}
