using System;
using System.Linq;
using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emit.Stack;

/// <summary>
/// PredictBatch's tiles: the backend of every layer in <see cref="StackPasses.Pass.Tiles"/>, where a
/// vector stands for one step of up to <see cref="Rows"/> sequences at once, a matrix with one row per
/// sequence (the local <c>rows</c> of them, fewer in the last tile), the rows <see cref="Place.RowStride"/>
/// floats apart. A product is then one register-blocked matrix product over the whole tile
/// (<c>BatchKernels.AddMatrixProduct</c>), which reads each weight once per step for all its sequences;
/// an element-wise operation is one span call over a contiguous matrix (a gated layer's steps are laid
/// out block-major, so that each gate block of the tile is one), or a call per row for an operand whose
/// rows are not adjacent.
/// </summary>
internal sealed class TileBackend : IGateBackend, IProjectingBackend
{
    /// <summary>Sequences per tile: four of <c>BatchKernels</c>' blocks of four rows.</summary>
    public const int Rows = 16;

    /// <summary>The local holding the tile's number of sequences.</summary>
    private const string RowCount = "rows";

    public static readonly TileBackend Instance = new();

    private TileBackend()
    {
    }

    public void DeclareWeights(SourceWriter writer, LayerSpec layer) => LoopsBackend.Instance.DeclareWeights(writer, layer);

    public Vec Read(SourceWriter writer, string name, Place place) => new(Extent(place), place.Length, place);

    public Vec Load(SourceWriter writer, string name, Place place) => Span(writer, name, place);

    public Vec Zero(SourceWriter writer, string name, Place home)
    {
        Vec vector = Span(writer, name, home);
        ElementWise(writer, static v => $"{v[0]}.Clear();", vector);
        return vector;
    }

    public Vec Declare(SourceWriter writer, string name, Place home) => Span(writer, name, home);

    public Vec Copy(SourceWriter writer, string name, Vec source, Place home)
    {
        Vec vector = Span(writer, name, home);
        ElementWise(writer, static v => $"{v[1]}.CopyTo({v[0]});", vector, source);
        return vector;
    }

    public Vec Affine(SourceWriter writer, string name, WeightSpec? bias, Place home)
    {
        Vec vector = Span(writer, name, home);
        StartRows(writer, vector, bias is null ? null : LoopsBackend.Local(bias));
        return vector;
    }

    public Vec Assign(SourceWriter writer, Vec target, Vec source)
    {
        writer.WriteLine($"{target.Name} = {source.Name};");
        return target with { Memory = source.Memory };
    }

    public void Store(SourceWriter writer, Vec vector, Place place)
    {
        if (vector.Memory != place)
        {
            ElementWise(writer, static v => $"{v[1]}.CopyTo({v[0]});", Read(writer, "", place), vector);
        }
    }

    public void AddProduct(SourceWriter writer, Vec vector, WeightSpec matrix, Vec accumulator) =>
        WriteProduct(writer, vector, LoopsBackend.Local(matrix), matrix.Rows, matrix.Columns, accumulator);

    public void Add(SourceWriter writer, Vec source, Vec target) =>
        ElementWise(writer, static v => $"TensorPrimitives.Add({v[0]}, {v[1]}, {v[0]});", target, source);

    public void Activate(SourceWriter writer, Activation activation, Vec values)
    {
        if (activation != Activation.Linear)
        {
            ElementWise(writer, v => $"Activations.{activation}({v[0]});", values);
        }
    }

    // A gated step of a tile is laid out block-major, [block][sequence][unit] (Buffers.AddTile), so that each
    // block of every sequence is one contiguous matrix: the gates' element-wise operations are one call each.

    public GatedVec GateAffine(SourceWriter writer, string name, int blocks, WeightSpec? bias, int biasRow, Place home)
    {
        GatedVec gates = Blocks(home, blocks);
        for (int g = 0; g < blocks; g++)
        {
            Vec block = gates.Blocks[g];
            StartRows(writer, block, bias is null ? null : $"{LoopsBackend.Local(bias)}.Slice({biasRow * home.Length + g * block.Length}, {block.Length})");
        }

        return gates;
    }

    public GatedVec LoadGates(SourceWriter writer, string name, int blocks, Place place) => Blocks(place, blocks);

    public void AddGateProducts(SourceWriter writer, Vec vector, WeightSpec matrix, GatedVec gates)
    {
        for (int g = 0; g < gates.Blocks.Length; g++)
        {
            AddBlockProduct(writer, vector, matrix, g, gates.Blocks[g]);
        }
    }

    // One block's columns of the row-major [rows, G·U] matrix: the kernel reads its rows G·U apart.
    public void AddBlockProduct(SourceWriter writer, Vec vector, WeightSpec matrix, int block, Vec target) =>
        WriteProduct(writer, vector, LoopsBackend.Local(matrix) + (block == 0 ? "" : $".Slice({block * target.Length})"), matrix.Rows, matrix.Columns, target);

    public void Multiply(SourceWriter writer, Vec a, Vec b, Vec result) =>
        ElementWise(writer, static v => $"TensorPrimitives.Multiply({v[1]}, {v[2]}, {v[0]});", result, a, b);

    public void MultiplyAdd(SourceWriter writer, Vec a, Vec b, Vec target) =>
        ElementWise(writer, static v => $"TensorPrimitives.MultiplyAdd({v[1]}, {v[2]}, {v[0]}, {v[0]});", target, a, b);

    // Lerp(x, y, z) = x + (y − x) ⊙ z = z ⊙ y + (1 − z) ⊙ x.
    public void Interpolate(SourceWriter writer, Vec z, Vec previous, Vec target) =>
        ElementWise(writer, static v => $"TensorPrimitives.Lerp({v[0]}, {v[1]}, {v[2]}, {v[0]});", target, previous, z);

    /// <summary>
    /// <c>accumulator += vector·matrix</c> for every row of the tile: <paramref name="right"/> holds
    /// <paramref name="inner"/> rows <paramref name="rightStride"/> floats apart, of which the product reads the accumulator's width.
    /// </summary>
    private static void WriteProduct(SourceWriter writer, Vec vector, string right, int inner, int rightStride, Vec accumulator) =>
        writer.WriteLine($"BatchKernels.AddMatrixProduct({vector.Name}, {Stride(vector.Memory!)}, {right}, {rightStride}, {accumulator.Name}, {Stride(accumulator.Memory!)}, {RowCount}, {inner}, {accumulator.Length});");

    /// <summary>Every row of <paramref name="vector"/> set to <paramref name="row"/> (a span expression), or to zeros when it is null.</summary>
    private static void StartRows(SourceWriter writer, Vec vector, string? row)
    {
        if (row is null)
        {
            ElementWise(writer, static v => $"{v[0]}.Clear();", vector);
            return;
        }

        writer.WriteLine($"BatchKernels.CopyToRows({row}, {vector.Name}, {Stride(vector.Memory!)}, {RowCount});");
    }

    /// <summary>
    /// One call over the whole tile when every operand is a contiguous matrix (its rows adjacent), else
    /// a call per row; <paramref name="call"/> writes the call from the operands' span expressions.
    /// </summary>
    private static void ElementWise(SourceWriter writer, Func<string[], string> call, params Vec[] operands)
    {
        if (operands.All(static v => IsContiguous(v.Memory!)))
        {
            writer.WriteLine(call(operands.Select(static v => v.Name).ToArray()));
            return;
        }

        using (writer.Block($"for (int r = 0; r < {RowCount}; r++)"))
        {
            writer.WriteLine(call(operands.Select(static v => Row(v.Memory!)).ToArray()));
        }
    }

    /// <summary>Row <c>r</c> of the matrix at <paramref name="place"/>.</summary>
    private static string Row(Place place)
    {
        string offset = Stride(place) == 1 ? "r" : $"r * {Stride(place)}";
        return $"{place.Span}.Slice({(place.Start == "0" ? offset : $"{place.Start} + {offset}")}, {place.Length})";
    }

    /// <summary>The floats from the matrix's first row to the end of its last: a span the kernels check the rows against.</summary>
    private static string Extent(Place place) => IsContiguous(place)
        ? $"{place.Span}.Slice({place.Start}, {RowCount} * {place.Length})"
        : $"{place.Span}.Slice({place.Start}, ({RowCount} - 1) * {Stride(place)} + {place.Length})";

    private static int Stride(Place place) => place.RowStride == 0 ? place.Length : place.RowStride;

    private static bool IsContiguous(Place place) => Stride(place) == place.Length;

    private static Vec Span(SourceWriter writer, string name, Place home)
    {
        writer.WriteLine($"Span<float> {name} = {Extent(home)};");
        return new Vec(name, home.Length, home);
    }

    /// <summary>
    /// The blocks of a gated step at <paramref name="home"/> (G·U floats per sequence): block g is the
    /// contiguous <c>[rows, U]</c> matrix from g·Rows·U, the tile's layout of a gated buffer.
    /// </summary>
    private static GatedVec Blocks(Place home, int blocks)
    {
        int units = home.Length / blocks;
        var parts = new Vec[blocks];
        for (int g = 0; g < blocks; g++)
        {
            Place block = home with { Start = home.Index(g * Rows * units), Length = units, RowStride = units };
            parts[g] = new Vec(Extent(block), units, block);
        }

        return new GatedVec(null, parts);
    }
}
