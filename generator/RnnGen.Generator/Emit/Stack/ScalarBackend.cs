using System.Collections.Generic;
using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emit.Stack;

/// <summary>
/// One local per element, every weight in a local, every operation written out element by element:
/// a time step is straight-line code with no loop or call overhead. The element is a float
/// (<see cref="Unrolled"/>), or a <c>Vector{width}&lt;float&gt;</c> holding one sequence per lane
/// (<see cref="Lanes"/>), which turns PredictBatch of a small model from a latency-bound chain into
/// throughput that grows with vector width.
/// </summary>
internal sealed class ScalarBackend : IGateGradientBackend
{
    /// <summary>Floats per element in a lane buffer: the most lanes any width has (AVX-512's).</summary>
    public const int LaneStride = 16;

    public static readonly ScalarBackend Unrolled = new(width: 0);

    private static readonly ScalarBackend[] LaneBackends = [new(512), new(256), new(128)];

    /// <summary>Bits of the lanes' vector, or 0 for floats.</summary>
    private readonly int _width;

    private ScalarBackend(int width) => _width = width;

    /// <summary><c>Vector512</c>, <c>Vector256</c>, <c>Vector128</c>: the widths PredictBatch dispatches on.</summary>
    public static int[] LaneWidths => [512, 256, 128];

    private string Type => _width == 0 ? "float" : $"{VectorClass}<float>";

    private string VectorClass => $"Vector{_width}";

    /// <summary>The backend holding one sequence per lane of a <c>Vector{width}</c>.</summary>
    public static ScalarBackend Lanes(int width) => LaneBackends[System.Array.IndexOf(LaneWidths, width)];

    public void DeclareWeights(SourceWriter writer, LayerSpec layer)
    {
        writer.WriteLine(_width == 0
            ? $"// {layer.Name}'s weights, one local each (k: kernel, r: recurrent kernel, b: bias)."
            : $"// {layer.Name}'s weights, each broadcast to every lane (k: kernel, r: recurrent kernel, b: bias).");
        foreach (WeightSpec weight in layer.Weights)
        {
            for (int i = 0; i < weight.Rows; i++)
            {
                var row = new List<string>(weight.Columns);
                for (int j = 0; j < weight.Columns; j++)
                {
                    int index = weight.Offset + i * weight.Columns + j;
                    row.Add($"{Weight(weight, i, j)} = " + (_width == 0 ? $"parameters[{index}]" : $"{VectorClass}.Create(parameters[{index}])"));
                }

                writer.WriteWrapped(Type + " ", row, ",", ";");
            }
        }
    }

    public Vec Read(SourceWriter writer, string name, Place place) => Load(writer, name, place);

    public Vec Load(SourceWriter writer, string name, Place place) => Declare(writer, name, place.Length, k => ReadElement(place, k));

    public Vec Zero(SourceWriter writer, string name, Place home) => Declare(writer, name, home.Length, _ => ZeroElement);

    public Vec Declare(SourceWriter writer, string name, Place home)
    {
        writer.WriteWrapped(Type + " ", Elements(name, home.Length), ",", ";");
        return new Vec(name, home.Length);
    }

    public Vec Copy(SourceWriter writer, string name, Vec source, Place home) => Declare(writer, name, source.Length, k => $"{source.Name}{k}");

    public Vec Affine(SourceWriter writer, string name, WeightSpec? bias, Place home) =>
        Declare(writer, name, home.Length, k => bias is null ? ZeroElement : Weight(bias, 0, k));

    public Vec Assign(SourceWriter writer, Vec target, Vec source)
    {
        for (int k = 0; k < target.Length; k++)
        {
            writer.WriteLine($"{target.Name}{k} = {source.Name}{k};");
        }

        return target;
    }

    public void Store(SourceWriter writer, Vec vector, Place place)
    {
        for (int k = 0; k < vector.Length; k++)
        {
            writer.WriteLine(_width == 0
                ? $"{place.Element(k)} = {vector.Name}{k};"
                : $"{VectorClass}.CopyTo({vector.Name}{k}, {LaneSlice(place, k)});");
        }
    }

    public void AddProduct(SourceWriter writer, Vec vector, WeightSpec matrix, Vec accumulator) =>
        AddColumnsProduct(writer, vector, matrix, firstColumn: 0, accumulator);

    public void Activate(SourceWriter writer, Activation activation, Vec values)
    {
        if (activation == Activation.Linear)
        {
            return;
        }

        string function = _width == 0 ? "Activations" : "VectorMath";
        for (int k = 0; k < values.Length; k++)
        {
            writer.WriteLine($"{values.Name}{k} = {function}.{activation}({values.Name}{k});");
        }
    }

    // The BPTT operations below are written for floats only: PredictBatch, the one pass that runs
    // on lanes, has no backward.

    public void MultiplyByDerivative(SourceWriter writer, Activation activation, Vec outputs, Vec gradient)
    {
        for (int k = 0; k < gradient.Length; k++)
        {
            string? derivative = Names.Derivative(activation, $"{outputs.Name}{k}");
            if (derivative is not null)
            {
                writer.WriteLine($"{gradient.Name}{k} *= {derivative};");
            }
        }
    }

    public void MultiplyByTransposed(SourceWriter writer, WeightSpec matrix, Vec vector, Vec result)
    {
        for (int i = 0; i < result.Length; i++)
        {
            var terms = new List<string>(vector.Length);
            for (int j = 0; j < vector.Length; j++)
            {
                terms.Add($"{Weight(matrix, i, j)} * {vector.Name}{j}");
            }

            writer.WriteWrapped($"{result.Name}{i} = ", terms, " +", ";");
        }
    }

    public void Add(SourceWriter writer, Vec source, Vec target)
    {
        for (int k = 0; k < target.Length; k++)
        {
            writer.WriteLine($"{target.Name}{k} += {source.Name}{k};");
        }
    }

    public string BeginGradient(SourceWriter writer, WeightSpec weight)
    {
        string gradient = "g" + Prefix(weight);
        for (int i = 0; i < weight.Rows; i++)
        {
            var row = new List<string>(weight.Columns);
            for (int j = 0; j < weight.Columns; j++)
            {
                row.Add(Element(gradient, weight, i, j) + " = 0f");
            }

            writer.WriteWrapped("float ", row, ",", ";");
        }

        return gradient;
    }

    public void AddOuterProduct(SourceWriter writer, Vec? left, Vec right, WeightSpec weight, string gradient)
    {
        for (int i = 0; i < weight.Rows; i++)
        {
            for (int j = 0; j < weight.Columns; j++)
            {
                writer.WriteLine(left is null
                    ? $"{Element(gradient, weight, i, j)} += {right.Name}{j};"
                    : $"{Element(gradient, weight, i, j)} += {left.Name}{i} * {right.Name}{j};");
            }
        }
    }

    public void EndGradient(SourceWriter writer, WeightSpec weight, string gradient)
    {
        for (int i = 0; i < weight.Rows; i++)
        {
            for (int j = 0; j < weight.Columns; j++)
            {
                writer.WriteLine($"gradients[{weight.Offset + i * weight.Columns + j}] += {Element(gradient, weight, i, j)};");
            }
        }
    }

    // Gated layers (IGateBackend): each block of a gated vector is its own set of locals (name_g0, name_g1, ...),
    // so every other operation takes a block as it takes any vector, and products read the block's columns.

    public GatedVec GateAffine(SourceWriter writer, string name, int blocks, WeightSpec? bias, int biasRow, Place home)
    {
        int units = home.Length / blocks;
        var parts = new Vec[blocks];
        for (int g = 0; g < blocks; g++)
        {
            int first = biasRow * home.Length + g * units;
            parts[g] = Declare(writer, BlockName(name, g), units, k => bias is null ? ZeroElement : BiasElement(bias, first + k));
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
            parts[g] = Declare(writer, BlockName(name, g), units, k => ReadElement(place, first + k));
        }

        return new GatedVec(null, parts);
    }

    public void AddGateProducts(SourceWriter writer, Vec vector, WeightSpec matrix, GatedVec gates)
    {
        for (int g = 0; g < gates.Blocks.Length; g++)
        {
            AddColumnsProduct(writer, vector, matrix, g * gates.Blocks[g].Length, gates.Blocks[g]);
        }
    }

    public void AddBlockProduct(SourceWriter writer, Vec vector, WeightSpec matrix, int block, Vec target) =>
        AddColumnsProduct(writer, vector, matrix, block * target.Length, target);

    public void AddBlockTransposedProduct(SourceWriter writer, WeightSpec matrix, int block, Vec vector, Vec result)
    {
        for (int i = 0; i < result.Length; i++)
        {
            var terms = new List<string>(vector.Length + 1) { $"{result.Name}{i}" };
            for (int j = 0; j < vector.Length; j++)
            {
                terms.Add($"{Weight(matrix, i, block * vector.Length + j)} * {vector.Name}{j}");
            }

            writer.WriteWrapped($"{result.Name}{i} = ", terms, " +", ";");
        }
    }

    public void AddBlockOuterProduct(SourceWriter writer, Vec? left, Vec right, WeightSpec weight, int block, string gradient)
    {
        int first = block * right.Length;
        if (left is null)
        {
            // A bias's blocks run on over its rows (GRU reset_after's [2, 3U]: blocks 3 to 5 are the recurrent row).
            for (int j = 0; j < right.Length; j++)
            {
                writer.WriteLine($"{Element(gradient, weight, (first + j) / weight.Columns, (first + j) % weight.Columns)} += {right.Name}{j};");
            }

            return;
        }

        for (int i = 0; i < weight.Rows; i++)
        {
            for (int j = 0; j < right.Length; j++)
            {
                writer.WriteLine($"{Element(gradient, weight, i, first + j)} += {left.Name}{i} * {right.Name}{j};");
            }
        }
    }

    public void Multiply(SourceWriter writer, Vec a, Vec b, Vec result) =>
        ForEach(writer, result, k => $"{result.Name}{k} = {a.Name}{k} * {b.Name}{k};");

    public void MultiplyAdd(SourceWriter writer, Vec a, Vec b, Vec target) =>
        ForEach(writer, target, k => _width == 0
            ? $"{target.Name}{k} += {a.Name}{k} * {b.Name}{k};"
            : $"{target.Name}{k} = {VectorClass}.MultiplyAddEstimate({a.Name}{k}, {b.Name}{k}, {target.Name}{k});");

    public void Interpolate(SourceWriter writer, Vec z, Vec previous, Vec target) =>
        ForEach(writer, target, k => $"{target.Name}{k} += {z.Name}{k} * ({previous.Name}{k} - {target.Name}{k});");

    public void MultiplyByComplement(SourceWriter writer, Vec z, Vec source, Vec result) =>
        ForEach(writer, result, k => $"{result.Name}{k} = {source.Name}{k} - {z.Name}{k} * {source.Name}{k};");

    public void Subtract(SourceWriter writer, Vec a, Vec b, Vec result) =>
        ForEach(writer, result, k => $"{result.Name}{k} = {a.Name}{k} - {b.Name}{k};");

    /// <summary>Block g of <c>z</c>: its locals are <c>z_g_0</c>, <c>z_g_1</c>...</summary>
    private static string BlockName(string name, int block) => $"{name}_{block}_";

    /// <summary>Float <paramref name="index"/> of a bias, over all its rows (GRU reset_after's [2, 3U]).</summary>
    private static string BiasElement(WeightSpec bias, int index) =>
        bias.IsVector ? Weight(bias, 0, index) : Weight(bias, index / bias.Columns, index % bias.Columns);

    private static void ForEach(SourceWriter writer, Vec vector, System.Func<int, string> line)
    {
        for (int k = 0; k < vector.Length; k++)
        {
            writer.WriteLine(line(k));
        }
    }

    /// <summary><c>accumulator += vector·matrix[:, firstColumn ..]</c>, as many columns as the accumulator has.</summary>
    private void AddColumnsProduct(SourceWriter writer, Vec vector, WeightSpec matrix, int firstColumn, Vec accumulator)
    {
        for (int j = 0; j < accumulator.Length; j++)
        {
            string a = $"{accumulator.Name}{j}";
            int column = firstColumn + j;
            if (_width != 0)
            {
                for (int i = 0; i < vector.Length; i++)
                {
                    writer.WriteLine($"{a} = {VectorClass}.MultiplyAddEstimate({vector.Name}{i}, {Weight(matrix, i, column)}, {a});");
                }

                continue;
            }

            var products = new List<string>(vector.Length);
            for (int i = 0; i < vector.Length; i++)
            {
                products.Add($"{vector.Name}{i} * {Weight(matrix, i, column)}");
            }

            writer.WriteWrapped($"{a} = ", SumTerms(a, products), " +", ";");
        }
    }

    /// <summary>The most products a sum adds one after another; longer sums interleave <see cref="PartialSums"/> chains.</summary>
    private const int MaxChainedProducts = 8;

    /// <summary>The partial sums of a long dot product: four add latencies overlap where one chain waits on each.</summary>
    private const int PartialSums = 4;

    /// <summary>
    /// <c>start + p0 + p1 + …</c> for a few products; for more, <c>start + ((p0 + p4 + …) + (p1 + p5 + …)) + ((p2 + …) + (p3 + …))</c>,
    /// whose chains the CPU runs side by side (floats do not reassociate, so the parentheses are the order).
    /// </summary>
    private static List<string> SumTerms(string start, List<string> products)
    {
        var terms = new List<string>(products.Count + 1) { start };
        if (products.Count <= MaxChainedProducts)
        {
            terms.AddRange(products);
            return terms;
        }

        string[] opens = ["((", "(", "((", "("];
        string[] closes = [")", "))", ")", "))"];
        for (int chain = 0; chain < PartialSums; chain++)
        {
            int first = terms.Count;
            for (int i = chain; i < products.Count; i += PartialSums)
            {
                terms.Add(products[i]);
            }

            terms[first] = opens[chain] + terms[first];
            terms[terms.Count - 1] += closes[chain];
        }

        return terms;
    }

    private string ZeroElement => _width == 0 ? "0f" : $"{Type}.Zero";

    /// <summary><c>k</c>, <c>r</c>, <c>b</c>: the stem of a weight's locals.</summary>
    private static string Prefix(WeightSpec weight) => weight.Name switch
    {
        LayerWeights.RecurrentKernel => "r",
        LayerWeights.Bias => "b",
        _ => "k",
    };

    /// <summary><c>k{i}_{j}</c> for a matrix element, <c>b{j}</c> for a vector's.</summary>
    private static string Weight(WeightSpec weight, int i, int j) => Element(Prefix(weight), weight, i, j);

    private static string Element(string stem, WeightSpec weight, int i, int j) => weight.IsVector ? $"{stem}{j}" : $"{stem}{i}_{j}";

    private static string[] Elements(string name, int length)
    {
        string[] elements = new string[length];
        for (int k = 0; k < length; k++)
        {
            elements[k] = name + k;
        }

        return elements;
    }

    private string ReadElement(Place place, int k) => _width == 0 ? place.Element(k) : $"{VectorClass}.Create<float>({LaneSlice(place, k)})";

    /// <summary>Element k of a place in a lane buffer, <c>[element][lane]</c>: its row of lanes.</summary>
    private static string LaneSlice(Place place, int k) => $"{place.Span}.Slice({place.Scaled(k, LaneStride)}, {LaneStride})";

    private Vec Declare(SourceWriter writer, string name, int length, System.Func<int, string> initializer)
    {
        var elements = new List<string>(length);
        for (int k = 0; k < length; k++)
        {
            elements.Add($"{name}{k} = {initializer(k)}");
        }

        writer.WriteWrapped(Type + " ", elements, ",", ";");
        return new Vec(name, length);
    }
}
