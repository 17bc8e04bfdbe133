// Linked into the generator, which reads attribute arguments as these integers: one definition for both.
#if RNNGEN_GENERATOR
namespace RnnGen.Generator.Model;
#else
namespace RnnGen;
#endif

/// <summary>
/// Element-wise activation of a layer, with Keras semantics. The numeric values are part of
/// the weight-file format and of the generator's contract: never renumber them.
/// </summary>
#if RNNGEN_GENERATOR
internal
#else
public
#endif
enum Activation
{
    /// <summary><c>a(x) = x</c> (Keras <c>"linear"</c>).</summary>
    Linear = 0,

    /// <summary><c>a(x) = tanh(x)</c> (Keras <c>"tanh"</c>).</summary>
    Tanh = 1,

    /// <summary><c>a(x) = max(0, x)</c> (Keras <c>"relu"</c>; its gradient at 0 is 0).</summary>
    Relu = 2,

    /// <summary><c>a(x) = 1 / (1 + e^-x)</c>, the logistic function (Keras <c>"sigmoid"</c>).</summary>
    Sigmoid = 3,

    /// <summary><c>a(x) = relu6(x + 3) / 6 = clip(x / 6 + 1/2, 0, 1)</c> (Keras 3 <c>"hard_sigmoid"</c>, PyTorch <c>Hardsigmoid</c>).</summary>
    HardSigmoid = 4,

    /// <summary>
    /// <c>a(x) = clip(0.2 x + 0.5, 0, 1)</c>, Keras 2.x's <c>"hard_sigmoid"</c> (the recurrent activation of
    /// Keras 2 LSTM and GRU). RnnGen names it <c>"hard_sigmoid_keras2"</c>: Keras 2 files say
    /// <c>"hard_sigmoid"</c>, and their import maps that name to this value.
    /// </summary>
    HardSigmoidKeras2 = 5,

    /// <summary><c>a(x) = x</c> for x &gt; 0, <c>e^x - 1</c> otherwise (Keras <c>"elu"</c>, alpha 1).</summary>
    Elu = 6,

    /// <summary>
    /// <c>a(x) = scale · x</c> for x &gt; 0, <c>scale · alpha · (e^x - 1)</c> otherwise, with
    /// <c>alpha = 1.67326324</c>, <c>scale = 1.05070098</c> (Keras <c>"selu"</c>).
    /// </summary>
    Selu = 7,

    /// <summary><c>a(x) = ln(1 + e^x)</c> (Keras <c>"softplus"</c>).</summary>
    Softplus = 8,

    /// <summary><c>a(x) = x / (1 + |x|)</c> (Keras <c>"softsign"</c>).</summary>
    Softsign = 9,

    /// <summary>
    /// <c>a(x) = x · sigmoid(x)</c> (Keras <c>"silu"</c>, also called swish). Its derivative is no
    /// function of its output, so BPTT keeps a swish layer's pre-activations.
    /// </summary>
    Swish = 10,
}
