namespace RnnGen.Kernels;

/// <summary>
/// <see cref="TanhRational"/> rescaled for <c>sigmoid(x) = 1/2 + tanh(x/2)/2 = 1/2 + x·P'(x²) / Q'(x²)</c>
/// with <c>P'(s) = P(s/4)</c> (leading coefficient 1) and <c>Q'(s) = 4 Q(s/4)</c>. Every scale is a
/// power of two, so the coefficients are the tanh ones exactly.
/// </summary>
internal static class SigmoidRational
{
    public const float P1 = TanhRational.P1 / 4f;
    public const float P2 = TanhRational.P2 / 16f;
    public const float P3 = TanhRational.P3 / 64f;
    public const float P4 = TanhRational.P4 / 256f;

    public const float Q0 = 4f;
    public const float Q1 = TanhRational.Q1;
    public const float Q2 = TanhRational.Q2 / 4f;
    public const float Q3 = TanhRational.Q3 / 16f;
    public const float Q4 = TanhRational.Q4 / 64f;

    /// <summary>The magnitude above which sigmoid is 0 or 1 in float (<c>sigmoid(-18) = 1.5e-8</c>).</summary>
    public const float Saturation = 2f * TanhRational.Saturation;
}
