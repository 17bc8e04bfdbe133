using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emit.Stack;

/// <summary>
/// A gated layer's pre-activation: G blocks of U units side by side, as the columns of its kernels
/// (LSTM i, f, c, o; GRU z, r, h). <paramref name="Whole"/> is the G·U vector where the backend has
/// one (loops: a span, so a product fills every block in one call); each of <paramref name="Blocks"/>
/// is a vector of U the other operations take.
/// </summary>
internal sealed record GatedVec(Vec? Whole, Vec[] Blocks)
{
    /// <summary>Stores every block at its part of <paramref name="place"/> (G·U floats), in block order.</summary>
    public void Store(SourceWriter writer, IVectorBackend ops, Place place)
    {
        for (int g = 0; g < Blocks.Length; g++)
        {
            ops.Store(writer, Blocks[g], place.Block(g, Blocks[g].Length));
        }
    }

    /// <summary>
    /// Blocks <paramref name="first"/> .. <paramref name="first"/> + <paramref name="count"/> − 1 as one vector,
    /// where the backend keeps them side by side in one span (loops), so that one call covers them all;
    /// null where each block is its own vector.
    /// </summary>
    public Vec? Run(int first, int count)
    {
        if (Whole is null || count < 2)
        {
            return null;
        }

        int units = Blocks[0].Length;
        Place? memory = Whole.Memory is { } place ? place with { Start = place.Index(first * units), Length = count * units } : null;
        return new Vec($"{Whole.Name}.Slice({first * units}, {count * units})", count * units, memory);
    }

    /// <summary>
    /// <c>block = activation(block)</c> for blocks <paramref name="first"/> .. <paramref name="first"/> + <paramref name="count"/> − 1,
    /// in one call where they are one span (<see cref="Run"/>).
    /// </summary>
    public void Activate(SourceWriter writer, IVectorBackend ops, Activation activation, int first, int count)
    {
        if (Run(first, count) is { } run)
        {
            ops.Activate(writer, activation, run);
            return;
        }

        for (int g = first; g < first + count; g++)
        {
            ops.Activate(writer, activation, Blocks[g]);
        }
    }

    /// <summary>
    /// <c>block += source's block</c> for blocks <paramref name="first"/> .. <paramref name="first"/> + <paramref name="count"/> − 1,
    /// in one call where both are one span (<see cref="Run"/>).
    /// </summary>
    public void Add(SourceWriter writer, IVectorBackend ops, GatedVec source, int first, int count)
    {
        if (source.Run(first, count) is { } from && Run(first, count) is { } to)
        {
            ops.Add(writer, from, to);
            return;
        }

        for (int g = first; g < first + count; g++)
        {
            ops.Add(writer, source.Blocks[g], Blocks[g]);
        }
    }

    /// <summary>
    /// What block <paramref name="block"/>'s derivative is written in terms of: its kept pre-activation
    /// (<paramref name="preactivations"/>) for swish, else its output (this, the activated gates).
    /// </summary>
    public Vec DerivativeInput(Activation activation, GatedVec? preactivations, int block) =>
        activation == Activation.Swish ? preactivations!.Blocks[block] : Blocks[block];
}

/// <summary>
/// The operations LSTM and GRU add to <see cref="IVectorBackend"/> for their forward and streaming
/// passes, written once per backend: blocks of a gated vector, element-wise products between blocks,
/// and GRU's interpolation. The recurrent activation of a block is <see cref="IVectorBackend.Activate"/> of it.
/// </summary>
internal interface IGateBackend : IVectorBackend
{
    /// <summary>
    /// <c>name = bias row <paramref name="biasRow"/></c> (zeros without bias) as <paramref name="blocks"/>
    /// blocks of <c>home.Length / blocks</c> units, living at <paramref name="home"/>: the start of the gates' affine map.
    /// </summary>
    GatedVec GateAffine(SourceWriter writer, string name, int blocks, WeightSpec? bias, int biasRow, Place home);

    /// <summary>The G blocks of the G·U floats at <paramref name="place"/>, to compute with and then store block by block.</summary>
    GatedVec LoadGates(SourceWriter writer, string name, int blocks, Place place);

    /// <summary><c>blocks[g] += vector·matrix[:, g·U .. (g + 1)·U]</c> for every block: matrix <c>[vector.Length, G·U]</c> row-major.</summary>
    void AddGateProducts(SourceWriter writer, Vec vector, WeightSpec matrix, GatedVec gates);

    /// <summary>
    /// <c>target += vector·matrix[:, g·U .. (g + 1)·U]</c>, one block's columns only (U = target.Length): GRU
    /// without reset_after multiplies <c>r ⊙ h</c> by the h block of its recurrent kernel alone.
    /// </summary>
    void AddBlockProduct(SourceWriter writer, Vec vector, WeightSpec matrix, int block, Vec target);

    /// <summary><c>result = a ⊙ b</c>, element-wise (result may be a or b).</summary>
    void Multiply(SourceWriter writer, Vec a, Vec b, Vec result);

    /// <summary><c>target += a ⊙ b</c>, element-wise: LSTM's <c>c = f ⊙ c + i ⊙ g</c> after <c>c = f ⊙ c</c>.</summary>
    void MultiplyAdd(SourceWriter writer, Vec a, Vec b, Vec target);

    /// <summary><c>target = z ⊙ previous + (1 − z) ⊙ target</c>: GRU's <c>h_t</c> from its candidate, in place.</summary>
    void Interpolate(SourceWriter writer, Vec z, Vec previous, Vec target);
}

/// <summary>
/// What LSTM's and GRU's BPTT adds: a block's gradient sent back through its columns and summed into
/// its weight gradient, and the element-wise forms of GRU's interpolation gradient. Its derivative of
/// an activation is <see cref="IGradientBackend.MultiplyByDerivative"/>.
/// </summary>
internal interface IGateGradientBackend : IGateBackend, IGradientBackend
{
    /// <summary><c>result += vector·matrix[:, g·U .. (g + 1)·U]ᵀ</c> (U = vector.Length): a block's gradient sent back through its columns.</summary>
    void AddBlockTransposedProduct(SourceWriter writer, WeightSpec matrix, int block, Vec vector, Vec result);

    /// <summary>
    /// <c>gradient[:, g·U .. (g + 1)·U] += leftᵀ·right</c> (U = right.Length; for a bias, <paramref name="left"/>
    /// is null: <c>gradient[g·U ..] += right</c>, g counting on over a bias's rows): a block's share of a weight gradient summed in
    /// <see cref="IGradientBackend.BeginGradient"/>'s accumulator.
    /// </summary>
    void AddBlockOuterProduct(SourceWriter writer, Vec? left, Vec right, WeightSpec weight, int block, string gradient);

    /// <summary><c>result = (1 − z) ⊙ source</c>: the candidate's share of a GRU state's gradient.</summary>
    void MultiplyByComplement(SourceWriter writer, Vec z, Vec source, Vec result);

    /// <summary><c>result = a − b</c>, element-wise.</summary>
    void Subtract(SourceWriter writer, Vec a, Vec b, Vec result);
}

/// <summary>
/// A backend that writes the element-wise part of an LSTM or reset_after GRU step with Keras' default activations
/// (recurrent sigmoid, tanh) as one call over the units (span loops: <c>GateKernels</c>), where one
/// call per operation would load and store every block again.
/// </summary>
internal interface IFusedCellBackend
{
    /// <summary>
    /// <c>z = [σ(i), σ(f), tanh(c), σ(o)]</c> in place, <c>cell = σ(f) ⊙ previousCell + σ(i) ⊙ tanh(z_c)</c>,
    /// <c>cellActivation = tanh(cell)</c>, <c>output = σ(o) ⊙ cellActivation</c>; cell may be previousCell.
    /// </summary>
    void LstmCell(SourceWriter writer, GatedVec z, Vec previousCell, Vec cell, Vec cellActivation, Vec output);

    /// <summary>
    /// A reset_after GRU step from <c>z = x·kernel + b_in</c> and <c>projection = h_{t-1}·recurrent_kernel + b_rec</c>:
    /// <c>z = [σ(z + p), σ(r + p), tanh(h + r ⊙ p_h)]</c> in place, <c>output = Lerp(hh, previous, z)</c>; output may be previous.
    /// </summary>
    void GruCell(SourceWriter writer, GatedVec z, GatedVec projection, Vec previous, Vec output);

    /// <summary>
    /// A whole LSTM step with a bias in one call: <c>z = bias + x·kernel + h·recurrent_kernel</c> at
    /// <paramref name="gates"/>, then <see cref="LstmCell"/> with cell and h updated in place.
    /// </summary>
    void LstmStep(SourceWriter writer, LayerSpec layer, Vec x, Vec h, Vec cell, Place gates, Place cellActivation);

    /// <summary>
    /// A whole reset_after GRU step with a bias in one call: <c>z = x·kernel + b_in</c> at <paramref name="gates"/>,
    /// <c>projection = h·recurrent_kernel + b_rec</c> at <paramref name="projection"/>, then <see cref="GruCell"/> with h updated in place.
    /// </summary>
    void GruStep(SourceWriter writer, LayerSpec layer, Vec x, Vec h, Place gates, Place projection);
}
