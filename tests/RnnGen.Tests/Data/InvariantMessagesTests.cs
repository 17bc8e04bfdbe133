using RnnGen.Data;

namespace RnnGen.Tests.Data;

/// <summary>Under a de-DE-like culture every message of RnnGen.Data still prints 0.8, -1 and Infinity.</summary>
public class InvariantMessagesTests
{
    private static string MessageOf(Action action)
    {
        using var culture = CommaCulture.Use();
        Assert.Equal("0,8", CommaCulture.Sample);
        return Assert.ThrowsAny<ArgumentException>(action).Message;
    }

    [Fact]
    public void OrderedSplit_prints_the_fraction_with_a_decimal_point()
    {
        Assert.Equal(
            "Splitting 1 rows at fraction 0.8 leaves 0 and 1: both parts need at least one row. (Parameter 'trainFraction')",
            MessageOf(() => OrderedSplit.Split([1f], 0.8)));
        Assert.Equal(
            "Expected a split fraction strictly between 0 and 1, but it is 1.5. (Parameter 'fraction')",
            MessageOf(() => OrderedSplit.SplitIndex(10, 1.5)));
    }

    [Fact]
    public void MinMaxScaler_prints_the_feature_range_with_decimal_points()
    {
        Assert.Equal(
            "Expected a feature range with min < max, both finite, but it is (1.5, -0.5). (Parameter 'min')",
            MessageOf(() => _ = new MinMaxScaler(1.5f, -0.5f)));
    }

    [Fact]
    public void A_scaler_prints_a_negative_column_with_an_ascii_minus()
    {
        var scaler = new StandardScaler();
        scaler.Fit([1f, 2f]);
        Assert.Equal("Expected column in [0, 1), but it is -1. (Parameter 'column')", MessageOf(() => scaler.InverseTransform(0f, -1)));
    }

    [Fact]
    public void The_finite_check_prints_infinity_invariantly()
    {
        Assert.Equal(
            "Expected finite values, but X[0, 1] is -Infinity; NaN and infinity are refused before training. (Parameter 'x')",
            MessageOf(() => _ = new WindowedDataset([1f, float.NegativeInfinity], [0f], 2, 1)));
    }

    [Fact]
    public void Windowing_prints_negative_arguments_with_an_ascii_minus()
    {
        Assert.Equal("Expected timeSteps of at least 1, but it is -1. (Parameter 'timeSteps')", MessageOf(() => Windowing.GetXY([1f, 2f], -1)));
        Assert.Equal(
            "Expected target columns in [0, 1), but one is -2. (Parameter 'targetColumns')",
            MessageOf(() => Windowing.Forecast([1f, 2f, 3f], 1, [-2], sequenceLength: 1)));
        Assert.Equal(
            "Expected startIndex in [0, 3), but it is -4. (Parameter 'startIndex')",
            MessageOf(() => Windowing.TimeseriesDatasetFromArray([1f, 2f, 3f], 1, [1f, 2f, 3f], 1, sequenceLength: 1, startIndex: -4)));
    }

    [Fact]
    public void A_dataset_slice_prints_a_negative_start_with_an_ascii_minus()
    {
        var data = new WindowedDataset([1f, 2f], [3f, 4f], 1, 1);
        Assert.Equal(
            "Expected at least one sample inside [0, 2), but the range starts at -1 and holds 1. (Parameter 'start')",
            MessageOf(() => data.Slice(-1, 1)));
    }
}
