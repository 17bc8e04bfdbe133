// Linked into the generator: one definition of the layer kinds for both.
#if RNNGEN_GENERATOR
namespace RnnGen.Generator.Model;
#else
namespace RnnGen;
#endif

/// <summary>A layer of a model, as Keras names its classes. Part of the weight-file format: never renumber.</summary>
#if RNNGEN_GENERATOR
internal
#else
public
#endif
enum LayerKind
{
    /// <summary>Keras <c>SimpleRNN</c>: <c>h_t = act(x_t·kernel + h_{t-1}·recurrent_kernel + bias)</c>.</summary>
    SimpleRnn = 0,

    /// <summary>Keras <c>Dense</c>: <c>y = act(x·kernel + bias)</c>, applied to every step of a sequence.</summary>
    Dense = 1,
}
