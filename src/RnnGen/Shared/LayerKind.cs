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

    /// <summary>Keras <c>LSTM</c>: gate blocks i, f, c, o; <c>c_t = f ⊙ c_{t-1} + i ⊙ act(z_c)</c>, <c>h_t = o ⊙ act(c_t)</c>; state <c>[h, c]</c>.</summary>
    Lstm = 2,

    /// <summary>Keras <c>GRU</c>: gate blocks z, r, h; <c>h_t = z ⊙ h_{t-1} + (1 - z) ⊙ hh</c>, with reset_after or without.</summary>
    Gru = 3,
}
