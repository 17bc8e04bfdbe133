namespace RnnGen.Kernels;

/// <summary>
/// The coefficients of <c>tanh(x) ≈ x·P(x²) / Q(x²)</c>, <c>P(s) = 1 + p1 s + … + p4 s⁴</c>,
/// <c>Q(s) = 1 + q1 s + … + q4 s⁴</c>, for <c>|x| ≤ 9</c>.
/// </summary>
/// <remarks>
/// Fitted for this project as a minimax approximation of the absolute error on [0, 9]:
/// Sanathanan–Koerner linearized least squares (<c>x·P(s) - tanh(x)·Q(s)</c>, divided by the last
/// iteration's <c>Q</c>) on 2000 Chebyshev nodes, with Lawson reweighting towards equal ripple.
/// In exact arithmetic the error is at most 2.0e-8; in float, with these rounded coefficients, the
/// tests measure at most a few float ulps of 1. <c>P(0) = Q(0) = 1</c> pins <c>tanh'(0) = 1</c>, so the
/// result is <c>x</c> itself for small <c>x</c>. Beyond <see cref="Saturation"/>, <c>1 - tanh|x| &lt; 3.1e-8</c>
/// and the result is <c>±1</c> exactly.
/// </remarks>
internal static class TanhRational
{
    public const float P1 = 1.338030845e-01f;
    public const float P2 = 3.494746517e-03f;
    public const float P3 = 2.059588223e-05f;
    public const float P4 = 1.333777000e-08f;

    public const float Q1 = 4.671362638e-01f;
    public const float Q2 = 2.587374859e-02f;
    public const float Q3 = 3.284284903e-04f;
    public const float Q4 = 7.769342005e-07f;

    /// <summary>The magnitude above which tanh is ±1 in float.</summary>
    public const float Saturation = 9f;
}
