using RnnGen.Training;

namespace RnnGen.Tests.Training;

public class SgdTests
{
    private static readonly float[][] Gradients = [[1f], [0.5f], [-2f]];

    [Fact]
    public void Plain_sgd_subtracts_learning_rate_times_gradient()
    {
        var sgd = new Sgd();
        float[] p = [1f];
        sgd.Step(p, [2f]);
        Assert.Equal(0.98f, p[0], 1e-7f);
    }

    [Fact]
    public void Momentum_follows_keras_velocity_recurrence()
    {
        // Keras, lr 0.1, momentum 0.9:  m = 0.9 m - 0.1 g;  p += m
        //   step 1: m = -0.1            p = 0.9
        //   step 2: m = -0.09 - 0.05   = -0.14    p = 0.76
        //   step 3: m = -0.126 + 0.2   = 0.074    p = 0.834
        var sgd = new Sgd(learningRate: 0.1f, momentum: 0.9f);
        float[] p = [1f];
        double[] expected = [0.9, 0.76, 0.834];
        for (int t = 0; t < 3; t++)
        {
            sgd.Step(p, Gradients[t]);
            Assert.Equal(expected[t], p[0], 1e-6);
        }
    }

    [Fact]
    public void Nesterov_adds_momentum_times_velocity_minus_lr_times_gradient()
    {
        // Keras nesterov, lr 0.1, momentum 0.9:  m = 0.9 m - 0.1 g;  p += 0.9 m - 0.1 g
        //   step 1: m = -0.1     p = 1 - 0.09 - 0.1 = 0.81
        //   step 2: m = -0.14    p = 0.81 - 0.126 - 0.05 = 0.634
        //   step 3: m = 0.074    p = 0.634 + 0.0666 + 0.2 = 0.9006
        var sgd = new Sgd(learningRate: 0.1f, momentum: 0.9f, nesterov: true);
        float[] p = [1f];
        double[] expected = [0.81, 0.634, 0.9006];
        for (int t = 0; t < 3; t++)
        {
            sgd.Step(p, Gradients[t]);
            Assert.Equal(expected[t], p[0], 1e-6);
        }
    }

    [Fact]
    public void Momentum_outside_zero_to_one_is_refused()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd(momentum: 1.5f));
        Assert.Equal("momentum", e.ParamName);
    }
}
