using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emit;

/// <summary>Spellings shared by the emitters: fully qualified types and Keras-style names.</summary>
internal static class Names
{
    public const string Span = "global::System.Span<float>";
    public const string ReadOnlySpan = "global::System.ReadOnlySpan<float>";
    public const string Guard = "global::RnnGen.Kernels.Guard";
    public const string Interface = "global::RnnGen.IRnnModel";
    public const string Shape = "global::RnnGen.RnnShape";
    public const string Layout = "global::RnnGen.ModelLayout";
    public const string GeneratedCodeAttribute = "global::System.CodeDom.Compiler.GeneratedCode";
    public const string Tool = "RnnGen";
    public const string Version = "0.1.0";

    /// <summary>The enum member in user code: <c>global::RnnGen.Activation.Tanh</c>.</summary>
    public static string EnumMember(Activation activation) => "global::RnnGen.Activation." + activation;

    /// <summary>
    /// The activation's derivative written in terms of its output <paramref name="y"/> (a local or an
    /// element access), or of its pre-activation for Swish (<see cref="LayerSpec.KeepsPreactivations"/>);
    /// null for linear, whose derivative is 1. Tanh, sigmoid and relu are written inline; the others
    /// call the runtime's scalar slopes, the same bits as its span kernels.
    /// </summary>
    public static string? Derivative(Activation activation, string y) => activation switch
    {
        Activation.Linear => null,
        Activation.Tanh => $"(1f - {y} * {y})",
        Activation.Sigmoid => $"{y} * (1f - {y})",
        Activation.Relu => $"({y} > 0f ? 1f : 0f)",
        _ => $"Activations.{activation}Derivative({y})",
    };
}
