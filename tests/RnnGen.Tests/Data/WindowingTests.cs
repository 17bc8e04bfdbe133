using RnnGen.Data;

namespace RnnGen.Tests.Data;

public class WindowingTests
{
    private static float[] Ramp(int n, int features = 1)
    {
        var values = new float[n * features];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = i;
        }

        return values;
    }

    [Fact]
    public void Get_xy_makes_187_samples_from_2256_values_with_12_steps()
    {
        WindowedDataset data = Windowing.GetXY(Ramp(2256), timeSteps: 12);

        Assert.Equal(187, data.Count);
        Assert.Equal((12, 1), (data.InputLength, data.OutputLength));
        Assert.Equal(Ramp(12), data.Input(0).ToArray());
        Assert.Equal(12f, data.Target(0)[0]);
        Assert.Equal(186 * 12f, data.Input(186)[0]);
        Assert.Equal(187 * 12f, data.Target(186)[0]);
    }

    [Fact]
    public void Get_xy_makes_46_samples_from_the_564_test_values()
    {
        // 2,820 sunspot values split at int(2820 * 0.8) = 2256 leave 564: (564 - 1) / 12 = 46 windows.
        Assert.Equal(46, Windowing.GetXY(Ramp(564), timeSteps: 12).Count);
    }

    [Fact]
    public void Get_xy_windows_do_not_overlap_and_target_is_the_value_right_after()
    {
        // Python: get_XY(np.arange(10), 3) -> X = [[0,1,2],[3,4,5],[6,7,8]], Y = [3, 6, 9]
        WindowedDataset data = Windowing.GetXY(Ramp(10), 3);
        Assert.Equal([0f, 1, 2, 3, 4, 5, 6, 7, 8], data.X.ToArray());
        Assert.Equal([3f, 6, 9], data.Y.ToArray());
    }

    [Fact]
    public void Series_shorter_than_one_window_and_its_target_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => Windowing.GetXY(Ramp(12), 12));
        Assert.Contains("at least timeSteps + 1 = 13 values", e.Message);
        Assert.Contains("has 12", e.Message);
    }

    [Fact]
    public void Non_positive_time_steps_are_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Windowing.GetXY(Ramp(10), 0));

    [Fact]
    public void Nan_in_the_series_is_refused_naming_its_place()
    {
        float[] series = Ramp(20);
        series[7] = float.NaN;
        var e = Assert.Throws<ArgumentException>(() => Windowing.GetXY(series, 4));
        Assert.Contains("X[1, 3] is NaN", e.Message);
    }

    [Fact]
    public void Sliding_windows_follow_keras_timeseries_dataset_from_array()
    {
        // keras.utils.timeseries_dataset_from_array(np.arange(10), targets=np.arange(10) * 10,
        //     sequence_length=3, sequence_stride=2, sampling_rate=2, start_index=1, end_index=9)
        // num_seqs = 9 - 1 - (3 - 1) * 2 = 4 -> starts 1, 3 -> [1,3,5] / 10, [3,5,7] / 30
        float[] targets = Ramp(10);
        for (int i = 0; i < targets.Length; i++)
        {
            targets[i] *= 10;
        }

        WindowedDataset data = Windowing.TimeseriesDatasetFromArray(
            Ramp(10), features: 1, targets, targetWidth: 1, sequenceLength: 3, sequenceStride: 2, samplingRate: 2, startIndex: 1, endIndex: 9);

        Assert.Equal([1f, 3, 5, 3, 5, 7], data.X.ToArray());
        Assert.Equal([10f, 30], data.Y.ToArray());
    }

    [Fact]
    public void Sliding_windows_are_limited_by_the_number_of_targets()
    {
        // Keras' forecasting idiom: targets = data[3:], sequence_length = 3 -> 7 windows, each followed by its target.
        float[] data = Ramp(10);
        WindowedDataset windows = Windowing.TimeseriesDatasetFromArray(data, 1, data.AsSpan(3), 1, sequenceLength: 3);
        Assert.Equal(7, windows.Count);
        Assert.Equal([6f, 7, 8], windows.Input(6).ToArray());
        Assert.Equal(9f, windows.Target(6)[0]);
    }

    [Fact]
    public void Multivariate_windows_keep_rows_as_time_steps_and_take_targets_from_chosen_columns()
    {
        // 6 rows x 3 features, value = 10 * row + column. Windows of 2 rows, target = columns [2, 0] two rows later.
        var data = new float[18];
        for (int r = 0; r < 6; r++)
        {
            for (int c = 0; c < 3; c++)
            {
                data[r * 3 + c] = 10 * r + c;
            }
        }

        WindowedDataset windows = Windowing.Forecast(data, features: 3, targetColumns: [2, 0], sequenceLength: 2, horizon: 2);

        // Last window row s + 1, target row s + 3 < 6 -> s in 0..2.
        Assert.Equal(3, windows.Count);
        Assert.Equal((6, 2), (windows.InputLength, windows.OutputLength));
        Assert.Equal([0f, 1, 2, 10, 11, 12], windows.Input(0).ToArray());
        Assert.Equal([32f, 30], windows.Target(0).ToArray());
        Assert.Equal([20f, 21, 22, 30, 31, 32], windows.Input(2).ToArray());
        Assert.Equal([52f, 50], windows.Target(2).ToArray());
    }

    [Fact]
    public void Forecast_with_stride_equal_to_length_is_get_xy()
    {
        float[] series = Ramp(50);
        WindowedDataset a = Windowing.GetXY(series, 7);
        WindowedDataset b = Windowing.Forecast(series, 1, [0], sequenceLength: 7, horizon: 1, sequenceStride: 7);
        Assert.Equal(a.X.ToArray(), b.X.ToArray());
        Assert.Equal(a.Y.ToArray(), b.Y.ToArray());
    }

    [Fact]
    public void Forecast_with_sampling_rate_skips_rows_inside_a_window()
    {
        WindowedDataset windows = Windowing.Forecast(Ramp(10), 1, [0], sequenceLength: 3, samplingRate: 2);
        // Rows s, s+2, s+4; target s+5 < 10 -> s in 0..4.
        Assert.Equal(5, windows.Count);
        Assert.Equal([4f, 6, 8], windows.Input(4).ToArray());
        Assert.Equal(9f, windows.Target(4)[0]);
    }

    [Fact]
    public void Target_column_out_of_range_is_refused()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Windowing.Forecast(Ramp(10, 2), 2, [2], 3));
        Assert.Contains("[0, 2)", e.Message);
    }

    [Fact]
    public void Data_that_is_not_whole_rows_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => Windowing.Forecast(new float[7], 2, [0], 2));
        Assert.Contains("whole rows of 2 features", e.Message);
    }

    [Fact]
    public void No_window_fitting_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => Windowing.TimeseriesDatasetFromArray(Ramp(5), 1, Ramp(5), 1, sequenceLength: 6));
        Assert.Contains("No window fits", e.Message);
    }
}
