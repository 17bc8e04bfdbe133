using System.Text.Json;

namespace RnnGen.Tests.Reference;

/// <summary>One array of a keras-js fixture: its values row-major and its Keras shape.</summary>
internal sealed record KerasJsTensor(double[] Data, int[] Shape);

/// <summary>
/// One keras-js case: a single-layer model's input <c>[T, F]</c>, the layer's <c>get_weights()</c>
/// arrays in order, and Keras' output (<c>[units]</c>, or <c>[T, units]</c> with return_sequences).
/// </summary>
internal sealed record KerasJsCase(KerasJsTensor Input, KerasJsTensor[] Weights, KerasJsTensor Expected)
{
    /// <summary>T, the input's steps.</summary>
    public int TimeSteps => Input.Shape[0];

    /// <summary>F, the width of each input step.</summary>
    public int Features => Input.Shape[1];

    /// <summary>The weights one after another: the layer's parameters in <c>get_weights()</c> order.</summary>
    public double[] Parameters => [.. Weights.SelectMany(weight => weight.Data)];

    /// <summary>U: the recurrent kernel <c>[U, G·U]</c> has U rows for every cell kind (G = 1, 3, 4).</summary>
    public int Units => Weights[1].Shape[0];
}

/// <summary>
/// Reads the Keras 2.1.2 fixtures of keras-js (<c>shared/data/keras-js/{SimpleRNN,LSTM,GRU}.json</c>,
/// which live beside the repository, never inside it; see the README there for each case's options).
/// Every file has the same shape of case, whatever the cell kind.
/// </summary>
internal static class KerasJsFixtures
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>Case <c>recurrent.{layer}.{n}</c> of <c>{layer}.json</c>, e.g. <c>("SimpleRNN", 3)</c>.</summary>
    /// <exception cref="KeyNotFoundException">The file has no such case.</exception>
    public static KerasJsCase Load(string layer, int n) => LoadFile(layer)[$"recurrent.{layer}.{n}"];

    /// <summary>Every case of <c>{layer}.json</c>, keyed <c>recurrent.{layer}.{n}</c>.</summary>
    /// <exception cref="FileNotFoundException">No folder above the test binaries holds <c>shared/data/keras-js/{layer}.json</c>.</exception>
    public static IReadOnlyDictionary<string, KerasJsCase> LoadFile(string layer)
    {
        using FileStream stream = File.OpenRead(PathOf($"{layer}.json"));
        return JsonSerializer.Deserialize<Dictionary<string, KerasJsCase>>(stream, Options)
            ?? throw new InvalidDataException($"{layer}.json holds no cases.");
    }

    /// <summary>Walks up from the test binaries until a folder holds <c>shared/data/keras-js/{fileName}</c>.</summary>
    private static string PathOf(string fileName)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "data", "keras-js", fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(
            $"shared/data/keras-js/{fileName} was not found in any folder above {AppContext.BaseDirectory}; the tests expect ../shared beside the repository.");
    }
}
