using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emit;

/// <summary>How the maths of one shape is written out; chosen at compile time from the shape.</summary>
internal enum EmissionStrategy
{
    /// <summary>
    /// Every hidden unit written out, every weight in a local: a time step is straight-line code
    /// held in registers. For small models, where loop and call overheads would dominate.
    /// </summary>
    Unrolled,

    /// <summary>
    /// Constant-trip loops over rows in the axpy form the Keras layout makes contiguous
    /// (<c>a[0..H) += h[i] * RecurrentKernel[i, 0..H)</c>), each row a SIMD call.
    /// </summary>
    Vectorized,
}

internal static class EmissionStrategies
{
    /// <summary>The largest hidden size written out unit by unit.</summary>
    public const int MaxUnrolledHiddenUnits = 8;

    /// <summary>The largest parameter count kept in locals by the unrolled strategy.</summary>
    public const int MaxUnrolledParameters = 96;

    public static EmissionStrategy Choose(ModelSpec spec) =>
        spec.HiddenUnits <= MaxUnrolledHiddenUnits && spec.ParameterCount <= MaxUnrolledParameters
            ? EmissionStrategy.Unrolled
            : EmissionStrategy.Vectorized;

    public static string Describe(EmissionStrategy strategy) => strategy switch
    {
        EmissionStrategy.Unrolled =>
            "unrolled: each hidden unit is written out and every weight is held in a local, so a time step is straight-line code in registers",
        _ =>
            "vectorized: constant-trip loops over the rows of each kernel in axpy form (a += h[i] * RecurrentKernel[i, :]), each row a SIMD operation from TensorPrimitives",
    };
}
