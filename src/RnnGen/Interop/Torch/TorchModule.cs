using System.Globalization;
using System.Text.RegularExpressions;

namespace RnnGen.Interop.Torch;

/// <summary>The PyTorch modules RnnGen maps: <c>nn.RNN</c>, <c>nn.LSTM</c>, <c>nn.GRU</c> and <c>nn.Linear</c>.</summary>
internal enum TorchModuleKind
{
    Rnn,
    Lstm,
    Gru,
    Linear,
}

/// <summary>
/// One module of a state_dict: the tensors under one prefix (<c>rnn.weight_ih_l0</c> is tensor <c>weight_ih_l0</c> of
/// module <c>rnn</c>), what kind of module they are and its sizes, all read from the tensors' names and shapes. A
/// recurrent module's <c>weight_hh_l0</c> is <c>[G·H, H]</c> with G = 1, 4, 3 gate blocks for RNN, LSTM, GRU, which
/// fixes its kind; <c>num_layers</c> is one more than its largest <c>_l{k}</c>, and it is bidirectional when it has
/// <c>_reverse</c> tensors.
/// </summary>
internal sealed partial record TorchModule(
    string Prefix, TorchModuleKind Kind, int InputSize, int HiddenSize, int Layers, bool Bidirectional, bool HasBias, IReadOnlyDictionary<string, StoredTensor> Tensors)
{
    /// <summary>Layout layers the module maps onto: one per <c>num_layers</c>, one for a Linear.</summary>
    public int Span => Kind == TorchModuleKind.Linear ? 1 : Layers;

    /// <summary>Gate blocks: RNN 1, LSTM 4, GRU 3.</summary>
    public int Gates => Kind switch { TorchModuleKind.Lstm => 4, TorchModuleKind.Gru => 3, _ => 1 };

    /// <summary>PyTorch's class: <c>nn.RNN</c>, <c>nn.LSTM</c>, <c>nn.GRU</c> or <c>nn.Linear</c>.</summary>
    public string ClassName => Kind switch { TorchModuleKind.Rnn => "nn.RNN", TorchModuleKind.Lstm => "nn.LSTM", TorchModuleKind.Gru => "nn.GRU", _ => "nn.Linear" };

    /// <summary>The full state_dict name of this module's tensor <paramref name="tensor"/>.</summary>
    public string Key(string tensor) => Prefix.Length == 0 ? tensor : Prefix + "." + tensor;

    /// <summary>The module as PyTorch would construct it: <c>nn.LSTM(3, 5, num_layers=2, bidirectional=True)</c>, <c>nn.Linear(5, 1, bias=False)</c>.</summary>
    public override string ToString()
    {
        string sizes = FormattableString.Invariant($"{InputSize}, {HiddenSize}");
        string options = (Kind != TorchModuleKind.Linear && Layers != 1 ? FormattableString.Invariant($", num_layers={Layers}") : "")
            + (Bidirectional ? ", bidirectional=True" : "")
            + (HasBias ? "" : ", bias=False");
        string name = Prefix.Length == 0 ? "the state_dict's module" : $"module '{Prefix}'";
        return $"{name} {ClassName}({sizes}{options})";
    }

    /// <summary>The tensors grouped into modules by prefix, in the order each prefix first appears.</summary>
    /// <exception cref="InvalidDataException">A name appears twice, or a module's tensors are not those of a module RnnGen maps.</exception>
    public static List<TorchModule> Group(IReadOnlyList<StoredTensor> tensors, string source)
    {
        var prefixes = new List<string>();
        var groups = new Dictionary<string, Dictionary<string, StoredTensor>>(StringComparer.Ordinal);
        foreach (StoredTensor tensor in tensors)
        {
            int dot = tensor.Name.LastIndexOf('.');
            string prefix = dot < 0 ? "" : tensor.Name[..dot];
            if (!groups.TryGetValue(prefix, out Dictionary<string, StoredTensor>? group))
            {
                groups.Add(prefix, group = new Dictionary<string, StoredTensor>(StringComparer.Ordinal));
                prefixes.Add(prefix);
            }

            if (!group.TryAdd(tensor.Name[(dot + 1)..], tensor))
            {
                throw new InvalidDataException($"{source} is corrupt: it holds the tensor '{tensor.Name}' twice.");
            }
        }

        return [.. prefixes.Select(prefix => Classify(prefix, groups[prefix], source))];
    }

    private static TorchModule Classify(string prefix, Dictionary<string, StoredTensor> tensors, string source)
    {
        string Name(string tensor) => prefix.Length == 0 ? tensor : prefix + "." + tensor;
        string names = string.Join(", ", tensors.Keys);
        if (tensors.Keys.All(static n => n is "weight" or "bias") && tensors.TryGetValue("weight", out StoredTensor? weight) && weight.Shape.Length == 2)
        {
            return new TorchModule(prefix, TorchModuleKind.Linear, weight.Shape[1], weight.Shape[0], 1, false, tensors.ContainsKey("bias"), tensors);
        }

        if (tensors.Count == 0 || !tensors.Keys.All(static n => RecurrentName().IsMatch(n)))
        {
            throw new InvalidDataException(
                $"{source}: module '{prefix}' holds {names}, which is no layer RnnGen maps (nn.RNN, nn.LSTM and nn.GRU: weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0, ...; nn.Linear: weight, bias).");
        }

        StoredTensor inputWeight = tensors.GetValueOrDefault("weight_ih_l0")
            ?? throw new InvalidDataException($"{source}: recurrent module '{prefix}' ({names}) has no tensor '{Name("weight_ih_l0")}'.");
        StoredTensor recurrentWeight = tensors.GetValueOrDefault("weight_hh_l0")
            ?? throw new InvalidDataException($"{source}: recurrent module '{prefix}' ({names}) has no tensor '{Name("weight_hh_l0")}'.");
        int hidden = recurrentWeight.Shape is [_, int h] && h > 0 ? h : 0;
        TorchModuleKind? kind = hidden == 0 || inputWeight.Shape.Length != 2 ? null : (recurrentWeight.Shape[0] / hidden, recurrentWeight.Shape[0] % hidden) switch
        {
            (1, 0) => TorchModuleKind.Rnn,
            (4, 0) => TorchModuleKind.Lstm,
            (3, 0) => TorchModuleKind.Gru,
            _ => null,
        };
        if (kind is null)
        {
            throw new InvalidDataException(
                $"{source}: tensor '{Name("weight_hh_l0")}' has shape {recurrentWeight.ShapeText} (and weight_ih_l0 {inputWeight.ShapeText}); expected [H, H] (nn.RNN), [4H, H] (nn.LSTM) or [3H, H] (nn.GRU).");
        }

        int layers = tensors.Keys.Max(static n => int.Parse(RecurrentName().Match(n).Groups["layer"].Value, CultureInfo.InvariantCulture)) + 1;
        bool bidirectional = tensors.Keys.Any(static n => n.EndsWith("_reverse", StringComparison.Ordinal));
        bool hasBias = tensors.Keys.Any(static n => n.StartsWith("bias_", StringComparison.Ordinal));
        return new TorchModule(prefix, kind.Value, inputWeight.Shape[1], hidden, layers, bidirectional, hasBias, tensors);
    }

    [GeneratedRegex(@"^(weight|bias)_(ih|hh)_l(?<layer>[0-9]{1,4})(_reverse)?$", RegexOptions.CultureInvariant)]
    private static partial Regex RecurrentName();
}
