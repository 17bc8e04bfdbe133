using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emit.Stack;

/// <summary>
/// Span loops over the register-blocked SIMD kernels of <c>RnnGen.Kernels</c>, with constant sizes
/// the JIT folds: the backend of every layer too large to write out unit by unit.
/// </summary>
internal sealed class LoopsBackend : IVectorBackend
{
    public static readonly LoopsBackend Instance = new();

    private LoopsBackend()
    {
    }

    public void Affine(SourceWriter writer, string target, string? bias) =>
        writer.WriteLine(bias is null ? $"{target}.Clear();" : $"{bias}.CopyTo({target});");

    public void AddProduct(SourceWriter writer, string vector, string matrix, string accumulator) =>
        writer.WriteLine($"MatrixKernels.AddVectorTimesMatrix({vector}, {matrix}, {accumulator});");

    public void Activate(SourceWriter writer, Activation activation, string values)
    {
        if (activation != Activation.Linear)
        {
            writer.WriteLine($"Activations.{activation}({values});");
        }
    }

    public void MultiplyByDerivative(SourceWriter writer, Activation activation, string outputs, string gradient)
    {
        if (activation != Activation.Linear)
        {
            writer.WriteLine($"Activations.MultiplyBy{activation}Derivative({outputs}, {gradient});");
        }
    }

    public void MultiplyByTransposed(SourceWriter writer, string matrix, string vector, string result) =>
        writer.WriteLine($"MatrixKernels.MultiplyMatrixByVector({matrix}, {vector}, {result});");

    public void AddTransposedProduct(SourceWriter writer, string left, string right, string result, int steps, int rows, int columns) =>
        writer.WriteLine($"GradientKernels.AddTransposedProduct({left}, {right}, {result}, {steps}, {rows}, {columns});");

    public void AddOuterProduct(SourceWriter writer, string left, string right, string matrix) =>
        writer.WriteLine($"MatrixKernels.AddOuterProduct({left}, {right}, {matrix});");

    public void AddColumnSums(SourceWriter writer, string values, string sums) =>
        writer.WriteLine($"GradientKernels.AddColumnSums({values}, {sums});");

    public void Add(SourceWriter writer, string source, string target) =>
        writer.WriteLine($"TensorPrimitives.Add({target}, {source}, {target});");
}
