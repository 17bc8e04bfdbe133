using System.Text.Json;

namespace RnnGen.Tests.Reference;

/// <summary>A tensor of a PyTorch fixture: its shape and values, row-major.</summary>
internal sealed record TorchTensor(int[] Shape, double[] Data);

/// <summary>
/// One module of a PyTorch fixture: <c>nn.RNN</c> / <c>nn.LSTM</c> / <c>nn.GRU</c> (Type, InputSize,
/// HiddenSize, NumLayers, Bidirectional) or <c>nn.Linear</c> (InFeatures, OutFeatures); Prefix is its
/// state_dict prefix (<c>"lstm."</c>, or empty for a model that is only this module).
/// </summary>
internal sealed record TorchModule(
    string Type, string Prefix, int InputSize, int HiddenSize, int NumLayers, bool Bidirectional, int InFeatures, int OutFeatures);

/// <summary>
/// One case written by <c>tests/fixtures/pytorch/make_fixtures.py</c>: the modules in order, the input
/// (batch 1, so its values are <c>[t * F + f]</c> whether batch_first or not), PyTorch's output y (the
/// whole sequence, or the last step's: each direction's final h), the MSE target and loss, and the
/// parameters and their gradients and the input's gradient, by state_dict name in PyTorch's layout.
/// A single recurrent module also has its initial state (<c>h_0</c>, and <c>c_0</c> for an LSTM,
/// <c>[num_layers · directions, 1, H]</c>), final state (<c>h_n</c>, <c>c_n</c>) and the gradient with
/// respect to the initial state; null for the stack, which starts from zeros.
/// </summary>
internal sealed record PyTorchCase(
    TorchModule[] Layers,
    int TimeSteps,
    int Features,
    bool BatchFirst,
    string Output,
    TorchTensor Input,
    TorchTensor Y,
    TorchTensor Target,
    double Loss,
    Dictionary<string, TorchTensor> Parameters,
    Dictionary<string, TorchTensor> Gradients,
    TorchTensor InputGradient,
    Dictionary<string, TorchTensor>? InitialState = null,
    Dictionary<string, TorchTensor>? FinalState = null,
    Dictionary<string, TorchTensor>? InitialStateGradient = null);

/// <summary>Reads the PyTorch fixtures committed under <c>tests/fixtures/pytorch/</c> (see the README there).</summary>
internal static class PyTorchFixtures
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    /// <summary>The case names (file names without <c>.json</c>), sorted.</summary>
    public static IReadOnlyList<string> Names() =>
        [.. Directory.GetFiles(Folder(), "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!];

    /// <summary>Case <c>{name}.json</c>.</summary>
    public static PyTorchCase Load(string name)
    {
        using FileStream stream = File.OpenRead(Path.Combine(Folder(), $"{name}.json"));
        return JsonSerializer.Deserialize<PyTorchCase>(stream, Options) ?? throw new InvalidDataException($"{name}.json holds no case.");
    }

    /// <summary>Walks up from the test binaries to the repository folder that holds <c>tests/fixtures/pytorch</c>.</summary>
    private static string Folder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tests", "fixtures", "pytorch");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"tests/fixtures/pytorch was not found in any folder above {AppContext.BaseDirectory}.");
    }
}
