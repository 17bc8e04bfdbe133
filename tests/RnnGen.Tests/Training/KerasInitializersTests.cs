using RnnGen.Training;

namespace RnnGen.Tests.Training;

public class KerasInitializersTests
{
    [Theory]
    [InlineData(1, 3)]
    [InlineData(3, 1)]
    [InlineData(64, 32)]
    public void Glorot_uniform_stays_within_the_limit_and_fills_it(int fanIn, int fanOut)
    {
        double limit = Math.Sqrt(6.0 / (fanIn + fanOut));
        Assert.Equal(limit, KerasInitializers.GlorotLimit(fanIn, fanOut), 1e-15);

        // Many draws: all inside [-limit, limit], and the extremes come close to both ends.
        var kernel = new float[fanIn * fanOut];
        double min = double.MaxValue, max = double.MinValue;
        var random = new Random(11);
        for (int draw = 0; draw < 2000 / kernel.Length + 1; draw++)
        {
            KerasInitializers.GlorotUniform(kernel, fanIn, fanOut, random);
            foreach (float w in kernel)
            {
                Assert.InRange(w, -limit, limit);
                min = Math.Min(min, w);
                max = Math.Max(max, w);
            }
        }

        Assert.True(max > 0.95 * limit && min < -0.95 * limit, $"draws span [{min}, {max}] of ±{limit}");
    }

    [Theory]
    [InlineData(3, 3)]
    [InlineData(8, 8)]
    [InlineData(7, 3)]
    [InlineData(3, 7)]
    [InlineData(1, 5)]
    public void Orthogonal_has_orthonormal_rows_or_columns(int rows, int columns)
    {
        var kernel = new float[rows * columns];
        KerasInitializers.Orthogonal(kernel, rows, columns, new Random(5));

        // Tall or square: QᵀQ = I (columns orthonormal). Wide: QQᵀ = I (rows orthonormal). Within 1e-5 (float32 storage).
        int n = Math.Min(rows, columns);
        for (int a = 0; a < n; a++)
        {
            for (int b = 0; b < n; b++)
            {
                double dot = 0;
                for (int k = 0; k < Math.Max(rows, columns); k++)
                {
                    dot += rows >= columns
                        ? (double)kernel[k * columns + a] * kernel[k * columns + b]
                        : (double)kernel[a * columns + k] * kernel[b * columns + k];
                }

                Assert.Equal(a == b ? 1.0 : 0.0, dot, 1e-5);
            }
        }
    }

    [Fact]
    public void Orthogonal_gain_scales_the_matrix()
    {
        var unit = new float[16];
        var scaled = new float[16];
        KerasInitializers.Orthogonal(unit, 4, 4, new Random(2));
        KerasInitializers.Orthogonal(scaled, 4, 4, new Random(2), gain: 2f);
        for (int i = 0; i < unit.Length; i++)
        {
            Assert.Equal(2.0 * unit[i], scaled[i], 1e-6);
        }
    }

    [Fact]
    public void Same_seed_gives_same_weights_and_another_seed_differs()
    {
        float[] Draw(int seed)
        {
            var random = new Random(seed);
            var kernel = new float[12];
            var recurrent = new float[9];
            KerasInitializers.GlorotUniform(kernel, 4, 3, random);
            KerasInitializers.Orthogonal(recurrent, 3, 3, random);
            return [.. kernel, .. recurrent];
        }

        Assert.Equal(Draw(7), Draw(7));
        Assert.NotEqual(Draw(7), Draw(8));
    }

    [Fact]
    public void Standard_normal_has_mean_zero_and_unit_variance()
    {
        var random = new Random(1);
        double sum = 0, squares = 0;
        const int n = 200_000;
        for (int i = 0; i < n; i++)
        {
            double x = KerasInitializers.NextStandardNormal(random);
            Assert.True(double.IsFinite(x));
            sum += x;
            squares += x * x;
        }

        // Standard errors: 1/sqrt(n) ≈ 0.0022 for the mean, sqrt(2/n) ≈ 0.0032 for the variance; 5 sigma bounds.
        Assert.Equal(0.0, sum / n, 0.012);
        Assert.Equal(1.0, squares / n - (sum / n) * (sum / n), 0.016);
    }

    [Fact]
    public void Kernel_of_the_wrong_length_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => KerasInitializers.GlorotUniform(new float[5], 2, 3, new Random(1)));
        Assert.Contains("6 floats", e.Message);
        Assert.Throws<ArgumentException>(() => KerasInitializers.Orthogonal(new float[5], 2, 3, new Random(1)));
    }
}
