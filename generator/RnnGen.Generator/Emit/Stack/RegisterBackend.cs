using System.Text;
using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emit.Stack;

/// <summary>
/// A layer's vector in one <c>Vector128</c> register and each weight row in another (lanes past the
/// row's length are zero and stay inert), so a time step is a chain of fused multiply-adds and one
/// vector activation: the shortest dependency chain, for layers of up to four units. A gated layer's
/// vector is one register per gate block, and each weight row one register per block. Vectors read
/// from memory are left there and broadcast element by element. Forward only: these layers' BPTT is
/// unrolled scalar code (<see cref="ScalarBackend.Unrolled"/>).
/// </summary>
internal sealed class RegisterBackend : IGateBackend
{
    /// <summary>Floats in a <c>Vector128</c>: the most units a layer may have on this backend.</summary>
    public const int Lanes = 4;

    public static readonly RegisterBackend Instance = new();

    private const string V = "Vector128<float>";

    private RegisterBackend()
    {
    }

    public void DeclareWeights(SourceWriter writer, LayerSpec layer)
    {
        writer.WriteLine(layer.IsGated ? $"// {layer.Name}'s weights, one Vector128 per row and gate block." : $"// {layer.Name}'s weights, one Vector128 per row.");
        foreach (WeightSpec weight in layer.Weights)
        {
            int blocks = layer.IsGated ? weight.Columns / layer.Units : 1;
            int units = weight.Columns / blocks;
            for (int i = 0; i < weight.Rows; i++)
            {
                for (int g = 0; g < blocks; g++)
                {
                    int first = weight.Offset + i * weight.Columns + g * units;
                    writer.WriteLine($"{V} {Row(weight, i, layer.IsGated ? g : null)} = {Create(units, k => $"parameters[{first + k}]")};");
                }
            }
        }
    }

    public Vec Read(SourceWriter writer, string name, Place place) => new(name, place.Length, place);

    public Vec Load(SourceWriter writer, string name, Place place)
    {
        writer.WriteLine($"{V} {name} = {Create(place.Length, place.Element)};");
        return new Vec(name, place.Length);
    }

    public Vec Zero(SourceWriter writer, string name, Place home)
    {
        writer.WriteLine($"{V} {name} = {V}.Zero;");
        return new Vec(name, home.Length);
    }

    public Vec Declare(SourceWriter writer, string name, Place home)
    {
        writer.WriteLine($"{V} {name};");
        return new Vec(name, home.Length);
    }

    public Vec Copy(SourceWriter writer, string name, Vec source, Place home)
    {
        writer.WriteLine($"{V} {name} = {Register(source)};");
        return new Vec(name, source.Length);
    }

    public Vec Affine(SourceWriter writer, string name, WeightSpec? bias, Place home)
    {
        writer.WriteLine($"{V} {name} = {(bias is null ? V + ".Zero" : Row(bias, 0, null))};");
        return new Vec(name, home.Length);
    }

    public Vec Assign(SourceWriter writer, Vec target, Vec source)
    {
        writer.WriteLine($"{target.Name} = {source.Name};");
        return target;
    }

    public void Store(SourceWriter writer, Vec vector, Place place)
    {
        if (place.Padded)
        {
            writer.WriteLine($"Vector128.CopyTo({vector.Name}, {place.Span}.Slice({place.Start}));"
                + (vector.Length < Lanes ? " // the spare lanes land past the vector: in the next step's place, or the padding" : ""));
            return;
        }

        for (int k = 0; k < vector.Length; k++)
        {
            writer.WriteLine($"{place.Element(k)} = {Element(vector, k)};");
        }
    }

    public void AddProduct(SourceWriter writer, Vec vector, WeightSpec matrix, Vec accumulator) => AddRowsProduct(writer, vector, matrix, null, accumulator);

    public void Add(SourceWriter writer, Vec source, Vec target) =>
        writer.WriteLine($"{target.Name} += {Register(source)};");

    public void Activate(SourceWriter writer, Activation activation, Vec values)
    {
        if (activation != Activation.Linear)
        {
            writer.WriteLine($"{values.Name} = VectorMath.{activation}({values.Name});");
        }
    }

    // Gated layers (IGateBackend): a gated vector is one register per block, named name_g.

    public GatedVec GateAffine(SourceWriter writer, string name, int blocks, WeightSpec? bias, int biasRow, Place home)
    {
        int units = home.Length / blocks;
        var parts = new Vec[blocks];
        for (int g = 0; g < blocks; g++)
        {
            parts[g] = new Vec($"{name}_{g}", units);
            writer.WriteLine($"{V} {parts[g].Name} = {(bias is null ? V + ".Zero" : Row(bias, biasRow, g))};");
        }

        return new GatedVec(null, parts);
    }

    public GatedVec LoadGates(SourceWriter writer, string name, int blocks, Place place)
    {
        int units = place.Length / blocks;
        var parts = new Vec[blocks];
        for (int g = 0; g < blocks; g++)
        {
            int first = g * units;
            parts[g] = new Vec($"{name}_{g}", units);
            writer.WriteLine($"{V} {parts[g].Name} = {Create(units, k => place.Element(first + k))};");
        }

        return new GatedVec(null, parts);
    }

    public void AddGateProducts(SourceWriter writer, Vec vector, WeightSpec matrix, GatedVec gates)
    {
        for (int g = 0; g < gates.Blocks.Length; g++)
        {
            AddRowsProduct(writer, vector, matrix, g, gates.Blocks[g]);
        }
    }

    public void AddBlockProduct(SourceWriter writer, Vec vector, WeightSpec matrix, int block, Vec target) =>
        AddRowsProduct(writer, vector, matrix, block, target);

    public void Multiply(SourceWriter writer, Vec a, Vec b, Vec result) =>
        writer.WriteLine($"{result.Name} = {Register(a)} * {Register(b)};");

    public void MultiplyAdd(SourceWriter writer, Vec a, Vec b, Vec target) =>
        writer.WriteLine($"{target.Name} = Vector128.MultiplyAddEstimate({Register(a)}, {Register(b)}, {target.Name});");

    // z ⊙ previous + (1 − z) ⊙ target = target + z ⊙ (previous − target): one fused multiply-add.
    public void Interpolate(SourceWriter writer, Vec z, Vec previous, Vec target) =>
        writer.WriteLine($"{target.Name} = Vector128.MultiplyAddEstimate({Register(z)}, {Register(previous)} - {target.Name}, {target.Name});");

    /// <summary><c>accumulator += vector·matrix[:, block]</c>: one broadcast multiply-add per row (the whole row without blocks).</summary>
    private static void AddRowsProduct(SourceWriter writer, Vec vector, WeightSpec matrix, int? block, Vec accumulator)
    {
        for (int i = 0; i < vector.Length; i++)
        {
            writer.WriteLine($"{accumulator.Name} = Vector128.MultiplyAddEstimate(Vector128.Create({Element(vector, i)}), {Row(matrix, i, block)}, {accumulator.Name});");
        }
    }

    /// <summary>
    /// <c>kernel{i}</c>, <c>recurrent{i}</c>, <c>bias</c>; a gated layer's block g of them <c>kernel{i}_{g}</c>, <c>recurrent{i}_{g}</c>,
    /// <c>bias_{g}</c> (<c>bias{row}_{g}</c> for reset_after's two rows).
    /// </summary>
    private static string Row(WeightSpec weight, int i, int? block)
    {
        string suffix = block is int g ? $"_{g}" : "";
        return weight.Name switch
        {
            LayerWeights.RecurrentKernel => $"recurrent{i}{suffix}",
            LayerWeights.Bias => (weight.IsVector ? "bias" : $"bias{i}") + suffix,
            _ => $"kernel{i}{suffix}",
        };
    }

    private static string Element(Vec vector, int k) => vector.Memory is Place place ? place.Element(k) : $"Vector128.GetElement({vector.Name}, {k})";

    /// <summary>The vector as a register: its name, or, for one left in memory, its elements gathered.</summary>
    private static string Register(Vec vector) => vector.Memory is Place place ? Create(vector.Length, place.Element) : vector.Name;

    /// <summary><c>Vector128.Create(e0, e1, e2, 0f)</c>: a row padded with zeros to four lanes.</summary>
    private static string Create(int length, System.Func<int, string> element)
    {
        var row = new StringBuilder("Vector128.Create(");
        for (int k = 0; k < Lanes; k++)
        {
            row.Append(k == 0 ? "" : ", ").Append(k < length ? element(k) : "0f");
        }

        return row.Append(')').ToString();
    }
}
