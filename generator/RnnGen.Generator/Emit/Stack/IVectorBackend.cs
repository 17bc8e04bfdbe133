using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emit.Stack;

/// <summary>
/// The vector operations a layer's maths is written in. A backend writes each one once, so a layer
/// kind is written once for every backend. Layers name their vectors and say where they live in
/// memory (<see cref="Place"/>); the backend decides what a <see cref="Vec"/> is: a span slice, one
/// local per element, or a register. A vector computed by a layer lives in its backend until
/// <see cref="Store"/> puts it at a place (a no-op where it already lives there).
/// </summary>
/// <remarks>
/// Gated layers (LSTM: four blocks of U units and states h, c; GRU: three blocks and reset_after's
/// two bias rows) are a new layer file each, written against these operations plus three that
/// each backend then writes once: a block of a vector (a slice of the span; locals renamed from
/// offset g·U; one register per block, the register backend holding a gated vector as G
/// registers), the element-wise product and multiply-add between blocks (<c>c = f ⊙ c + i ⊙ g</c>),
/// and the recurrent activation, which <see cref="Activate"/> already takes for any activation.
/// </remarks>
internal interface IVectorBackend
{
    /// <summary>The locals holding the layer's weights, read from the span <c>parameters</c>.</summary>
    void DeclareWeights(SourceWriter writer, LayerSpec layer);

    /// <summary>The values at <paramref name="place"/>, to read; the backend may leave them in memory.</summary>
    Vec Read(SourceWriter writer, string name, Place place);

    /// <summary>The values at <paramref name="place"/>, to compute with and then <see cref="Store"/>.</summary>
    Vec Load(SourceWriter writer, string name, Place place);

    /// <summary>A vector of zeros that will live at <paramref name="home"/>.</summary>
    Vec Zero(SourceWriter writer, string name, Place home);

    /// <summary>A vector to be written whole by the next operation, living at <paramref name="home"/>.</summary>
    Vec Declare(SourceWriter writer, string name, Place home);

    /// <summary>A copy of <paramref name="source"/> that will live at <paramref name="home"/>.</summary>
    Vec Copy(SourceWriter writer, string name, Vec source, Place home);

    /// <summary><c>name = bias</c>, or zeros for a layer without bias, living at <paramref name="home"/>: the start of an affine map.</summary>
    Vec Affine(SourceWriter writer, string name, WeightSpec? bias, Place home);

    /// <summary><paramref name="target"/> takes the value of <paramref name="source"/> (a state carried to the next step); returns the target's new handle.</summary>
    Vec Assign(SourceWriter writer, Vec target, Vec source);

    /// <summary>Writes <paramref name="vector"/> at <paramref name="place"/>.</summary>
    void Store(SourceWriter writer, Vec vector, Place place);

    /// <summary><c>accumulator += vector·matrix</c>, matrix <c>[vector.Length, accumulator.Length]</c> row-major.</summary>
    void AddProduct(SourceWriter writer, Vec vector, WeightSpec matrix, Vec accumulator);

    /// <summary><c>target += source</c>, element-wise.</summary>
    void Add(SourceWriter writer, Vec source, Vec target);

    /// <summary><c>values = act(values)</c>, element-wise.</summary>
    void Activate(SourceWriter writer, Activation activation, Vec values);
}

/// <summary>
/// The operations BPTT adds: gradients sent back through weights and summed into Gradients. The
/// register backend writes no backward pass of its own (its layers' BPTT is unrolled scalar code).
/// </summary>
internal interface IGradientBackend : IVectorBackend
{
    /// <summary>
    /// <c>gradient ⊙= act'(·)</c>, with the derivative written in terms of the activation's output, or
    /// of its pre-activation for an activation that needs it (<see cref="LayerSpec.KeepsPreactivations"/>).
    /// </summary>
    void MultiplyByDerivative(SourceWriter writer, Activation activation, Vec outputs, Vec gradient);

    /// <summary><c>result = vector·matrixᵀ</c>, matrix <c>[result.Length, vector.Length]</c>: a gradient sent back through a weight.</summary>
    void MultiplyByTransposed(SourceWriter writer, WeightSpec matrix, Vec vector, Vec result);

    /// <summary>Starts summing the gradient of <paramref name="weight"/> (in the span <c>gradients</c>); returns the accumulator's name.</summary>
    string BeginGradient(SourceWriter writer, WeightSpec weight);

    /// <summary><c>gradient += leftᵀ·right</c>, one row each (for a bias, <paramref name="left"/> is null: <c>gradient += right</c>).</summary>
    void AddOuterProduct(SourceWriter writer, Vec? left, Vec right, WeightSpec weight, string gradient);

    /// <summary>Adds what <see cref="BeginGradient"/> summed into Gradients.</summary>
    void EndGradient(SourceWriter writer, WeightSpec weight, string gradient);
}

/// <summary>
/// A backend whose vectors live in memory and whose products are cheapest in long calls (loops, and
/// PredictBatch's tiles): recurrent layers compute the input projection of every step before the
/// recurrence, which then reads each step's part from the forward buffer. Other backends write each
/// product out inside the step, into locals.
/// </summary>
internal interface IProjectingBackend : IVectorBackend
{
}

/// <summary>
/// A backend whose products are cheapest over a whole sequence at once (loops): recurrent layers
/// compute the input projection of every step before the recurrence and sum their weight gradients
/// after it.
/// </summary>
internal interface ISequenceBackend : IGradientBackend, IProjectingBackend
{
    /// <summary>
    /// <c>gradient += leftᵀ·right</c> over <paramref name="steps"/> rows of both (or, for a bias,
    /// <c>gradient += Σ rows of right</c>): a weight's gradient summed over a sequence in one call.
    /// </summary>
    void AddTransposedProduct(SourceWriter writer, string? left, string right, WeightSpec weight, string gradient, int steps);
}
