using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emit;

/// <summary>How the maths of one shape is written out; chosen at compile time from the shape.</summary>
internal enum EmissionStrategy
{
    /// <summary>
    /// The hidden state lives in one <c>Vector128</c> register and each weight row in another, so a
    /// time step is a few fused multiply-adds and one vector tanh: the shortest dependency chain.
    /// Backward is unrolled scalar code. For the smallest models (H ≤ 4, D ≤ 4).
    /// </summary>
    Register,

    /// <summary>
    /// Every hidden unit written out, every weight in a local: a time step is straight-line code.
    /// For small models, where loop and call overheads would dominate.
    /// </summary>
    Unrolled,

    /// <summary>
    /// Constant-trip loops over kernel rows in the axpy form the Keras layout makes contiguous
    /// (<c>a[0..H) += h[i] * RecurrentKernel[i, 0..H)</c>), register-blocked SIMD kernels, and the
    /// input projection of every step computed before the recurrence.
    /// </summary>
    Vectorized,
}

internal static class EmissionStrategies
{
    /// <summary>Lanes of a <c>Vector128&lt;float&gt;</c>: the largest H and D the register strategy holds.</summary>
    public const int RegisterLanes = 4;

    /// <summary>The most features the register strategy multiplies in per step.</summary>
    public const int MaxRegisterFeatures = 8;

    /// <summary>The largest hidden size written out unit by unit.</summary>
    public const int MaxUnrolledHiddenUnits = 8;

    /// <summary>The largest parameter count kept in locals by the unrolled strategies.</summary>
    public const int MaxUnrolledParameters = 96;

    private static EmissionStrategy Choose(ModelSpec spec)
    {
        if (spec.HiddenUnits > MaxUnrolledHiddenUnits || spec.ParameterCount > MaxUnrolledParameters)
        {
            return EmissionStrategy.Vectorized;
        }

        return spec.HiddenUnits <= RegisterLanes && spec.DenseUnits <= RegisterLanes && spec.Features <= MaxRegisterFeatures
            ? EmissionStrategy.Register
            : EmissionStrategy.Unrolled;
    }

    /// <summary>
    /// The backend every layer gets: the register and unrolled code is written for the single
    /// SimpleRNN + Dense pair; every other stack, and larger pairs, run span loops over the kernels.
    /// </summary>
    public static LayerBackend Backend(ModelSpec spec) => !spec.IsSingleLayer
        ? LayerBackend.Loops
        : Choose(spec) switch
        {
            EmissionStrategy.Register => LayerBackend.Register,
            EmissionStrategy.Unrolled => LayerBackend.Unrolled,
            _ => LayerBackend.Loops,
        };

    /// <summary>The strategy the spec's backends stand for.</summary>
    public static EmissionStrategy Of(ModelSpec spec) => spec.Layers[0].Backend switch
    {
        LayerBackend.Register => EmissionStrategy.Register,
        LayerBackend.Unrolled => EmissionStrategy.Unrolled,
        _ => EmissionStrategy.Vectorized,
    };

    /// <summary>Small models run PredictBatch with one sequence per SIMD lane (stateful ones must run in order).</summary>
    public static bool UsesLanesForBatches(ModelSpec spec) => Of(spec) != EmissionStrategy.Vectorized && !spec.Stateful;

    public static string Describe(EmissionStrategy strategy) => strategy switch
    {
        EmissionStrategy.Register =>
            "register: the hidden state is one Vector128 and each weight row another, so a step is a chain of fused multiply-adds and one vector activation; backward is unrolled scalar code",
        EmissionStrategy.Unrolled =>
            "unrolled: each hidden unit is written out and every weight is held in a local, so a time step is straight-line code",
        _ =>
            "loops: layer by layer, the input projection of every step first, then per step register-blocked SIMD products over the contiguous rows of the Keras layout (a += h[i] * RecurrentKernel[i, :])",
    };
}
