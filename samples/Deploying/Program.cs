// What a deployed app pays for the tutorial model: constructing it, its first Predict, and each
// Predict once warm, on whatever code the app runs (JIT tiers, or NativeAOT's chosen instruction
// set). It also checks the prediction against a float64 recomputation from the model's weights and
// exits 1 if they differ, so a build that runs wrong code fails.
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Deploying;

long started = Stopwatch.GetTimestamp();
var model = new TutorialModel(seed: 1);
TimeSpan construction = Stopwatch.GetElapsedTime(started);

float[] window = new float[TutorialModel.InputLength];
for (int t = 0; t < window.Length; t++)
{
    window[t] = 0.5f + 0.4f * MathF.Sin(t);
}

float[] output = new float[TutorialModel.OutputLength];
started = Stopwatch.GetTimestamp();
model.Predict(window, output);
TimeSpan first = Stopwatch.GetElapsedTime(started);
float firstOutput = output[0];

started = Stopwatch.GetTimestamp();
model.Predict(window, output);
TimeSpan second = Stopwatch.GetElapsedTime(started);

// The next calls right away: under the JIT's default tiering they run tier-0 code until it tiers up.
const int Early = 1_000;
started = Stopwatch.GetTimestamp();
for (int i = 0; i < Early; i++)
{
    model.Predict(window, output);
}

double early = Stopwatch.GetElapsedTime(started).TotalNanoseconds / Early;

// Warm: the median of 21 rounds of 20,000 calls, after 200,000 calls to let any JIT tiering settle.
const int Calls = 20_000;
for (int i = 0; i < 10 * Calls; i++)
{
    model.Predict(window, output);
}

var rounds = new double[21];
for (int r = 0; r < rounds.Length; r++)
{
    started = Stopwatch.GetTimestamp();
    for (int i = 0; i < Calls; i++)
    {
        model.Predict(window, output);
    }

    rounds[r] = Stopwatch.GetElapsedTime(started).TotalNanoseconds / Calls;
}

Array.Sort(rounds);
double expected = Reference(model.Parameters, window);
bool agrees = Math.Abs(firstOutput - expected) <= 1e-5 && Math.Abs(output[0] - expected) <= 1e-5;

Console.WriteLine($"code: {(RuntimeFeature.IsDynamicCodeCompiled ? "JIT" : "NativeAOT")}; Vector512 {Vector512.IsHardwareAccelerated}, Vector256 {Vector256.IsHardwareAccelerated}, AVX2 {Avx2.IsSupported}, FMA {Fma.IsSupported}");
Console.WriteLine($"construction: {construction.TotalMicroseconds:F1} us");
Console.WriteLine($"first Predict: {first.TotalMicroseconds:F1} us; second: {second.TotalMicroseconds:F1} us; the next {Early:N0}: {early:F1} ns each");
Console.WriteLine($"warm Predict: {rounds[rounds.Length / 2]:F1} ns (median of {rounds.Length} rounds of {Calls:N0} calls; fastest {rounds[0]:F1} ns)");
Console.WriteLine($"prediction {firstOutput:R}, float64 recomputation {expected:R}: {(agrees ? "agree" : "DIFFER")}");
return agrees ? 0 : 1;

// h_t = tanh(x_t·kernel + h_{t-1}·recurrent_kernel + bias), y = tanh(h_T·dense_kernel + dense_bias), in float64.
static double Reference(ReadOnlySpan<float> p, float[] x)
{
    const int H = TutorialModel.HiddenUnits;
    int recurrent = H, bias = H + H * H, denseKernel = bias + H, denseBias = denseKernel + H;
    var h = new double[H];
    foreach (float xt in x)
    {
        var next = new double[H];
        for (int j = 0; j < H; j++)
        {
            double a = xt * p[j] + p[bias + j];
            for (int i = 0; i < H; i++)
            {
                a += h[i] * p[recurrent + i * H + j];
            }

            next[j] = Math.Tanh(a);
        }

        h = next;
    }

    double y = p[denseBias];
    for (int i = 0; i < H; i++)
    {
        y += h[i] * p[denseKernel + i];
    }

    return Math.Tanh(y);
}
