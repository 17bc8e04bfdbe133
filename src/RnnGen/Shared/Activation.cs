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
}
