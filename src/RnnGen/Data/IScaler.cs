namespace RnnGen.Data;

/// <summary>
/// A per-column affine rescaling fitted on data (scikit-learn's scaler contract): <c>Fit</c> learns it,
/// <c>Transform</c> applies it, <c>InverseTransform</c> maps model outputs back to original units.
/// Data is row-major <c>[rows, Features]</c>.
/// </summary>
public interface IScaler
{
    /// <summary>Columns the scaler was fitted on; 0 before <see cref="Fit"/>.</summary>
    int Features { get; }

    /// <summary>Learns one transformation per column.</summary>
    /// <param name="data">Row-major <c>[rows, features]</c> values, at least one row, all finite.</param>
    /// <param name="features">Columns per row.</param>
    /// <exception cref="ArgumentException">The data is empty, not whole rows, or holds NaN or infinity.</exception>
    void Fit(ReadOnlySpan<float> data, int features = 1);

    /// <summary>Scales row-major <c>[rows, Features]</c> values into <paramref name="destination"/> (which may be <paramref name="data"/> itself).</summary>
    /// <exception cref="InvalidOperationException">Not fitted yet.</exception>
    /// <exception cref="ArgumentException">The spans' lengths differ or are not whole rows.</exception>
    void Transform(ReadOnlySpan<float> data, Span<float> destination);

    /// <summary>Undoes <see cref="Transform"/> on row-major <c>[rows, Features]</c> values (in place allowed).</summary>
    /// <exception cref="InvalidOperationException">Not fitted yet.</exception>
    /// <exception cref="ArgumentException">The spans' lengths differ or are not whole rows.</exception>
    void InverseTransform(ReadOnlySpan<float> data, Span<float> destination);

    /// <summary>Undoes <see cref="Transform"/> for one value of column <paramref name="column"/>.</summary>
    /// <exception cref="InvalidOperationException">Not fitted yet.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="column"/> is not in <c>[0, Features)</c>.</exception>
    float InverseTransform(float value, int column);
}
