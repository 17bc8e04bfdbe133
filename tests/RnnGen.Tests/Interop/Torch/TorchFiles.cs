using System.Text.Json;

namespace RnnGen.Tests.Interop.Torch;

/// <summary>One case of <c>tests/fixtures/torch-files</c>: an input <c>[t * 3 + f]</c> and PyTorch's output for it (float64, the stored weights upcast).</summary>
internal sealed record TorchFileCase(string Model, string Dtype, int TimeSteps, int Features, string[] Keys, double[] Input, double[] Output);

/// <summary>The files <c>tests/fixtures/torch-files/make_files.py</c> wrote with PyTorch 1.13 (see the README there).</summary>
internal static class TorchFiles
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The path of file <paramref name="name"/> (e.g. <c>lstm.pt</c>).</summary>
    public static string Path(string name) => System.IO.Path.Combine(Folder(), name);

    /// <summary>Case <c>{name}.json</c>.</summary>
    public static TorchFileCase Case(string name) =>
        JsonSerializer.Deserialize<TorchFileCase>(File.ReadAllText(Path(name + ".json")), Options) ?? throw new InvalidDataException($"{name}.json holds no case.");

    /// <summary>A new model of the declaration that case <paramref name="name"/> loads into.</summary>
    public static IRnnModel Model(string name) => name switch
    {
        "rnn_tanh" or "rnn_float64" => new TorchFileRnnTanh(seed: 3),
        "rnn_relu_sequence" => new TorchFileRnnReluSequence(seed: 3),
        "lstm" or "lstm_float16" => new TorchFileLstm(seed: 3),
        "gru" or "gru_bfloat16" => new TorchFileGru(seed: 3),
        "lstm_stacked" => new TorchFileLstmStacked(seed: 3),
        "gru_bidirectional" => new TorchFileGruBidirectional(seed: 3),
        "lstm_bidirectional_stacked" => new TorchFileLstmBidirectionalStacked(seed: 3),
        "gru_no_bias" => new TorchFileGruNoBias(seed: 3),
        _ => throw new ArgumentException($"No model for case '{name}'.", nameof(name)),
    };

    private static string Folder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = System.IO.Path.Combine(dir.FullName, "tests", "fixtures", "torch-files");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"tests/fixtures/torch-files was not found in any folder above {AppContext.BaseDirectory}.");
    }
}
