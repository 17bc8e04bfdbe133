using System.Text.Json;

namespace RnnGen.Tests.Interop.Keras;

/// <summary>
/// What <c>tests/fixtures/keras/make_files.py</c> recorded for one file: the weights in <c>model.get_weights()</c>
/// order (float32 values, each flattened row-major, with its shape), one input sequence <c>[t * F + f]</c>, and the
/// output its float64 implementation of Keras' layers computes from those weights.
/// </summary>
internal sealed record KerasCase(double[][] Weights, int[][] Shapes, double[] Input, double[] Output);

/// <summary>The Keras-layout files committed under <c>tests/fixtures/keras/</c> (see the README there) and their expected.json.</summary>
internal static class KerasFixtures
{
    private static readonly Lazy<Dictionary<string, KerasCase>> Cases = new(() =>
    {
        using FileStream stream = File.OpenRead(Path(""));
        return JsonSerializer.Deserialize<Dictionary<string, KerasCase>>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidDataException("expected.json holds no cases.");
    });

    /// <summary>Every recorded file name, sorted: <c>{case}.keras</c>, <c>{case}.weights.h5</c>, <c>{case}.model.h5</c>, <c>{case}.legacy.h5</c>.</summary>
    public static IEnumerable<string> Files() => Cases.Value.Keys.Order(StringComparer.Ordinal);

    public static KerasCase Case(string file) => Cases.Value[file];

    /// <summary>The file's path (expected.json's for an empty name).</summary>
    public static string Path(string file) => System.IO.Path.Combine(Folder(), file.Length == 0 ? "expected.json" : file);

    /// <summary>The file's weights end to end, as Parameters holds them.</summary>
    public static float[] Parameters(KerasCase c) => [.. c.Weights.SelectMany(static w => w).Select(static v => (float)v)];

    private static string Folder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = System.IO.Path.Combine(dir.FullName, "tests", "fixtures", "keras");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"tests/fixtures/keras was not found in any folder above {AppContext.BaseDirectory}.");
    }
}
