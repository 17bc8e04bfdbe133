using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emit.Stack;

/// <summary>
/// Span loops over the register-blocked SIMD kernels of <c>RnnGen.Kernels</c>, with constant sizes
/// the JIT folds: the backend of every layer too large to write out unit by unit. A vector is a
/// span over the place it lives at, so storing it where it lives writes nothing.
/// </summary>
internal sealed class LoopsBackend : ISequenceBackend, IGateGradientBackend, IFusedCellBackend
{
    public static readonly LoopsBackend Instance = new();

    private LoopsBackend()
    {
    }

    public void DeclareWeights(SourceWriter writer, LayerSpec layer)
    {
        foreach (WeightSpec weight in layer.Weights)
        {
            writer.WriteLine($"ReadOnlySpan<float> {Local(weight)} = parameters.Slice({weight.Offset}, {weight.Length}); // {layer.Name}/{weight.Name} {Shape(weight)}");
        }
    }

    public Vec Read(SourceWriter writer, string name, Place place) => new(place.Slice, place.Length, place);

    public Vec Load(SourceWriter writer, string name, Place place) => Span(writer, name, place);

    public Vec Zero(SourceWriter writer, string name, Place home)
    {
        Vec vector = Span(writer, name, home);
        writer.WriteLine($"{name}.Clear();");
        return vector;
    }

    public Vec Declare(SourceWriter writer, string name, Place home) => Span(writer, name, home);

    public Vec Copy(SourceWriter writer, string name, Vec source, Place home)
    {
        Vec vector = Span(writer, name, home);
        writer.WriteLine($"{source.Name}.CopyTo({name});");
        return vector;
    }

    public Vec Affine(SourceWriter writer, string name, WeightSpec? bias, Place home)
    {
        Vec vector = Span(writer, name, home);
        writer.WriteLine(bias is null ? $"{name}.Clear();" : $"{Local(bias)}.CopyTo({name});");
        return vector;
    }

    public Vec Assign(SourceWriter writer, Vec target, Vec source)
    {
        // Spans: the local now points where the source lives.
        writer.WriteLine($"{target.Name} = {source.Name};");
        return target with { Memory = source.Memory };
    }

    public void Store(SourceWriter writer, Vec vector, Place place)
    {
        if (vector.Memory != place)
        {
            writer.WriteLine($"{vector.Name}.CopyTo({place.Slice});");
        }
    }

    public void AddProduct(SourceWriter writer, Vec vector, WeightSpec matrix, Vec accumulator) =>
        writer.WriteLine($"MatrixKernels.AddVectorTimesMatrix({vector.Name}, {Local(matrix)}, {accumulator.Name});");

    public void Activate(SourceWriter writer, Activation activation, Vec values)
    {
        if (activation != Activation.Linear)
        {
            writer.WriteLine($"Activations.{activation}({values.Name});");
        }
    }

    public void MultiplyByDerivative(SourceWriter writer, Activation activation, Vec outputs, Vec gradient)
    {
        if (activation != Activation.Linear)
        {
            writer.WriteLine($"Activations.MultiplyBy{activation}Derivative({outputs.Name}, {gradient.Name});");
        }
    }

    public void MultiplyByTransposed(SourceWriter writer, WeightSpec matrix, Vec vector, Vec result) =>
        writer.WriteLine($"MatrixKernels.MultiplyMatrixByVector({Local(matrix)}, {vector.Name}, {result.Name});");

    public void Add(SourceWriter writer, Vec source, Vec target) =>
        writer.WriteLine($"TensorPrimitives.Add({target.Name}, {source.Name}, {target.Name});");

    public string BeginGradient(SourceWriter writer, WeightSpec weight)
    {
        string gradient = Local(weight) + "Gradient";
        writer.WriteLine($"Span<float> {gradient} = gradients.Slice({weight.Offset}, {weight.Length});");
        return gradient;
    }

    public void AddOuterProduct(SourceWriter writer, Vec? left, Vec right, WeightSpec weight, string gradient) =>
        writer.WriteLine(left is null
            ? $"TensorPrimitives.Add({gradient}, {right.Name}, {gradient});"
            : $"MatrixKernels.AddOuterProduct({left.Name}, {right.Name}, {gradient});");

    public void EndGradient(SourceWriter writer, WeightSpec weight, string gradient)
    {
    }

    public void AddTransposedProduct(SourceWriter writer, string? left, string right, WeightSpec weight, string gradient, int steps) =>
        writer.WriteLine(left is null
            ? $"GradientKernels.AddColumnSums({right}, {gradient});"
            : $"GradientKernels.AddTransposedProduct({left}, {right}, {gradient}, {steps}, {weight.Rows}, {weight.Columns});");

    // Gated layers (IGateBackend): a gated vector is one span of G·U floats, its blocks slices of it.

    public GatedVec GateAffine(SourceWriter writer, string name, int blocks, WeightSpec? bias, int biasRow, Place home)
    {
        Vec whole = Span(writer, name, home);
        writer.WriteLine(bias is null ? $"{name}.Clear();" : $"{Local(bias)}.Slice({biasRow * home.Length}, {home.Length}).CopyTo({name});");
        return Blocks(whole, blocks);
    }

    public GatedVec LoadGates(SourceWriter writer, string name, int blocks, Place place) => Blocks(Span(writer, name, place), blocks);

    public void AddGateProducts(SourceWriter writer, Vec vector, WeightSpec matrix, GatedVec gates) => AddProduct(writer, vector, matrix, gates.Whole!);

    // A block's columns are not contiguous in the row-major [rows, G·U] matrix: one row's block at a time.
    public void AddBlockProduct(SourceWriter writer, Vec vector, WeightSpec matrix, int block, Vec target)
    {
        using (writer.Block($"for (int i = 0; i < {matrix.Rows}; i++)"))
        {
            writer.WriteLine($"TensorPrimitives.MultiplyAdd({Local(matrix)}.Slice(i * {matrix.Columns} + {block * target.Length}, {target.Length}), {vector.Name}[i], {target.Name}, {target.Name});");
        }
    }

    public void AddBlockTransposedProduct(SourceWriter writer, WeightSpec matrix, int block, Vec vector, Vec result)
    {
        using (writer.Block($"for (int i = 0; i < {matrix.Rows}; i++)"))
        {
            writer.WriteLine($"{result.Name}[i] += TensorPrimitives.Dot({Local(matrix)}.Slice(i * {matrix.Columns} + {block * vector.Length}, {vector.Length}), {vector.Name});");
        }
    }

    public void AddBlockOuterProduct(SourceWriter writer, Vec? left, Vec right, WeightSpec weight, int block, string gradient)
    {
        if (left is null)
        {
            writer.WriteLine($"TensorPrimitives.Add({gradient}.Slice({block * right.Length}, {right.Length}), {right.Name}, {gradient}.Slice({block * right.Length}, {right.Length}));");
            return;
        }

        using (writer.Block($"for (int i = 0; i < {weight.Rows}; i++)"))
        {
            writer.WriteLine($"Span<float> row = {gradient}.Slice(i * {weight.Columns} + {block * right.Length}, {right.Length});");
            writer.WriteLine($"TensorPrimitives.MultiplyAdd({right.Name}, {left.Name}[i], row, row);");
        }
    }

    public void Multiply(SourceWriter writer, Vec a, Vec b, Vec result) =>
        writer.WriteLine($"TensorPrimitives.Multiply({a.Name}, {b.Name}, {result.Name});");

    public void MultiplyAdd(SourceWriter writer, Vec a, Vec b, Vec target) =>
        writer.WriteLine($"TensorPrimitives.MultiplyAdd({a.Name}, {b.Name}, {target.Name}, {target.Name});");

    // Lerp(x, y, z) = x + (y − x) ⊙ z = z ⊙ y + (1 − z) ⊙ x.
    public void Interpolate(SourceWriter writer, Vec z, Vec previous, Vec target) =>
        writer.WriteLine($"TensorPrimitives.Lerp({target.Name}, {previous.Name}, {z.Name}, {target.Name});");

    // (1 − z) ⊙ s = s − z ⊙ s, in one pass: MultiplyAdd(−z, s, s) would need −z; Lerp(s, 0, z) = s − z ⊙ s needs no scratch.
    public void MultiplyByComplement(SourceWriter writer, Vec z, Vec source, Vec result) =>
        writer.WriteLine($"TensorPrimitives.Lerp({source.Name}, 0f, {z.Name}, {result.Name});");

    public void Subtract(SourceWriter writer, Vec a, Vec b, Vec result) =>
        writer.WriteLine($"TensorPrimitives.Subtract({a.Name}, {b.Name}, {result.Name});");

    public void LstmCell(SourceWriter writer, GatedVec z, Vec previousCell, Vec cell, Vec cellActivation, Vec output) =>
        writer.WriteLine($"GateKernels.LstmSigmoidTanh({z.Whole!.Name}, {previousCell.Name}, {cell.Name}, {cellActivation.Name}, {output.Name});");

    public void GruCell(SourceWriter writer, GatedVec z, GatedVec projection, Vec previous, Vec output) =>
        writer.WriteLine($"GateKernels.GruSigmoidTanh({z.Whole!.Name}, {projection.Whole!.Name}, {previous.Name}, {output.Name});");

    public void LstmStep(SourceWriter writer, LayerSpec layer, Vec x, Vec h, Vec cell, Place gates, Place cellActivation)
    {
        Vec z = Span(writer, "z", gates);
        Vec ac = Span(writer, "ac", cellActivation);
        writer.WriteLine($"GateKernels.LstmStepSigmoidTanh({x.Name}, {Local(layer.Kernel)}, {Local(layer.RecurrentKernel!)}, {Local(layer.Bias!)}, {h.Name}, {cell.Name}, {z.Name}, {ac.Name});");
    }

    public void GruStep(SourceWriter writer, LayerSpec layer, Vec x, Vec h, Place gates, Place projection)
    {
        Vec z = Span(writer, "z", gates);
        Vec hu = Span(writer, "hu", projection);
        writer.WriteLine($"GateKernels.GruStepSigmoidTanh({x.Name}, {Local(layer.Kernel)}, {Local(layer.RecurrentKernel!)}, {Local(layer.Bias!)}, {h.Name}, {z.Name}, {hu.Name});");
    }

    /// <summary>Block g of a gated span: the slice from g·U, living at that part of the span's place.</summary>
    private static GatedVec Blocks(Vec whole, int blocks)
    {
        int units = whole.Length / blocks;
        var parts = new Vec[blocks];
        for (int g = 0; g < blocks; g++)
        {
            Place? memory = whole.Memory is { } place ? place with { Start = place.Index(g * units), Length = units } : null;
            parts[g] = new Vec($"{whole.Name}.Slice({g * units}, {units})", units, memory);
        }

        return new GatedVec(whole, parts);
    }

    /// <summary><c>kernel</c>, <c>recurrentKernel</c>, <c>bias</c>.</summary>
    internal static string Local(WeightSpec weight) => weight.Name switch
    {
        LayerWeights.RecurrentKernel => "recurrentKernel",
        LayerWeights.Bias => "bias",
        _ => "kernel",
    };

    private static string Shape(WeightSpec weight) => weight.IsVector ? $"[{weight.Columns}]" : $"[{weight.Rows}, {weight.Columns}]";

    private static Vec Span(SourceWriter writer, string name, Place home)
    {
        writer.WriteLine($"Span<float> {name} = {home.Slice};");
        return new Vec(name, home.Length, home);
    }
}
