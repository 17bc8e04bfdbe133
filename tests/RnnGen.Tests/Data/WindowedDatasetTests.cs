using RnnGen.Data;

namespace RnnGen.Tests.Data;

public class WindowedDatasetTests
{
    [Fact]
    public void Rows_are_contiguous_views_of_x_and_y()
    {
        var data = new WindowedDataset([1f, 2, 3, 4, 5, 6], [7f, 8, 9], inputLength: 2, outputLength: 1);

        Assert.Equal(3, data.Count);
        Assert.Equal([3f, 4], data.Input(1).ToArray());
        Assert.Equal(9f, data.Target(2)[0]);
        Assert.True(data.Input(1).Overlaps(data.X));
    }

    [Fact]
    public void The_constructor_copies_so_later_edits_do_not_leak_in()
    {
        float[] x = [1f, 2];
        var data = new WindowedDataset(x, [3f], 2, 1);
        x[0] = 100f;
        Assert.Equal(1f, data.X[0]);
    }

    [Fact]
    public void Slice_and_split_share_storage_in_order()
    {
        var data = new WindowedDataset([0f, 1, 2, 3, 4], [10f, 11, 12, 13, 14], 1, 1);
        (WindowedDataset first, WindowedDataset second) = data.Split(0.8);

        Assert.Equal(4, first.Count);
        Assert.Equal([14f], second.Y.ToArray());
        Assert.True(second.X.Overlaps(data.X));
        Assert.Equal([2f, 3], data.Slice(2, 2).X.ToArray());
    }

    [Fact]
    public void X_and_y_with_different_sample_counts_are_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new WindowedDataset(new float[6], new float[2], 2, 1));
        Assert.Contains("X holds 3 samples but Y holds 2", e.Message);
    }

    [Fact]
    public void Partial_rows_are_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new WindowedDataset(new float[5], new float[2], 2, 1));
        Assert.Contains("whole rows of 2 floats", e.Message);
    }

    [Fact]
    public void Infinity_in_targets_is_refused_naming_its_place()
    {
        var e = Assert.Throws<ArgumentException>(() => new WindowedDataset(new float[4], [0f, float.PositiveInfinity], 2, 1));
        Assert.Contains("Y[1, 0] is Infinity", e.Message);
    }

    [Fact]
    public void Empty_data_set_is_refused() =>
        Assert.Throws<ArgumentException>(() => new WindowedDataset([], [], 2, 1));

    [Fact]
    public void Slice_outside_the_data_set_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new WindowedDataset(new float[4], new float[2], 2, 1).Slice(1, 2));
}
