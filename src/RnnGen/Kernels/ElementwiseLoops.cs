using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace RnnGen.Kernels;

/// <summary>A function applied lane by lane, at every register width.</summary>
internal interface IVectorFunction
{
    static abstract Vector128<float> Invoke(Vector128<float> x);

    static abstract Vector256<float> Invoke(Vector256<float> x);

    static abstract Vector512<float> Invoke(Vector512<float> x);
}

/// <summary>An update <c>gradient = f(y, gradient)</c> applied lane by lane, at every register width.</summary>
internal interface IVectorGradient
{
    static abstract Vector128<float> Invoke(Vector128<float> y, Vector128<float> gradient);

    static abstract Vector256<float> Invoke(Vector256<float> y, Vector256<float> gradient);

    static abstract Vector512<float> Invoke(Vector512<float> y, Vector512<float> gradient);
}

/// <summary>
/// Span loops over the widest accelerated register. The last, partial vector is handled by one
/// more vector that ends at the span's end: it is computed from the original values before the
/// loop overwrites them, so the overlap is written twice with the same result even in place.
/// Spans shorter than four floats go through <c>Vector128</c> one lane at a time.
/// </summary>
internal static class ElementwiseLoops
{
    public static void InPlace<TFunction>(Span<float> values)
        where TFunction : IVectorFunction
    {
        ref float start = ref MemoryMarshal.GetReference(values);
        nuint length = (nuint)values.Length;
        if (Vector512.IsHardwareAccelerated && length >= (nuint)Vector512<float>.Count)
        {
            nuint lastStart = length - (nuint)Vector512<float>.Count;
            Vector512<float> last = TFunction.Invoke(Vector512.LoadUnsafe(ref start, lastStart));
            for (nuint i = 0; i < lastStart; i += (nuint)Vector512<float>.Count)
            {
                TFunction.Invoke(Vector512.LoadUnsafe(ref start, i)).StoreUnsafe(ref start, i);
            }

            last.StoreUnsafe(ref start, lastStart);
        }
        else if (Vector256.IsHardwareAccelerated && length >= (nuint)Vector256<float>.Count)
        {
            nuint lastStart = length - (nuint)Vector256<float>.Count;
            Vector256<float> last = TFunction.Invoke(Vector256.LoadUnsafe(ref start, lastStart));
            for (nuint i = 0; i < lastStart; i += (nuint)Vector256<float>.Count)
            {
                TFunction.Invoke(Vector256.LoadUnsafe(ref start, i)).StoreUnsafe(ref start, i);
            }

            last.StoreUnsafe(ref start, lastStart);
        }
        else if (length >= (nuint)Vector128<float>.Count)
        {
            nuint lastStart = length - (nuint)Vector128<float>.Count;
            Vector128<float> last = TFunction.Invoke(Vector128.LoadUnsafe(ref start, lastStart));
            for (nuint i = 0; i < lastStart; i += (nuint)Vector128<float>.Count)
            {
                TFunction.Invoke(Vector128.LoadUnsafe(ref start, i)).StoreUnsafe(ref start, i);
            }

            last.StoreUnsafe(ref start, lastStart);
        }
        else
        {
            for (nuint i = 0; i < length; i++)
            {
                ref float value = ref Unsafe.Add(ref start, i);
                value = TFunction.Invoke(Vector128.CreateScalarUnsafe(value)).ToScalar();
            }
        }
    }

    /// <exception cref="ArgumentOutOfRangeException"><paramref name="y"/> is shorter than <paramref name="gradient"/>.</exception>
    public static void Update<TGradient>(ReadOnlySpan<float> y, Span<float> gradient, [CallerArgumentExpression(nameof(y))] string name = "y")
        where TGradient : IVectorGradient
    {
        if (y.Length < gradient.Length)
        {
            ThrowOutputsTooShort(name, y.Length, gradient.Length);
        }

        ref float output = ref MemoryMarshal.GetReference(y);
        ref float g = ref MemoryMarshal.GetReference(gradient);
        nuint length = (nuint)gradient.Length;
        if (Vector512.IsHardwareAccelerated && length >= (nuint)Vector512<float>.Count)
        {
            nuint lastStart = length - (nuint)Vector512<float>.Count;
            Vector512<float> last = TGradient.Invoke(Vector512.LoadUnsafe(ref output, lastStart), Vector512.LoadUnsafe(ref g, lastStart));
            for (nuint i = 0; i < lastStart; i += (nuint)Vector512<float>.Count)
            {
                TGradient.Invoke(Vector512.LoadUnsafe(ref output, i), Vector512.LoadUnsafe(ref g, i)).StoreUnsafe(ref g, i);
            }

            last.StoreUnsafe(ref g, lastStart);
        }
        else if (Vector256.IsHardwareAccelerated && length >= (nuint)Vector256<float>.Count)
        {
            nuint lastStart = length - (nuint)Vector256<float>.Count;
            Vector256<float> last = TGradient.Invoke(Vector256.LoadUnsafe(ref output, lastStart), Vector256.LoadUnsafe(ref g, lastStart));
            for (nuint i = 0; i < lastStart; i += (nuint)Vector256<float>.Count)
            {
                TGradient.Invoke(Vector256.LoadUnsafe(ref output, i), Vector256.LoadUnsafe(ref g, i)).StoreUnsafe(ref g, i);
            }

            last.StoreUnsafe(ref g, lastStart);
        }
        else if (length >= (nuint)Vector128<float>.Count)
        {
            nuint lastStart = length - (nuint)Vector128<float>.Count;
            Vector128<float> last = TGradient.Invoke(Vector128.LoadUnsafe(ref output, lastStart), Vector128.LoadUnsafe(ref g, lastStart));
            for (nuint i = 0; i < lastStart; i += (nuint)Vector128<float>.Count)
            {
                TGradient.Invoke(Vector128.LoadUnsafe(ref output, i), Vector128.LoadUnsafe(ref g, i)).StoreUnsafe(ref g, i);
            }

            last.StoreUnsafe(ref g, lastStart);
        }
        else
        {
            for (nuint i = 0; i < length; i++)
            {
                ref float value = ref Unsafe.Add(ref g, i);
                value = TGradient.Invoke(Vector128.CreateScalarUnsafe(Unsafe.Add(ref output, i)), Vector128.CreateScalarUnsafe(value)).ToScalar();
            }
        }
    }

    [DoesNotReturn]
    private static void ThrowOutputsTooShort(string name, int length, int gradientLength) =>
        throw new ArgumentOutOfRangeException(
            name,
            string.Create(CultureInfo.InvariantCulture, $"Expected at least {gradientLength} floats (gradient.Length), but the span has {length}."));
}
