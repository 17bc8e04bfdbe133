using System.Text.Json;

namespace RnnGen.Tests.Reference;

/// <summary>One array of a keras-js fixture: its values row-major and its Keras shape.</summary>
internal sealed record KerasJsTensor(double[] Data, int[] Shape);

/// <summary>
/// One keras-js case: a single-layer model's input <c>[T, F]</c>, the layer's <c>get_weights()</c>
/// arrays in order, and Keras' output (<c>[units]</c>, or <c>[T, units]</c> with return_sequences).
/// </summary>
internal sealed record KerasJsCase(KerasJsTensor Input, KerasJsTensor[] Weights, KerasJsTensor Expected);

/// <summary>
/// Reads the Keras 2.1.2 fixtures of keras-js (<c>shared/data/keras-js/{SimpleRNN,LSTM,GRU}.json</c>,
/// which live beside the repository, never inside it; see the README there for each case's options).
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
