using System.Numerics;
using System.Runtime.Intrinsics;
using RnnGen.Kernels;

namespace RnnGen.Tests.Kernels;

/// <summary>No kernel allocates: the managed bytes allocated by this thread do not move across many calls.</summary>
public class KernelAllocationTests
{
    // A static array, not a collection expression: in Debug builds `(ReadOnlySpan<int>)[...]` allocates its array at every call.
    private static readonly int[] Sizes = [1, 3, 16, 64, 257];

    [Fact]
    public void Kernels_allocate_nothing()
    {
        float[] vector = new float[257];
        float[] matrix = new float[257 * 257];
        float[] accumulator = new float[257];
        float[] gradient = new float[257];
        vector.AsSpan().Fill(0.5f);

        // Warm up past tiered compilation (tier-0 code is replaced after 30 calls, in the background,
        // and on-stack replacement can allocate on this thread), then measure.
        for (int i = 0; i < 300; i++)
        {
            CallEveryKernel(vector, matrix, accumulator, gradient);
        }

        Thread.Sleep(200);
        CallEveryKernel(vector, matrix, accumulator, gradient);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            CallEveryKernel(vector, matrix, accumulator, gradient);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static void CallEveryKernel(float[] vector, float[] matrix, float[] accumulator, float[] gradient)
    {
        foreach (int size in Sizes)
        {
            ReadOnlySpan<float> v = vector.AsSpan(0, size);
            ReadOnlySpan<float> m = matrix.AsSpan(0, size * size);
            Span<float> acc = accumulator.AsSpan(0, size);
            MatrixKernels.AddVectorTimesMatrix(v, m, acc);
            MatrixKernels.MultiplyMatrixByVector(m, v, acc);
            MatrixKernels.AddOuterProduct(v, v, matrix.AsSpan(0, size * size));
            BatchKernels.AddMatrixProduct(m, size, m, size, matrix.AsSpan(0, size * size), size, size, size, size);
            BatchKernels.CopyToRows(v, matrix.AsSpan(0, size * size), size, size);
            BatchKernels.AddTransposedProduct(m, size, m, size, matrix.AsSpan(0, size * size), size, size, size, size);
            BatchKernels.Transpose(v, 1, size, acc);
            Activations.Tanh(acc);
            Activations.Sigmoid(acc);
            Activations.Relu(acc);
            Activations.MultiplyByTanhDerivative(v, gradient.AsSpan(0, size));
            Activations.MultiplyBySigmoidDerivative(v, gradient.AsSpan(0, size));
            Activations.MultiplyByReluDerivative(v, gradient.AsSpan(0, size));
            Activations.HardSigmoid(acc);
            Activations.HardSigmoidKeras2(acc);
            Activations.Elu(acc);
            Activations.Selu(acc);
            Activations.Softplus(acc);
            Activations.Softsign(acc);
            Activations.Swish(acc);
            Activations.MultiplyByHardSigmoidDerivative(v, gradient.AsSpan(0, size));
            Activations.MultiplyByHardSigmoidKeras2Derivative(v, gradient.AsSpan(0, size));
            Activations.MultiplyByEluDerivative(v, gradient.AsSpan(0, size));
            Activations.MultiplyBySeluDerivative(v, gradient.AsSpan(0, size));
            Activations.MultiplyBySoftplusDerivative(v, gradient.AsSpan(0, size));
            Activations.MultiplyBySoftsignDerivative(v, gradient.AsSpan(0, size));
            Activations.MultiplyBySwishDerivative(v, gradient.AsSpan(0, size));
        }

        Vector128<float> x128 = Vector128.Create(vector[0]);
        Vector256<float> x256 = Vector256.Create(vector[0]);
        Vector512<float> x512 = Vector512.Create(vector[0]);
        var xT = new Vector<float>(vector[0]);
        accumulator[0] += VectorMath.Tanh(x128).ToScalar() + VectorMath.Sigmoid(x128).ToScalar() + VectorMath.Relu(x128).ToScalar()
            + VectorMath.Tanh(x256).ToScalar() + VectorMath.Sigmoid(x256).ToScalar() + VectorMath.Relu(x256).ToScalar()
            + VectorMath.Tanh(x512).ToScalar() + VectorMath.Sigmoid(x512).ToScalar() + VectorMath.Relu(x512).ToScalar()
            + VectorMath.Tanh(xT)[0] + VectorMath.Sigmoid(xT)[0] + VectorMath.Relu(xT)[0];
    }
}
