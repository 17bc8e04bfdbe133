using RnnGen.Training;

namespace RnnGen.Tests.Training;

/// <summary>
/// <see cref="KerasInitializers.Orthogonal"/> is Keras' initializer: Q of the QR of the normal matrix it draws, times
/// sign(diag R). Sizes straddle the QR's 32-column panels (31, 32, 33, 65) and include tall, wide and 1 × n kernels.
/// </summary>
public class OrthogonalTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(31, 31)]
    [InlineData(32, 32)]
    [InlineData(33, 33)]
    [InlineData(65, 65)]
    [InlineData(100, 37)]
    [InlineData(37, 100)]
    [InlineData(1, 70)]
    [InlineData(512, 512)]
    public void Q_transpose_Q_is_the_identity_within_float_rounding(int rows, int columns)
    {
        double[,] q = TallQ(Draw(rows, columns, seed: 3), rows, columns);
        int m = q.GetLength(0), n = q.GetLength(1);

        // Stored as float32 (relative rounding 6e-8), so entries of QᵀQ may be off by a few 1e-7; 2e-6 bounds them.
        double worst = 0;
        for (int a = 0; a < n; a++)
        {
            for (int b = a; b < n; b++)
            {
                double dot = 0;
                for (int k = 0; k < m; k++)
                {
                    dot += q[k, a] * q[k, b];
                }

                worst = Math.Max(worst, Math.Abs(dot - (a == b ? 1.0 : 0.0)));
            }
        }

        Assert.True(worst < 2e-6, $"max |QᵀQ - I| = {worst:E2}");
    }

    [Theory]
    [InlineData(33, 33)]
    [InlineData(70, 40)]
    [InlineData(40, 70)]
    public void Q_is_the_qr_factor_of_the_drawn_normal_matrix_with_a_positive_r_diagonal(int rows, int columns)
    {
        // Keras: Q·sign(diag R) is the QR factor whose R has a positive diagonal. So R = QᵀA, with A the normal matrix
        // the same seed draws (column by column, max(rows, columns) tall), must be upper triangular with a positive diagonal.
        int m = Math.Max(rows, columns), n = Math.Min(rows, columns);
        var random = new Random(9);
        var a = new double[m, n];
        for (int c = 0; c < n; c++)
        {
            for (int r = 0; r < m; r++)
            {
                a[r, c] = KerasInitializers.NextStandardNormal(random);
            }
        }

        double[,] q = TallQ(Draw(rows, columns, seed: 9), rows, columns);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double r = 0;
                for (int k = 0; k < m; k++)
                {
                    r += q[k, i] * a[k, j];
                }

                // |A| entries are O(1) and R's O(√m): float storage of Q leaves below-diagonal residues of order 1e-6.
                if (i > j)
                {
                    Assert.True(Math.Abs(r) < 1e-5, $"R[{i}, {j}] = {r:E2}");
                }
                else if (i == j)
                {
                    Assert.True(r > 0, $"R[{i}, {i}] = {r}");
                }
            }
        }
    }

    [Fact]
    public void Same_seed_gives_the_same_bits_and_another_seed_another_matrix()
    {
        Assert.Equal(Draw(96, 96, seed: 4), Draw(96, 96, seed: 4));
        Assert.NotEqual(Draw(96, 96, seed: 4), Draw(96, 96, seed: 5));
    }

    [Fact]
    public void Draws_the_same_normals_as_before_so_a_seed_keeps_its_matrix()
    {
        // The Householder QR replaced Gram-Schmidt; both give the QR factor with a positive R diagonal, from the same
        // m·n draws, so weights for a seed agree with the Gram-Schmidt reference to float rounding (1e-6 here).
        const int size = 40;
        float[] drawn = Draw(size, size, seed: 6);
        double[] reference = GramSchmidtReference(size, new Random(6));
        for (int r = 0; r < size; r++)
        {
            for (int c = 0; c < size; c++)
            {
                Assert.Equal(reference[c * size + r], drawn[r * size + c], 1e-6);
            }
        }
    }

    private static float[] Draw(int rows, int columns, int seed)
    {
        var kernel = new float[rows * columns];
        KerasInitializers.Orthogonal(kernel, rows, columns, new Random(seed));
        return kernel;
    }

    /// <summary>The kernel as the tall <c>[max, min]</c> Q it was made from (transposed back when wide), in double.</summary>
    private static double[,] TallQ(float[] kernel, int rows, int columns)
    {
        int m = Math.Max(rows, columns), n = Math.Min(rows, columns);
        var q = new double[m, n];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                if (rows >= columns)
                {
                    q[r, c] = kernel[r * columns + c];
                }
                else
                {
                    q[c, r] = kernel[r * columns + c];
                }
            }
        }

        return q;
    }

    /// <summary>Modified Gram-Schmidt, twice, on the same column-major draws: the previous implementation, column-major.</summary>
    private static double[] GramSchmidtReference(int size, Random random)
    {
        var q = new double[size * size];
        for (int i = 0; i < q.Length; i++)
        {
            q[i] = KerasInitializers.NextStandardNormal(random);
        }

        for (int c = 0; c < size; c++)
        {
            Span<double> column = q.AsSpan(c * size, size);
            for (int pass = 0; pass < 2; pass++)
            {
                for (int p = 0; p < c; p++)
                {
                    ReadOnlySpan<double> previous = q.AsSpan(p * size, size);
                    double projection = System.Numerics.Tensors.TensorPrimitives.Dot(previous, column);
                    for (int i = 0; i < size; i++)
                    {
                        column[i] -= projection * previous[i];
                    }
                }
            }

            double norm = Math.Sqrt(System.Numerics.Tensors.TensorPrimitives.Dot<double>(column, column));
            for (int i = 0; i < size; i++)
            {
                column[i] /= norm;
            }
        }

        return q;
    }
}
