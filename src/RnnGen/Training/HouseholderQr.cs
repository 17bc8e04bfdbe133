using System.Numerics.Tensors;

namespace RnnGen.Training;

/// <summary>
/// The Q factor of a tall matrix by blocked Householder QR (LAPACK's <c>dgeqrf</c> then <c>dorgqr</c>, compact WY form),
/// in float64, in place. About <c>4mn² - 4n³/3</c> flops, most of them in vectorized dot products and AXPYs over
/// contiguous columns, each trailing column kept in cache while a whole panel of reflectors is applied to it.
/// </summary>
internal static class HouseholderQr
{
    /// <summary>Reflectors per panel: enough to reuse each trailing column from cache, few enough that a panel stays in L2.</summary>
    private const int PanelWidth = 32;

    /// <summary>
    /// Overwrites the column-major <c>[rows, columns]</c> matrix <paramref name="a"/> (<paramref name="rows"/> ≥ <paramref name="columns"/>)
    /// with the Q of <c>A = QR</c> and writes R's diagonal to <paramref name="rDiagonal"/>.
    /// </summary>
    public static void Factor(Span<double> a, int rows, int columns, Span<double> rDiagonal)
    {
        var tau = new double[columns];
        var panel = new double[rows * PanelWidth];
        var t = new double[PanelWidth * PanelWidth];
        var w = new double[PanelWidth];
        for (int k = 0; k < columns; k += PanelWidth)
        {
            int width = Math.Min(PanelWidth, columns - k);
            FactorPanel(a, rows, k, width, rDiagonal, tau);
            int length = rows - k;
            CopyPanel(a, rows, k, width, panel);
            FormT(panel, length, width, tau.AsSpan(k, width), t);
            // A ← Hᵀ A for the rest: H = I - V T Vᵀ, so Hᵀ = I - V Tᵀ Vᵀ.
            ApplyBlockReflector(panel, t, length, width, a, rows, k, k + width, columns, transposeT: true, w);
        }

        FormQ(a, rows, columns, tau, panel, t, w);
    }

    /// <summary>Unblocked QR of columns <c>[k, k + width)</c>: each column becomes its reflector v (1 on the diagonal, zeros above).</summary>
    private static void FactorPanel(Span<double> a, int rows, int k, int width, Span<double> rDiagonal, Span<double> tau)
    {
        for (int c = k; c < k + width; c++)
        {
            Span<double> x = a.Slice(c * rows + c, rows - c);
            (rDiagonal[c], tau[c]) = MakeReflector(x);
            // Only R's diagonal is kept: clearing the rest leaves Q's columns zero above the diagonal, as FormQ needs.
            a.Slice(c * rows, c).Clear();
            for (int j = c + 1; j < k + width; j++)
            {
                Span<double> y = a.Slice(j * rows + c, rows - c);
                double scale = -tau[c] * TensorPrimitives.Dot<double>(x, y);
                TensorPrimitives.MultiplyAdd<double>(x, scale, y, y);
            }
        }
    }

    /// <summary>
    /// LAPACK's <c>dlarfg</c>: turns <paramref name="x"/> into v (v₀ = 1) with <c>(I - τvvᵀ)x = β e₀</c>; returns (β, τ).
    /// </summary>
    private static (double Beta, double Tau) MakeReflector(Span<double> x)
    {
        double alpha = x[0];
        Span<double> tail = x[1..];
        double tailNorm = TensorPrimitives.Norm<double>(tail);
        x[0] = 1.0;
        if (tailNorm == 0.0)
        {
            return (alpha, 0.0);
        }

        double beta = -Math.CopySign(double.Hypot(alpha, tailNorm), alpha);
        TensorPrimitives.Multiply<double>(tail, 1.0 / (alpha - beta), tail);
        return (beta, (beta - alpha) / beta);
    }

    /// <summary>Copies the panel's reflectors, rows <c>[k, rows)</c>, into <paramref name="panel"/> (columns of <c>rows - k</c>).</summary>
    private static void CopyPanel(ReadOnlySpan<double> a, int rows, int k, int width, Span<double> panel)
    {
        int length = rows - k;
        for (int i = 0; i < width; i++)
        {
            a.Slice((k + i) * rows + k, length).CopyTo(panel.Slice(i * length, length));
        }
    }

    /// <summary>
    /// LAPACK's <c>dlarft</c> (forward, column-wise): the upper-triangular T with <c>H₀H₁…H_{b-1} = I - V T Vᵀ</c>:
    /// <c>T[i, i] = τᵢ</c>, <c>T[0:i, i] = -τᵢ T[0:i, 0:i] V[:, 0:i]ᵀ vᵢ</c>.
    /// </summary>
    private static void FormT(ReadOnlySpan<double> panel, int length, int width, ReadOnlySpan<double> tau, Span<double> t)
    {
        t.Clear();
        for (int i = 0; i < width; i++)
        {
            ReadOnlySpan<double> vi = panel.Slice(i * length, length);
            for (int r = 0; r < i; r++)
            {
                t[i * PanelWidth + r] = -tau[i] * TensorPrimitives.Dot(panel.Slice(r * length, length), vi);
            }

            // T[0:i, i] = T[0:i, 0:i] · (the column just stored); in place, top to bottom, as T is upper triangular.
            for (int r = 0; r < i; r++)
            {
                double sum = 0;
                for (int s = r; s < i; s++)
                {
                    sum += t[s * PanelWidth + r] * t[i * PanelWidth + s];
                }

                t[i * PanelWidth + r] = sum;
            }

            t[i * PanelWidth + i] = tau[i];
        }
    }

    /// <summary>
    /// <c>C ← (I - V T Vᵀ) C</c>, or with Tᵀ, for columns <c>[from, to)</c> of <paramref name="a"/>, rows <c>[k, rows)</c>:
    /// per column c, <c>w = Vᵀc</c>, <c>w ← T w</c>, <c>c -= V w</c>, with c in cache throughout.
    /// </summary>
    private static void ApplyBlockReflector(
        ReadOnlySpan<double> panel, ReadOnlySpan<double> t, int length, int width,
        Span<double> a, int rows, int k, int from, int to, bool transposeT, Span<double> w)
    {
        for (int j = from; j < to; j++)
        {
            Span<double> c = a.Slice(j * rows + k, length);
            for (int i = 0; i < width; i++)
            {
                w[i] = TensorPrimitives.Dot(panel.Slice(i * length, length), c);
            }

            MultiplyTriangular(t, width, w, transposeT);
            for (int i = 0; i < width; i++)
            {
                TensorPrimitives.MultiplyAdd(panel.Slice(i * length, length), -w[i], c, c);
            }
        }
    }

    /// <summary><c>w ← T w</c> or <c>w ← Tᵀ w</c> in place, T upper triangular.</summary>
    private static void MultiplyTriangular(ReadOnlySpan<double> t, int width, Span<double> w, bool transpose)
    {
        if (transpose)
        {
            // (Tᵀw)_r = Σ_{s ≤ r} T[s, r] w_s: bottom to top, so w_s for s < r is still the input.
            for (int r = width - 1; r >= 0; r--)
            {
                double sum = 0;
                for (int s = 0; s <= r; s++)
                {
                    sum += t[r * PanelWidth + s] * w[s];
                }

                w[r] = sum;
            }

            return;
        }

        // (Tw)_r = Σ_{s ≥ r} T[r, s] w_s: top to bottom, so w_s for s > r is still the input.
        for (int r = 0; r < width; r++)
        {
            double sum = 0;
            for (int s = r; s < width; s++)
            {
                sum += t[s * PanelWidth + r] * w[s];
            }

            w[r] = sum;
        }
    }

    /// <summary>
    /// LAPACK's <c>dorgqr</c>: Q = H₀H₁…H_{n-1} applied to the first n columns of I, panel by panel from the last,
    /// overwriting the reflectors stored in <paramref name="a"/>.
    /// </summary>
    private static void FormQ(Span<double> a, int rows, int columns, ReadOnlySpan<double> tau, Span<double> panel, Span<double> t, Span<double> w)
    {
        int lastPanel = (columns - 1) / PanelWidth * PanelWidth;
        for (int k = lastPanel; k >= 0; k -= PanelWidth)
        {
            int width = Math.Min(PanelWidth, columns - k);
            int length = rows - k;
            CopyPanel(a, rows, k, width, panel);
            FormT(panel, length, width, tau.Slice(k, width), t);
            for (int c = k; c < k + width; c++)
            {
                Span<double> column = a.Slice(c * rows, rows);
                column.Clear();
                column[c] = 1.0;
            }

            ApplyBlockReflector(panel, t, length, width, a, rows, k, k, columns, transposeT: false, w);
        }
    }
}
