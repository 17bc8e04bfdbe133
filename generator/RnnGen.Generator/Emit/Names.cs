using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emit;

/// <summary>Spellings shared by the emitters: fully qualified types and Keras-style names.</summary>
internal static class Names
{
    public const string Span = "global::System.Span<float>";
    public const string ReadOnlySpan = "global::System.ReadOnlySpan<float>";
    public const string TensorPrimitives = "global::System.Numerics.Tensors.TensorPrimitives";
    public const string Activations = "global::RnnGen.Kernels.Activations";
    public const string VectorMath = "global::RnnGen.Kernels.VectorMath";
    public const string MatrixKernels = "global::RnnGen.Kernels.MatrixKernels";
    public const string GradientKernels = "global::RnnGen.Kernels.GradientKernels";
    public const string Vector128 = "global::System.Runtime.Intrinsics.Vector128";
    public const string Vector128OfFloat = "global::System.Runtime.Intrinsics.Vector128<float>";
    public const string Guard = "global::RnnGen.Kernels.Guard";
    public const string Initializers = "global::RnnGen.Training.KerasInitializers";
    public const string Interface = "global::RnnGen.IRnnModel";
    public const string Shape = "global::RnnGen.RnnShape";
    public const string Layout = "global::RnnGen.ModelLayout";
    public const string GeneratedCodeAttribute = "global::System.CodeDom.Compiler.GeneratedCode";
    public const string Tool = "RnnGen";
    public const string Version = "0.1.0";

    /// <summary>The Keras name of an activation: <c>tanh</c>, <c>relu</c>...</summary>
    public static string Keras(Activation activation) => LayerWeights.ActivationName(activation);

    /// <summary>The enum member in user code: <c>global::RnnGen.Activation.Tanh</c>.</summary>
    public static string EnumMember(Activation activation) => "global::RnnGen.Activation." + activation;

    /// <summary><paramref name="argument"/> through a scalar activation; linear is the identity.</summary>
    public static string Apply(Activation activation, string argument) => activation == Activation.Linear
        ? argument
        : $"{Activations}.{activation}({argument})";

    /// <summary><paramref name="argument"/>, a SIMD vector, through the vector form of an activation.</summary>
    public static string ApplyVector(Activation activation, string argument) => activation == Activation.Linear
        ? argument
        : $"{VectorMath}.{activation}({argument})";

    /// <summary>
    /// The activation's derivative written in terms of its output <paramref name="y"/> (a local or an
    /// element access), or null for linear, whose derivative is 1.
    /// </summary>
    public static string? DerivativeFromOutput(Activation activation, string y) => activation switch
    {
        Activation.Tanh => $"(1f - {y} * {y})",
        Activation.Sigmoid => $"{y} * (1f - {y})",
        Activation.Relu => $"({y} > 0f ? 1f : 0f)",
        _ => null,
    };

    /// <summary>The formula of the cell, for comments: <c>h_t = tanh(x_t·Kernel + h_{t-1}·RecurrentKernel + Bias)</c>.</summary>
    public static string CellFormula(Activation activation) => activation == Activation.Linear
        ? "h_t = x_t·Kernel + h_{t-1}·RecurrentKernel + Bias"
        : $"h_t = {Keras(activation)}(x_t·Kernel + h_{{t-1}}·RecurrentKernel + Bias)";

    /// <summary>The formula of the dense layer, for comments.</summary>
    public static string DenseFormula(Activation activation, string output, string hidden) => activation == Activation.Linear
        ? $"{output} = {hidden}·DenseKernel + DenseBias"
        : $"{output} = {Keras(activation)}({hidden}·DenseKernel + DenseBias)";
}
