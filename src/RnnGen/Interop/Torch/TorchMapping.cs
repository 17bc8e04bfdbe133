namespace RnnGen.Interop.Torch;

/// <summary>
/// Maps a state_dict's modules onto a model's layers by order and converts their tensors into Keras'
/// <c>get_weights()</c> layout (<see cref="ModelLayout.Weights"/>): an <c>nn.RNN</c>/<c>nn.LSTM</c>/<c>nn.GRU</c>
/// with num_layers k onto the next k recurrent layers (each Bidirectional iff the module is), an <c>nn.Linear</c>
/// onto the next Dense layer. Matrices are transposed (<c>[G·H, in]</c> → <c>[in, G·U]</c>); LSTM gates i, f, g, o
/// keep their order (g is Keras' c), GRU gates r, z, n become z, r, h; RNN and LSTM biases are summed
/// (<c>bias_ih + bias_hh</c>), a GRU's two are the two rows of its reset_after bias <c>[2, 3U]</c>.
/// </summary>
internal static class TorchMapping
{
    private static readonly int[] RnnBlocks = [0], LstmBlocks = [0, 1, 2, 3], GruBlocks = [1, 0, 2];

    /// <summary>Every parameter of <paramref name="layout"/>, from <paramref name="tensors"/>; nothing is written anywhere else.</summary>
    /// <param name="tensors">The file's tensors.</param>
    /// <param name="ordered">Whether the tensors are in state_dict order (a torch.save file); a safetensors file's are not, and its modules are ordered by which layers they fit.</param>
    /// <param name="layout">The model's layout.</param>
    /// <param name="source">The file, for messages.</param>
    /// <exception cref="InvalidDataException">The modules do not map onto the layers; the message names the layer, the module or tensor, and what was expected and found.</exception>
    public static float[] Parameters(IReadOnlyList<StoredTensor> tensors, bool ordered, ModelLayout layout, string source)
    {
        List<TorchModule> modules = TorchModule.Group(tensors, source);
        if (!ordered)
        {
            modules = Order(modules, layout, source);
        }

        var parameters = new float[layout.ParameterCount];
        int next = 0;
        foreach (TorchModule module in modules)
        {
            if (next + module.Span > layout.Layers.Count)
            {
                throw new InvalidDataException(next >= layout.Layers.Count
                    ? $"{source}: {module} is left over: the model's {layout.Layers.Count} layers ({Layers(layout, 0)}) already have their weights from the modules before it."
                    : $"{source}: {module} needs {module.Span} layers from layer {next}, but the model has {layout.Layers.Count - next} left ({Layers(layout, next)}).");
            }

            for (int k = 0; k < module.Span; k++)
            {
                LayerLayout layer = layout.Layers[next + k];
                Check(module, k, layer, next + k, source);
                if (module.Kind == TorchModuleKind.Linear)
                {
                    Linear(module, layer, parameters, source);
                }
                else
                {
                    Recurrent(module, k, layer, parameters, source);
                }
            }

            next += module.Span;
        }

        if (next < layout.Layers.Count)
        {
            throw new InvalidDataException(
                $"{source}: the model's layers from layer {next} ({Layers(layout, next)}) have no module in the file; its modules are {string.Join("; ", modules)}.");
        }

        return parameters;
    }

    // Whether layer `index` is what sublayer k of the module maps onto, with the same sizes and options.
    private static void Check(TorchModule module, int k, LayerLayout layer, int index, string source)
    {
        string Mismatch(string what) => $"{source}: layer {index} ({layer.Name}, {layer.Settings}) cannot take {module}{(module.Span > 1 ? $" (its layer {k})" : "")}: {what}.";
        LayerKind kind = module.Kind switch
        {
            TorchModuleKind.Rnn => LayerKind.SimpleRnn,
            TorchModuleKind.Lstm => LayerKind.Lstm,
            TorchModuleKind.Gru => LayerKind.Gru,
            _ => LayerKind.Dense,
        };
        if (layer.Kind != kind)
        {
            throw new InvalidDataException(Mismatch($"expected the weights of a {LayerWeights.ClassName(layer.Kind)} layer, found those of an {module.ClassName}"));
        }

        if (kind == LayerKind.Gru && !layer.Settings.ResetAfter)
        {
            throw new InvalidDataException(Mismatch(
                "PyTorch's GRU applies the reset gate after the recurrent product (Keras' reset_after=True); a GRU with ResetAfter = false computes other equations, so no PyTorch GRU maps onto it: declare the layer with ResetAfter = true"));
        }

        if (layer.Units != module.HiddenSize)
        {
            throw new InvalidDataException(Mismatch(FormattableString.Invariant(
                $"expected {layer.Units} units, found {(kind == LayerKind.Dense ? "out_features" : "hidden_size")} {module.HiddenSize}")));
        }

        if (layer.Settings.Bidirectional != module.Bidirectional)
        {
            throw new InvalidDataException(Mismatch(layer.Settings.Bidirectional
                ? "expected a bidirectional module (with _reverse tensors), found one direction"
                : "expected one direction, found a bidirectional module (with _reverse tensors)"));
        }

        if (layer.Settings.UseBias != module.HasBias)
        {
            throw new InvalidDataException(Mismatch(layer.Settings.UseBias
                ? $"expected biases (UseBias = true), found none: the file has no tensor {(kind == LayerKind.Dense ? $"'{module.Key("bias")}'" : FormattableString.Invariant($"'{module.Key($"bias_ih_l{k}")}'"))}"
                : $"expected no biases (UseBias = false), found {string.Join(", ", module.Tensors.Keys.Where(static n => n.StartsWith("bias", StringComparison.Ordinal)).Select(module.Key))}"));
        }

        if (k == 0 && layer.InputSize != module.InputSize)
        {
            throw new InvalidDataException(Mismatch(FormattableString.Invariant(
                $"expected an input size of {layer.InputSize}, found {(kind == LayerKind.Dense ? "in_features" : "input_size")} {module.InputSize}")));
        }
    }

    private static void Linear(TorchModule module, LayerLayout layer, float[] parameters, string source)
    {
        StoredTensor weight = Tensor(module, "weight", [layer.Units, layer.InputSize], layer, source);
        ExpectOnly(module, module.HasBias ? ["weight", "bias"] : ["weight"], layer, source);
        WeightLayout kernel = layer.Weights[0];
        for (int o = 0; o < layer.Units; o++)
        {
            for (int i = 0; i < layer.InputSize; i++)
            {
                Put(parameters, kernel.Offset + i * layer.Units + o, weight, o * layer.InputSize + i, source);
            }
        }

        if (module.HasBias)
        {
            StoredTensor bias = Tensor(module, "bias", [layer.Units], layer, source);
            for (int o = 0; o < layer.Units; o++)
            {
                Put(parameters, layer.Weights[1].Offset + o, bias, o, source);
            }
        }
    }

    private static void Recurrent(TorchModule module, int k, LayerLayout layer, float[] parameters, string source)
    {
        int units = layer.Units, gates = module.Gates, inputs = layer.InputSize;
        int[] blocks = module.Kind switch { TorchModuleKind.Lstm => LstmBlocks, TorchModuleKind.Gru => GruBlocks, _ => RnnBlocks };
        int directions = module.Bidirectional ? 2 : 1, perDirection = module.HasBias ? 3 : 2;
        for (int d = 0; d < directions; d++)
        {
            string suffix = FormattableString.Invariant($"_l{k}{(d == 1 ? "_reverse" : "")}");
            StoredTensor inputWeight = Tensor(module, $"weight_ih{suffix}", [gates * units, inputs], layer, source);
            StoredTensor recurrentWeight = Tensor(module, $"weight_hh{suffix}", [gates * units, units], layer, source);
            Transposed(inputWeight, inputs, units, blocks, parameters, layer.Weights[d * perDirection].Offset, source);
            Transposed(recurrentWeight, units, units, blocks, parameters, layer.Weights[d * perDirection + 1].Offset, source);
            if (!module.HasBias)
            {
                continue;
            }

            StoredTensor inputBias = Tensor(module, $"bias_ih{suffix}", [gates * units], layer, source);
            StoredTensor recurrentBias = Tensor(module, $"bias_hh{suffix}", [gates * units], layer, source);
            int bias = layer.Weights[d * perDirection + 2].Offset;
            for (int b = 0; b < blocks.Length; b++)
            {
                for (int u = 0; u < units; u++)
                {
                    int from = blocks[b] * units + u, to = b * units + u;
                    if (module.Kind == TorchModuleKind.Gru)
                    {
                        // Keras' reset_after bias [2, 3U]: row 0 the input bias, row 1 the recurrent bias.
                        Put(parameters, bias + to, inputBias, from, source);
                        Put(parameters, bias + gates * units + to, recurrentBias, from, source);
                    }
                    else
                    {
                        Put(parameters, bias + to, inputBias.Values[from] + recurrentBias.Values[from], inputBias, from, source);
                    }
                }
            }
        }

        if (k == module.Layers - 1)
        {
            ExpectOnly(module, [.. Enumerable.Range(0, module.Layers).SelectMany(l => Names(l, directions, module.HasBias))], layer, source);
        }
    }

    private static IEnumerable<string> Names(int k, int directions, bool hasBias)
    {
        foreach (string suffix in directions == 2 ? new[] { FormattableString.Invariant($"_l{k}"), FormattableString.Invariant($"_l{k}_reverse") } : [FormattableString.Invariant($"_l{k}")])
        {
            yield return "weight_ih" + suffix;
            yield return "weight_hh" + suffix;
            if (hasBias)
            {
                yield return "bias_ih" + suffix;
                yield return "bias_hh" + suffix;
            }
        }
    }

    // PyTorch [G·H, in] (gate blocks of H rows) → Keras [in, G·U] with Keras' block b taken from PyTorch's block blocks[b].
    private static void Transposed(StoredTensor weight, int inputs, int units, int[] blocks, float[] parameters, int offset, string source)
    {
        int columns = blocks.Length * units;
        for (int b = 0; b < blocks.Length; b++)
        {
            for (int u = 0; u < units; u++)
            {
                for (int i = 0; i < inputs; i++)
                {
                    Put(parameters, offset + i * columns + b * units + u, weight, (blocks[b] * units + u) * inputs + i, source);
                }
            }
        }
    }

    private static StoredTensor Tensor(TorchModule module, string name, int[] shape, LayerLayout layer, string source)
    {
        StoredTensor tensor = module.Tensors.GetValueOrDefault(name)
            ?? throw new InvalidDataException(
                $"{source}: {module} has no tensor '{module.Key(name)}' (shape {StoredTensor.ShapeOf(shape)}), which layer {layer.Name} ({layer.Settings}) needs.");
        if (!tensor.Shape.AsSpan().SequenceEqual(shape))
        {
            throw new InvalidDataException(
                $"{source}: tensor '{tensor.Name}' has shape {tensor.ShapeText}; layer {layer.Name} ({layer.Settings}) expects {StoredTensor.ShapeOf(shape)}.");
        }

        return tensor;
    }

    private static void ExpectOnly(TorchModule module, IReadOnlyCollection<string> expected, LayerLayout layer, string source)
    {
        string[] extra = [.. module.Tensors.Keys.Where(n => !expected.Contains(n)).Select(module.Key)];
        if (extra.Length > 0)
        {
            throw new InvalidDataException(
                $"{source}: {module} has the tensors {string.Join(", ", extra)}, which no weight of layer {layer.Name} ({layer.Settings}) takes.");
        }
    }

    private static void Put(float[] parameters, int index, StoredTensor tensor, int element, string source) =>
        Put(parameters, index, tensor.Values[element], tensor, element, source);

    private static void Put(float[] parameters, int index, double value, StoredTensor tensor, int element, string source)
    {
        float single = (float)value;
        parameters[index] = float.IsFinite(single)
            ? single
            : throw new InvalidDataException(FormattableString.Invariant(
                $"{source}: element {element} of tensor '{tensor.Name}' is {value}, which is not a finite float32."));
    }

    private static string Layers(ModelLayout layout, int from) =>
        string.Join(", ", layout.Layers.Skip(from).Select(static l => $"{l.Name}: {l.Settings}"));

    // A safetensors file keeps no module order: the modules go in the one order in which each fits the layers it lands on.
    private static List<TorchModule> Order(List<TorchModule> modules, ModelLayout layout, string source)
    {
        var orders = new List<TorchModule[]>();
        Search(modules, layout, new List<TorchModule>(), new bool[modules.Count], 0, orders);
        string found = string.Join("; ", modules);
        if (orders.Count == 0)
        {
            throw new InvalidDataException(
                $"{source}: its modules ({found}) fit the model's layers ({Layers(layout, 0)}) in no order (a safetensors file keeps no module order, so every order was tried).");
        }

        if (orders.Count > 1)
        {
            int layerAt = 0, at = 0;
            while (orders[0][at] == orders[1][at])
            {
                layerAt += orders[0][at].Span;
                at++;
            }

            throw new InvalidDataException(
                $"{source}: both {orders[0][at]} and {orders[1][at]} fit from layer {layerAt} ({layout.Layers[layerAt].Name}), and a safetensors file keeps no module order, "
                + "so which goes where is unknown; load the torch.save(state_dict) file, which keeps it.");
        }

        return [.. orders[0]];
    }

    private static void Search(List<TorchModule> modules, ModelLayout layout, List<TorchModule> order, bool[] used, int layer, List<TorchModule[]> orders)
    {
        if (orders.Count > 1)
        {
            return;
        }

        if (order.Count == modules.Count)
        {
            if (layer == layout.Layers.Count)
            {
                orders.Add([.. order]);
            }

            return;
        }

        for (int m = 0; m < modules.Count; m++)
        {
            if (!used[m] && Fits(modules[m], layout, layer))
            {
                used[m] = true;
                order.Add(modules[m]);
                Search(modules, layout, order, used, layer + modules[m].Span, orders);
                order.RemoveAt(order.Count - 1);
                used[m] = false;
            }
        }
    }

    // Kind, sizes and direction: what places a module; biases and options are checked, with their own messages, once placed.
    private static bool Fits(TorchModule module, ModelLayout layout, int from)
    {
        if (from + module.Span > layout.Layers.Count || layout.Layers[from].InputSize != module.InputSize)
        {
            return false;
        }

        for (int k = 0; k < module.Span; k++)
        {
            LayerLayout layer = layout.Layers[from + k];
            bool kind = (module.Kind, layer.Kind) is (TorchModuleKind.Rnn, LayerKind.SimpleRnn) or (TorchModuleKind.Lstm, LayerKind.Lstm)
                or (TorchModuleKind.Gru, LayerKind.Gru) or (TorchModuleKind.Linear, LayerKind.Dense);
            if (!kind || layer.Units != module.HiddenSize || layer.Settings.Bidirectional != module.Bidirectional)
            {
                return false;
            }
        }

        return true;
    }
}
