// Linked into the generator, which reads attribute arguments as these integers: one definition for both.
#if RNNGEN_GENERATOR
namespace RnnGen.Generator.Model;
#else
namespace RnnGen;
#endif

/// <summary>
/// How a bidirectional layer combines its forward and backward outputs (Keras <c>Bidirectional(merge_mode=...)</c>).
/// Part of the weight-file format: never renumber.
/// </summary>
#if RNNGEN_GENERATOR
internal
#else
public
#endif
enum MergeMode
{
    /// <summary><c>"concat"</c> (Keras' default): the forward output, then the backward one, so twice the units.</summary>
    Concat = 0,

    /// <summary><c>"sum"</c>: forward + backward.</summary>
    Sum = 1,

    /// <summary><c>"mul"</c>: forward ⊙ backward.</summary>
    Mul = 2,

    /// <summary><c>"ave"</c>: (forward + backward) / 2.</summary>
    Ave = 3,
}
