namespace RnnGen.Training;

/// <summary>
/// Keras' default initial weights: <c>glorot_uniform</c> kernels, an <c>orthogonal</c> recurrent
/// kernel, zero biases. Deterministic for a given <see cref="Random"/> seed (the numbers differ
/// from TensorFlow's, whose generator is not reproducible outside TensorFlow; the distributions
/// are the same).
/// </summary>
public static class KerasInitializers
{
    /// <summary>
    /// Keras <c>GlorotUniform</c>: uniform in <c>[-limit, limit]</c> with
    /// <c>limit = sqrt(6 / (fanIn + fanOut))</c>, for a row-major <c>[fanIn, fanOut]</c> kernel.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="kernel"/> does not hold <c>fanIn * fanOut</c> floats.</exception>
    public static void GlorotUniform(Span<float> kernel, int fanIn, int fanOut, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fanIn, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(fanOut, 1);
        RequireLength(kernel, fanIn * fanOut);
        double limit = GlorotLimit(fanIn, fanOut);
        for (int i = 0; i < kernel.Length; i++)
        {
            kernel[i] = (float)((random.NextDouble() * 2.0 - 1.0) * limit);
        }
    }

    /// <summary>The bound of <see cref="GlorotUniform"/>: <c>sqrt(6 / (fanIn + fanOut))</c>.</summary>
    public static double GlorotLimit(int fanIn, int fanOut) => Math.Sqrt(6.0 / (fanIn + fanOut));

    /// <summary>
    /// Keras <c>Orthogonal(gain)</c> for a row-major <c>[rows, columns]</c> kernel: draw a normal
    /// matrix of shape <c>(max(rows, columns), min(rows, columns))</c>, take its QR decomposition,
    /// multiply Q's columns by the signs of R's diagonal (so the result is uniformly distributed),
    /// transpose when <c>rows &lt; columns</c>, scale by <paramref name="gain"/>.
    /// </summary>
    /// <remarks>
    /// Q comes from a blocked Householder QR in float64 (<c>O(n²m)</c> flops, vectorized: about 2 s at 2048×2048,
    /// where Gram-Schmidt took 16). The normal draws are the same as ever, column by column, so a seed gives the
    /// same matrix as before up to rounding.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="kernel"/> does not hold <c>rows * columns</c> floats.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rows"/> or <paramref name="columns"/> is less than 1.</exception>
    public static void Orthogonal(Span<float> kernel, int rows, int columns, Random random, float gain = 1f)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        RequireLength(kernel, rows * columns);

        int m = Math.Max(rows, columns);
        int n = Math.Min(rows, columns);
        // Column-major: column c of the m x n matrix is q[c*m .. c*m+m).
        var q = new double[m * n];
        for (int i = 0; i < q.Length; i++)
        {
            q[i] = NextStandardNormal(random);
        }

        var rDiagonal = new double[n];
        HouseholderQr.Factor(q, m, n, rDiagonal);

        // Keras: q *= sign(diag(r)), which makes the result uniformly distributed (Haar); a zero, of probability 0, counts as +1.
        // q is m x n with orthonormal columns; Keras keeps it as [rows, columns] when rows >= columns, and transposes it otherwise.
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                int column = rows >= columns ? c : r;
                double value = rows >= columns ? q[c * m + r] : q[r * m + c];
                double sign = rDiagonal[column] < 0 ? -1.0 : 1.0;
                kernel[r * columns + c] = (float)(gain * sign * value);
            }
        }
    }

    /// <summary>A standard normal sample (Box-Muller), from <paramref name="random"/> only.</summary>
    public static double NextStandardNormal(Random random)
    {
        double u1 = 1.0 - random.NextDouble(); // in (0, 1], so the logarithm is finite
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private static void RequireLength(Span<float> kernel, int expected)
    {
        if (kernel.Length != expected)
        {
            throw new ArgumentException($"Expected a kernel of {expected} floats, but it has {kernel.Length}.", nameof(kernel));
        }
    }
}
