using Xunit.Abstractions;

namespace RnnGen.Tests.Reference;

/// <summary>What the reference's own tests share: seeded samples and the relative-error assertion.</summary>
internal static class ReferenceChecks
{
    /// <summary>
    /// Seeded parameters in [-<paramref name="weightScale"/>, <paramref name="weightScale"/>], input and
    /// target in [-1, 1], and for a stateful model an initial state in [-0.5, 0.5].
    /// </summary>
    public static (double[] Parameters, double[] Input, double[] Target, double[]? State) RandomSample(
        ReferenceSequential model, int seed, double weightScale = 0.8)
    {
        var random = new Random(seed);
        double[] Uniform(int length, double scale) => [.. Enumerable.Range(0, length).Select(_ => scale * (2 * random.NextDouble() - 1))];
        return (Uniform(model.ParameterCount, weightScale), Uniform(model.InputLength, 1), Uniform(model.OutputLength, 1),
            model.Stateful ? Uniform(model.StateLength, 0.5) : null);
    }

    /// <summary>
    /// Checks the model's analytic gradients with respect to the parameters, the input and (for a
    /// stateful model) the initial state against central differences on a seeded sample; returns the
    /// worst relative error of the three.
    /// </summary>
    public static double AssertGradientsMatchCentralDifferences(ITestOutputHelper output, ReferenceSequential model, int seed, double tolerance)
    {
        var (parameters, input, target, state) = RandomSample(model, seed);
        double worst = AssertRelativelyClose(output,
            ReferenceSequential.FiniteDifferenceGradients(model, parameters, input, target, state),
            model.Gradients(parameters, input, target, state), tolerance, "d loss / d parameters");
        worst = Math.Max(worst, AssertRelativelyClose(output,
            CentralDifferences.Gradient(x => model.Loss(parameters, x, target, state), input),
            model.InputGradient(parameters, input, target, state), tolerance, "d loss / d input"));
        if (state is not null)
        {
            worst = Math.Max(worst, AssertRelativelyClose(output,
                CentralDifferences.Gradient(s => model.Loss(parameters, input, target, s), state),
                model.InitialStateGradient(parameters, input, target, state), tolerance, "d loss / d initial state"));
        }

        return worst;
    }

    /// <summary>
    /// Asserts max |actual - expected| &lt;= tolerance · max |expected| (and that max |expected| &gt; 1e-4,
    /// far above the ~1e-10 noise of central differences in float64, so the check says something),
    /// writes the error to <paramref name="output"/> and returns it.
    /// </summary>
    public static double AssertRelativelyClose(
        ITestOutputHelper output, IReadOnlyList<double> expected, IReadOnlyList<double> actual, double tolerance, string what)
    {
        Assert.Equal(expected.Count, actual.Count);
        double scale = expected.Max(Math.Abs);
        double worst = expected.Zip(actual, (e, a) => Math.Abs(a - e)).Max() / scale;
        output.WriteLine($"{what}: worst error {worst:E2} relative to the largest value {scale:G4}");
        Assert.True(scale > 1e-4, $"{what}: the expected values are too small to check ({scale:G4}).");
        Assert.True(worst <= tolerance, $"{what}: worst error {worst:E2} relative to {scale:G4} exceeds {tolerance:E0}.");
        return worst;
    }
}
