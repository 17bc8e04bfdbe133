using RnnGen.Data;

namespace RnnGen.Tests.Data;

public class OrderedSplitTests
{
    [Fact]
    public void Split_is_at_int_n_times_fraction_and_keeps_order()
    {
        // Tutorial: 2,820 values, split = int(2820 * 0.8) = 2256.
        var series = new float[2820];
        for (int i = 0; i < series.Length; i++)
        {
            series[i] = i;
        }

        (float[] train, float[] test) = OrderedSplit.Split(series, 0.8);

        Assert.Equal(2256, train.Length);
        Assert.Equal(564, test.Length);
        Assert.Equal(2255f, train[^1]);
        Assert.Equal(2256f, test[0]);
    }

    [Fact]
    public void Multivariate_split_cuts_between_rows()
    {
        (float[] train, float[] test) = OrderedSplit.Split([1f, 2, 3, 4, 5, 6], 0.5, features: 2);
        Assert.Equal([1f, 2], train);
        Assert.Equal([3f, 4, 5, 6], test);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    public void Fraction_outside_zero_to_one_is_refused(double fraction)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => OrderedSplit.Split(new float[10], fraction));
        Assert.Contains("strictly between 0 and 1", e.Message);
    }

    [Fact]
    public void Split_leaving_an_empty_part_is_refused()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => OrderedSplit.Split(new float[3], 0.2));
        Assert.Contains("both parts need at least one row", e.Message);
    }
}
