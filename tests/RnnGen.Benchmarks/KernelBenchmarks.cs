using System.Numerics.Tensors;
using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;
using RnnGen.Kernels;

namespace RnnGen.Benchmarks;

/// <summary>
/// The latency of one activation in a recurrent chain, as the register strategy pays it: 12 steps of
/// <c>h = f(h·w + x_t)</c> on one <c>Vector128</c>, each step waiting for the last. The rational
/// tanh and sigmoid of <see cref="VectorMath"/> against the exponential-based forms they replaced.
/// </summary>
[MemoryDiagnoser]
public class ActivationLatencyBenchmarks
{
    private const int Steps = 12;

    private readonly Vector128<float>[] inputs = new Vector128<float>[Steps];
    private Vector128<float> weight;

    // Each call starts from the last call's result times zero, so that calls form one chain and the
    // CPU cannot overlap them: the figures are latencies, not throughputs.
    private Vector128<float> carry;

    [GlobalSetup]
    public void SetUp()
    {
        var random = new Random(12);
        for (int t = 0; t < Steps; t++)
        {
            inputs[t] = Vector128.Create((float)random.NextDouble() - 0.5f);
        }

        weight = Vector128.Create(0.9f, -0.7f, 1.3f, 0.4f);
    }

    [Benchmark(Baseline = true)]
    public Vector128<float> TanhExponential()
    {
        Vector128<float> h = carry * Vector128<float>.Zero;
        for (int t = 0; t < Steps; t++)
        {
            h = ExponentialForms.Tanh(Vector128.FusedMultiplyAdd(h, weight, inputs[t]));
        }

        carry = h;
        return h;
    }

    [Benchmark]
    public Vector128<float> TanhRational()
    {
        Vector128<float> h = carry * Vector128<float>.Zero;
        for (int t = 0; t < Steps; t++)
        {
            h = VectorMath.Tanh(Vector128.FusedMultiplyAdd(h, weight, inputs[t]));
        }

        carry = h;
        return h;
    }

    [Benchmark]
    public Vector128<float> SigmoidExponential()
    {
        Vector128<float> h = carry * Vector128<float>.Zero;
        for (int t = 0; t < Steps; t++)
        {
            h = ExponentialForms.Sigmoid(Vector128.FusedMultiplyAdd(h, weight, inputs[t]));
        }

        carry = h;
        return h;
    }

    [Benchmark]
    public Vector128<float> SigmoidRational()
    {
        Vector128<float> h = carry * Vector128<float>.Zero;
        for (int t = 0; t < Steps; t++)
        {
            h = VectorMath.Sigmoid(Vector128.FusedMultiplyAdd(h, weight, inputs[t]));
        }

        carry = h;
        return h;
    }

    [Benchmark]
    public Vector128<float> FmaOnly()
    {
        Vector128<float> h = carry * Vector128<float>.Zero;
        for (int t = 0; t < Steps; t++)
        {
            h = Vector128.FusedMultiplyAdd(h, weight, inputs[t]);
        }

        carry = h;
        return h;
    }

    /// <summary>The activations as VectorMath wrote them before: <c>1 - 2 / (e^{2|x|} + 1)</c> and <c>1 / (1 + e^-x)</c>.</summary>
    private static class ExponentialForms
    {
        public static Vector128<float> Tanh(Vector128<float> x)
        {
            Vector128<float> e = Vector128.Exp(Vector128.Abs(x) * Vector128.Create(2f));
            return Vector128.CopySign(Vector128<float>.One - Vector128.Create(2f) / (e + Vector128<float>.One), x);
        }

        public static Vector128<float> Sigmoid(Vector128<float> x) =>
            Vector128<float>.One / (Vector128<float>.One + Vector128.Exp(-x));
    }
}

/// <summary>The span activations, in place on a hidden layer's worth of floats, against <see cref="TensorPrimitives"/>.</summary>
[MemoryDiagnoser]
public class SpanActivationBenchmarks
{
    private float[] values = [];
    private float[] work = [];

    [Params(64, 256)]
    public int Length { get; set; }

    [GlobalSetup]
    public void SetUp()
    {
        var random = new Random(Length);
        values = new float[Length];
        work = new float[Length];
        for (int i = 0; i < Length; i++)
        {
            values[i] = (float)(random.NextDouble() * 8 - 4);
        }
    }

    [Benchmark(Baseline = true)]
    public float TanhTensorPrimitives()
    {
        values.CopyTo(work, 0);
        TensorPrimitives.Tanh(work, work);
        return work[^1];
    }

    [Benchmark]
    public float TanhActivations()
    {
        values.CopyTo(work, 0);
        Activations.Tanh(work);
        return work[^1];
    }

    [Benchmark]
    public float SigmoidTensorPrimitives()
    {
        values.CopyTo(work, 0);
        TensorPrimitives.Sigmoid(work, work);
        return work[^1];
    }

    [Benchmark]
    public float SigmoidActivations()
    {
        values.CopyTo(work, 0);
        Activations.Sigmoid(work);
        return work[^1];
    }

    [Benchmark]
    public float CopyOnly()
    {
        values.CopyTo(work, 0);
        return work[^1];
    }
}

/// <summary>
/// The three products on square <c>[Size, Size]</c> matrices: the register-blocked
/// <see cref="MatrixKernels"/> against the row-by-row <see cref="TensorPrimitives"/> loops they replaced.
/// </summary>
[MemoryDiagnoser]
public class MatrixKernelBenchmarks
{
    private float[] vector = [];
    private float[] matrix = [];
    private float[] result = [];

    [Params(64, 256)]
    public int Size { get; set; }

    [GlobalSetup]
    public void SetUp()
    {
        var random = new Random(Size);
        vector = new float[Size];
        matrix = new float[Size * Size];
        result = new float[Size];
        for (int i = 0; i < vector.Length; i++)
        {
            vector[i] = (float)(random.NextDouble() - 0.5) * 1e-3f;
        }

        for (int i = 0; i < matrix.Length; i++)
        {
            matrix[i] = (float)(random.NextDouble() - 0.5) * 1e-3f;
        }
    }

    [Benchmark]
    public float VectorTimesMatrixRowByRow()
    {
        for (int r = 0; r < Size; r++)
        {
            TensorPrimitives.MultiplyAdd(matrix.AsSpan(r * Size, Size), vector[r], result, result);
        }

        return result[0];
    }

    [Benchmark]
    public float VectorTimesMatrixBlocked()
    {
        MatrixKernels.AddVectorTimesMatrix(vector, matrix, result);
        return result[0];
    }

    [Benchmark]
    public float MatrixTimesVectorRowByRow()
    {
        for (int r = 0; r < Size; r++)
        {
            result[r] = TensorPrimitives.Dot(matrix.AsSpan(r * Size, Size), vector);
        }

        return result[0];
    }

    [Benchmark]
    public float MatrixTimesVectorBlocked()
    {
        MatrixKernels.MultiplyMatrixByVector(matrix, vector, result);
        return result[0];
    }

    [Benchmark]
    public float OuterProductRowByRow()
    {
        for (int r = 0; r < Size; r++)
        {
            Span<float> row = matrix.AsSpan(r * Size, Size);
            TensorPrimitives.MultiplyAdd(vector, vector[r], row, row);
        }

        return matrix[0];
    }

    [Benchmark]
    public float OuterProductBlocked()
    {
        MatrixKernels.AddOuterProduct(vector, vector, matrix);
        return matrix[0];
    }
}

/// <summary>
/// Issue 5 item 4: does a state decaying into the subnormal range slow a step down? 64 steps of
/// <c>h_t = tanh(x_t·w + h_{t-1}·U)</c> with 64 hidden units, on normal inputs, on tiny normal
/// inputs (1e-25, whose squares underflow inside tanh) and on subnormal inputs (1e-39, which keep
/// the state subnormal unless the activation flushes it); the kernels against the TensorPrimitives
/// forms they replaced.
/// </summary>
[MemoryDiagnoser]
public class DenormalStateBenchmarks
{
    private const int HiddenUnits = 64;
    private const int TimeSteps = 64;

    private readonly float[] kernel = new float[HiddenUnits];
    private readonly float[] recurrentKernel = new float[HiddenUnits * HiddenUnits];
    private readonly float[] inputs = new float[TimeSteps];
    private readonly float[] states = new float[(TimeSteps + 1) * HiddenUnits];

    /// <summary><c>Normal</c>: inputs in ±0.5; <c>Tiny</c>: inputs of 1e-25; <c>Subnormal</c>: inputs of 1e-39. The recurrent gain is 0.9.</summary>
    [Params("Normal", "Tiny", "Subnormal")]
    public string Inputs { get; set; } = "Normal";

    [GlobalSetup]
    public void SetUp()
    {
        var random = new Random(64);
        for (int t = 0; t < TimeSteps; t++)
        {
            inputs[t] = Inputs switch
            {
                "Tiny" => 1e-25f,
                "Subnormal" => 1e-39f,
                _ => (float)(random.NextDouble() - 0.5),
            };
        }

        for (int j = 0; j < HiddenUnits; j++)
        {
            kernel[j] = (float)(random.NextDouble() + 0.5);
        }

        float scale = 0.9f / HiddenUnits;
        for (int i = 0; i < recurrentKernel.Length; i++)
        {
            recurrentKernel[i] = (float)random.NextDouble() * scale;
        }
    }

    [Benchmark(Baseline = true)]
    public float TensorPrimitivesSteps()
    {
        for (int t = 0; t < TimeSteps; t++)
        {
            ReadOnlySpan<float> previous = states.AsSpan(t * HiddenUnits, HiddenUnits);
            Span<float> h = states.AsSpan((t + 1) * HiddenUnits, HiddenUnits);
            TensorPrimitives.Multiply(kernel, inputs[t], h);
            for (int r = 0; r < HiddenUnits; r++)
            {
                TensorPrimitives.MultiplyAdd(recurrentKernel.AsSpan(r * HiddenUnits, HiddenUnits), previous[r], h, h);
            }

            TensorPrimitives.Tanh(h, h);
        }

        return states[^1];
    }

    [Benchmark]
    public float KernelSteps()
    {
        for (int t = 0; t < TimeSteps; t++)
        {
            ReadOnlySpan<float> previous = states.AsSpan(t * HiddenUnits, HiddenUnits);
            Span<float> h = states.AsSpan((t + 1) * HiddenUnits, HiddenUnits);
            TensorPrimitives.Multiply(kernel, inputs[t], h);
            MatrixKernels.AddVectorTimesMatrix(previous, recurrentKernel, h);
            Activations.Tanh(h);
        }

        return states[^1];
    }
}
