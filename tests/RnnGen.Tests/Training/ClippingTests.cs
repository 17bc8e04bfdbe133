using RnnGen.Training;

namespace RnnGen.Tests.Training;

/// <summary>Keras' clipnorm, global_clipnorm and clipvalue, observed through plain SGD with lr = 1 (p -= g).</summary>
public class ClippingTests
{
    [Fact]
    public void Clipnorm_scales_each_variable_to_its_own_norm_limit()
    {
        // Variable A = [3, 4] (norm 5) is scaled by 1/5; variable B = [0.3, 0.4] (norm 0.5) is under the limit.
        var sgd = new Sgd(learningRate: 1f) { ClipNorm = 1f };
        var parameters = new float[4];
        sgd.Step(parameters, [3f, 4f, 0.3f, 0.4f], [2, 2]);
        Assert.Equal([-0.6f, -0.8f, -0.3f, -0.4f], parameters);
    }

    [Fact]
    public void Clipnorm_without_variable_lengths_treats_the_buffer_as_one_variable()
    {
        // Norm of [3, 4, 0, 12] is 13: everything is scaled by 1/13.
        var sgd = new Sgd(learningRate: 1f) { ClipNorm = 1f };
        var parameters = new float[4];
        sgd.Step(parameters, [3f, 4f, 0f, 12f]);
        AssertClose([-3.0 / 13, -4.0 / 13, 0.0, -12.0 / 13], parameters);
    }

    [Fact]
    public void Global_clipnorm_scales_all_variables_by_the_global_norm()
    {
        // Global norm of [3, 4] and [0, 12] is 13, over the limit 2.6: every gradient is scaled by 2.6 / 13 = 0.2.
        var sgd = new Sgd(learningRate: 1f) { GlobalClipNorm = 2.6f };
        var parameters = new float[4];
        sgd.Step(parameters, [3f, 4f, 0f, 12f], [2, 2]);
        AssertClose([-0.6, -0.8, 0.0, -2.4], parameters);
    }

    [Fact]
    public void Norm_under_the_limit_is_left_alone()
    {
        var sgd = new Sgd(learningRate: 1f) { GlobalClipNorm = 100f };
        var parameters = new float[2];
        sgd.Step(parameters, [3f, 4f]);
        Assert.Equal([-3f, -4f], parameters);
    }

    [Fact]
    public void Clipvalue_clamps_each_element()
    {
        var sgd = new Sgd(learningRate: 1f) { ClipValue = 0.5f };
        var parameters = new float[4];
        sgd.Step(parameters, [3f, -4f, 0.25f, -0.5f]);
        Assert.Equal([-0.5f, 0.5f, -0.25f, 0.5f], parameters);
    }

    [Fact]
    public void Adam_first_step_with_clipvalue_sees_the_clipped_gradient()
    {
        // With g clipped to 0.5: m = 0.05, v = 2.5e-4, lr_t = 0.1 * sqrt(0.001) / 0.1; p = -lr_t * m / (sqrt(v) + eps).
        var adam = new Adam(learningRate: 0.1f) { ClipValue = 0.5f };
        var parameters = new float[1];
        adam.Step(parameters, [10f]);
        double lrT = 0.1 * Math.Sqrt(0.001) / 0.1;
        Assert.Equal(-lrT * 0.05 / (Math.Sqrt(2.5e-4) + 1e-7), parameters[0], 1e-7);
    }

    [Fact]
    public void Only_one_clipping_option_may_be_set()
    {
        var e = Assert.Throws<ArgumentException>(() => new Adam { ClipNorm = 1f, ClipValue = 1f });
        Assert.Contains("Only one of ClipNorm, GlobalClipNorm and ClipValue", e.Message);
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(-1f)]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void Non_positive_clip_is_refused(float clip)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd { ClipNorm = clip });
        Assert.Equal("ClipNorm", e.ParamName);
    }

    private static void AssertClose(double[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 1e-6);
        }
    }
}
