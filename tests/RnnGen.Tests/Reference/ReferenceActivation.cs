namespace RnnGen.Tests.Reference;

/// <summary>The activations in float64 with Keras' definitions, and their derivatives.</summary>
internal static class ReferenceActivation
{
    /// <summary>a(x): linear <c>x</c>, tanh, relu <c>max(0, x)</c>, sigmoid <c>1 / (1 + e^-x)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An activation the reference does not know yet.</exception>
    public static double Apply(Activation activation, double x) => activation switch
    {
        Activation.Linear => x,
        Activation.Tanh => Math.Tanh(x),
        Activation.Relu => x > 0 ? x : 0,
        Activation.Sigmoid => 1 / (1 + Math.Exp(-x)),
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "The reference has no formula for this activation yet."),
    };

    /// <summary>
    /// a'(x), taken at the pre-activation x (not at the output, so that activations whose derivative
    /// is no function of their output fit the same shape). relu'(0) = 0, as in Keras.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An activation the reference does not know yet.</exception>
    public static double Derivative(Activation activation, double x) => activation switch
    {
        Activation.Linear => 1,
        Activation.Tanh => 1 - Math.Tanh(x) * Math.Tanh(x),
        Activation.Relu => x > 0 ? 1 : 0,
        Activation.Sigmoid => Apply(Activation.Sigmoid, x) * (1 - Apply(Activation.Sigmoid, x)),
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "The reference has no formula for this activation yet."),
    };
}
