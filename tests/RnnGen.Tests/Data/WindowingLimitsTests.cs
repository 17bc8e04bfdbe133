using RnnGen.Data;

namespace RnnGen.Tests.Data;

/// <summary>Huge window arguments: sizes in 64 bits, Keras' start positions, clear errors before any allocation.</summary>
public class WindowingLimitsTests
{
    private static float[] Ramp(int n)
    {
        var values = new float[n];
        for (int i = 0; i < n; i++)
        {
            values[i] = i;
        }

        return values;
    }

    [Fact]
    public void GetXY_with_int_MaxValue_time_steps_says_it_needs_2147483648_values()
    {
        var e = Assert.Throws<ArgumentException>(() => Windowing.GetXY(Ramp(10), int.MaxValue));
        Assert.Equal(
            "Expected a series of at least timeSteps + 1 = 2147483648 values (one window and the value after it), but it has 10. (Parameter 'series')",
            e.Message);
    }

    [Fact]
    public void Forecast_with_a_sampling_rate_of_int_MaxValue_says_how_many_rows_two_steps_need()
    {
        var e = Assert.Throws<ArgumentException>(() => Windowing.Forecast(Ramp(10), 1, [0], sequenceLength: 2, samplingRate: int.MaxValue));
        Assert.Equal(
            "Expected at least 2147483649 rows for one window of 2 steps (sampling rate 2147483647) and its target 1 row(s) later, but the data has 10. (Parameter 'data')",
            e.Message);
    }

    [Fact]
    public void Forecast_with_a_sampling_rate_of_int_MaxValue_and_one_step_ignores_it()
    {
        // One step has no second row to sample: every row but the last is a window, as with rate 1.
        WindowedDataset data = Windowing.Forecast(Ramp(4), 1, [0], sequenceLength: 1, samplingRate: int.MaxValue);
        Assert.Equal([0f, 1, 2], data.X.ToArray());
        Assert.Equal([1f, 2, 3], data.Y.ToArray());
    }

    [Fact]
    public void Forecast_with_a_horizon_of_int_MaxValue_says_how_many_rows_it_needs()
    {
        var e = Assert.Throws<ArgumentException>(() => Windowing.Forecast(Ramp(10), 1, [0], sequenceLength: 3, horizon: int.MaxValue));
        Assert.Equal(
            "Expected at least 2147483650 rows for one window of 3 steps (sampling rate 1) and its target 2147483647 row(s) later, but the data has 10. (Parameter 'data')",
            e.Message);
    }

    [Fact]
    public void Forecast_with_a_stride_of_int_MaxValue_gives_one_window()
    {
        WindowedDataset data = Windowing.Forecast(Ramp(10), 1, [0], sequenceLength: 3, sequenceStride: int.MaxValue);
        Assert.Equal([0f, 1, 2], data.X.ToArray());
        Assert.Equal([3f], data.Y.ToArray());
    }

    [Fact]
    public void TimeseriesDatasetFromArray_with_a_stride_of_int_MaxValue_gives_one_window()
    {
        // Keras: np.arange(0, num_seqs, sequence_stride) = [0].
        float[] series = Ramp(10);
        WindowedDataset data = Windowing.TimeseriesDatasetFromArray(series, 1, series, 1, sequenceLength: 3, sequenceStride: int.MaxValue);
        Assert.Equal([0f, 1, 2], data.X.ToArray());
        Assert.Equal([0f], data.Y.ToArray());
    }

    [Fact]
    public void TimeseriesDatasetFromArray_with_a_sampling_rate_of_int_MaxValue_says_no_window_fits()
    {
        float[] series = Ramp(10);
        var e = Assert.Throws<ArgumentException>(
            () => Windowing.TimeseriesDatasetFromArray(series, 1, series, 1, sequenceLength: 3, samplingRate: int.MaxValue));
        Assert.Equal(
            "No window fits: a window of 3 steps at sampling rate 2147483647 spans 4294967295 rows, rows [0, 10) hold 10, and there are 10 target rows. (Parameter 'data')",
            e.Message);
    }

    [Fact]
    public void Forecast_refuses_windows_larger_than_one_array_before_allocating_them()
    {
        // 1,100,000 rows of windows of 4,000: 1,096,000 windows (each needs the row after it), 4,384,000,000 floats (17.5 GB).
        float[] series = new float[1_100_000];
        long before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<ArgumentException>(() => Windowing.Forecast(series, 1, [0], sequenceLength: 4000));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(
            "Expected X to fit one array of at most 2147483591 floats, but 1096000 windows of 4000 floats need 4384000000; "
            + "use a larger sequenceStride or fewer rows. (Parameter 'sequenceLength')",
            e.Message);
        Assert.True(allocated < 1_000_000, $"allocated {allocated} bytes before refusing");
    }
}
