namespace RnnGen.Tests.Reference;

/// <summary>
/// Every activation the float64 reference computes, by Keras name. Names and numbers are those of
/// <see cref="Activation"/>: 0–3 exist there today, 4–10 are the ones DESIGN.md adds in this order,
/// so mapping the product's enum onto this one stays a matter of names (<see cref="ReferenceActivation"/>).
/// Public so that test theories can take it as a parameter.
/// </summary>
public enum KerasActivation
{
    /// <summary><c>x</c> (<c>"linear"</c>).</summary>
    Linear = 0,

    /// <summary><c>tanh(x)</c> (<c>"tanh"</c>).</summary>
    Tanh = 1,

    /// <summary><c>max(0, x)</c> (<c>"relu"</c>).</summary>
    Relu = 2,

    /// <summary><c>1 / (1 + e^-x)</c> (<c>"sigmoid"</c>).</summary>
    Sigmoid = 3,

    /// <summary>Keras 3 and PyTorch: <c>relu6(x + 3) / 6</c> (<c>"hard_sigmoid"</c>).</summary>
    HardSigmoid = 4,

    /// <summary>Keras 2.x: <c>clip(0.2 x + 0.5, 0, 1)</c> (<c>"hard_sigmoid"</c> before Keras 3).</summary>
    HardSigmoidKeras2 = 5,

    /// <summary><c>x</c> for x &gt; 0, else <c>e^x - 1</c> (<c>"elu"</c>, alpha 1).</summary>
    Elu = 6,

    /// <summary><c>scale · elu_alpha(x)</c> with Keras' alpha and scale (<c>"selu"</c>).</summary>
    Selu = 7,

    /// <summary><c>log(1 + e^x)</c> (<c>"softplus"</c>).</summary>
    Softplus = 8,

    /// <summary><c>x / (1 + |x|)</c> (<c>"softsign"</c>).</summary>
    Softsign = 9,

    /// <summary><c>x · sigmoid(x)</c> (<c>"silu"</c>, alias <c>"swish"</c>).</summary>
    Swish = 10,
}
