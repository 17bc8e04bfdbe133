using System.Text;
using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emit.Stack;

/// <summary>
/// A layer's vector in one <c>Vector128</c> register and each weight row in another (lanes past the
/// row's length are zero and stay inert), so a time step is a chain of fused multiply-adds and one
/// vector activation: the shortest dependency chain, for layers of up to four units. Vectors read
/// from memory are left there and broadcast element by element. Forward only: these layers' BPTT is
/// unrolled scalar code (<see cref="ScalarBackend.Unrolled"/>).
/// </summary>
internal sealed class RegisterBackend : IVectorBackend
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
        writer.WriteLine($"// {layer.Name}'s weights, one Vector128 per row.");
        foreach (WeightSpec weight in layer.Weights)
        {
            for (int i = 0; i < weight.Rows; i++)
            {
                int row = weight.Offset + i * weight.Columns;
                writer.WriteLine($"{V} {Row(weight, i)} = {Create(weight.Columns, k => $"parameters[{row + k}]")};");
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

    public Vec Affine(SourceWriter writer, string name, WeightSpec? bias, Place home)
    {
        writer.WriteLine($"{V} {name} = {(bias is null ? V + ".Zero" : Row(bias, 0))};");
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

    public void AddProduct(SourceWriter writer, Vec vector, WeightSpec matrix, Vec accumulator)
    {
        for (int i = 0; i < vector.Length; i++)
        {
            writer.WriteLine($"{accumulator.Name} = Vector128.MultiplyAddEstimate(Vector128.Create({Element(vector, i)}), {Row(matrix, i)}, {accumulator.Name});");
        }
    }

    public void Activate(SourceWriter writer, Activation activation, Vec values)
    {
        if (activation != Activation.Linear)
        {
            writer.WriteLine($"{values.Name} = VectorMath.{activation}({values.Name});");
        }
    }

    /// <summary><c>kernel{i}</c>, <c>recurrent{i}</c>, <c>bias</c>.</summary>
    private static string Row(WeightSpec weight, int i) => weight.Name switch
    {
        LayerWeights.RecurrentKernel => $"recurrent{i}",
        LayerWeights.Bias => "bias",
        _ => $"kernel{i}",
    };

    private static string Element(Vec vector, int k) => vector.Memory is Place place ? place.Element(k) : $"Vector128.GetElement({vector.Name}, {k})";

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
