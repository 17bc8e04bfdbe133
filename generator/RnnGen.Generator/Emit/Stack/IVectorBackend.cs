using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emit.Stack;

/// <summary>
/// The vector operations a layer's maths is written in. A backend writes each one once, so a layer
/// kind is written once for every backend. Operands are the names of spans (or span expressions).
/// </summary>
internal interface IVectorBackend
{
    /// <summary><c>target = bias</c>, or zeros for a layer without bias: the start of an affine map.</summary>
    void Affine(SourceWriter writer, string target, string? bias);

    /// <summary><c>accumulator += vector·matrix</c>, matrix <c>[vector.Length, accumulator.Length]</c> row-major.</summary>
    void AddProduct(SourceWriter writer, string vector, string matrix, string accumulator);

    /// <summary><c>values = act(values)</c>, element-wise.</summary>
    void Activate(SourceWriter writer, Activation activation, string values);

    /// <summary><c>gradient ⊙= act'(·)</c>, with the derivative written in terms of the activation's output.</summary>
    void MultiplyByDerivative(SourceWriter writer, Activation activation, string outputs, string gradient);

    /// <summary><c>result = vector·matrixᵀ</c>, matrix <c>[result.Length, vector.Length]</c>: a gradient sent back through a kernel.</summary>
    void MultiplyByTransposed(SourceWriter writer, string matrix, string vector, string result);

    /// <summary><c>result += leftᵀ·right</c> over <paramref name="steps"/> rows: a weight gradient summed over every step.</summary>
    void AddTransposedProduct(SourceWriter writer, string left, string right, string result, int steps, int rows, int columns);

    /// <summary><c>matrix += leftᵀ·right</c> for one row each.</summary>
    void AddOuterProduct(SourceWriter writer, string left, string right, string matrix);

    /// <summary><c>sums += Σ_rows values</c>: a bias gradient.</summary>
    void AddColumnSums(SourceWriter writer, string values, string sums);

    /// <summary><c>target += source</c>, element-wise.</summary>
    void Add(SourceWriter writer, string source, string target);
}
