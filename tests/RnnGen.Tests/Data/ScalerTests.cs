using RnnGen.Data;

namespace RnnGen.Tests.Data;

public class ScalerTests
{
    [Fact]
    public void Min_max_maps_each_column_onto_the_feature_range()
    {
        // Columns [2, 4, 6] and [-1, 1, 0] onto (-1, 1): sklearn gives [-1, 0, 1] and [-1, 1, 0].
        var scaler = new MinMaxScaler(-1f, 1f);
        float[] scaled = scaler.FitTransform([2f, -1, 4, 1, 6, 0], features: 2);

        Assert.Equal([-1f, -1, 0, 1, 1, 0], scaled);
        Assert.Equal([2.0, -1.0], scaler.DataMin.ToArray());
        Assert.Equal([6.0, 1.0], scaler.DataMax.ToArray());
    }

    [Fact]
    public void Min_max_inverse_transform_restores_original_units()
    {
        var scaler = new MinMaxScaler();
        float[] original = [0f, 58f, 253.8f, 12.5f];
        float[] scaled = scaler.FitTransform(original);
        var restored = new float[4];
        scaler.InverseTransform(scaled, restored);

        for (int i = 0; i < original.Length; i++)
        {
            Assert.Equal(original[i], restored[i], 1e-4f);
        }

        Assert.Equal(253.8f, scaler.InverseTransform(1f, column: 0), 1e-4f);
    }

    [Fact]
    public void Min_max_constant_column_maps_to_range_min_like_scikit_learn()
    {
        var scaler = new MinMaxScaler(0.25f, 1f);
        float[] scaled = scaler.FitTransform([5f, 5, 5]);
        Assert.Equal([0.25f, 0.25f, 0.25f], scaled);

        var restored = new float[3];
        scaler.InverseTransform(scaled, restored);
        Assert.Equal([5f, 5, 5], restored);
    }

    [Fact]
    public void Standard_scaler_uses_population_standard_deviation()
    {
        // [1, 2, 3, 4]: mean 2.5, population std sqrt(1.25) = 1.1180340
        var scaler = new StandardScaler();
        float[] scaled = scaler.FitTransform([1f, 2, 3, 4]);

        Assert.Equal(2.5, scaler.Mean[0], 1e-12);
        Assert.Equal(Math.Sqrt(1.25), scaler.StandardDeviation[0], 1e-12);
        Assert.Equal(-1.5 / Math.Sqrt(1.25), scaled[0], 1e-6);
        Assert.Equal(1.5 / Math.Sqrt(1.25), scaled[3], 1e-6);
    }

    [Fact]
    public void Standard_scaler_constant_column_maps_to_zero()
    {
        var scaler = new StandardScaler();
        Assert.Equal([0f, 0f], scaler.FitTransform([3f, 3f]));
    }

    [Fact]
    public void Transform_in_place_is_allowed()
    {
        var scaler = new MinMaxScaler();
        float[] values = [0f, 10f];
        scaler.Fit(values);
        scaler.Transform(values, values);
        Assert.Equal([0f, 1f], values);
    }

    [Fact]
    public void Transform_before_fit_is_refused()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new MinMaxScaler().Transform([1f], new float[1]));
        Assert.Contains("not fitted yet", e.Message);
    }

    [Fact]
    public void Inverted_feature_range_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new MinMaxScaler(1f, 0f));
        Assert.Contains("min < max", e.Message);
    }

    [Fact]
    public void Fitting_on_nan_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new MinMaxScaler().Fit([1f, float.NaN]));
        Assert.Contains("is NaN", e.Message);
    }

    [Fact]
    public void Data_with_another_column_count_is_refused()
    {
        var scaler = new MinMaxScaler();
        scaler.Fit([1f, 2, 3, 4], features: 2);
        var e = Assert.Throws<ArgumentException>(() => scaler.Transform([1f, 2, 3], new float[3]));
        Assert.Contains("whole rows of 2 values", e.Message);
    }
}
