using RnnGen.Interop.Torch;

namespace RnnGen.Interop;

/// <summary>
/// Loads weights trained in PyTorch into a generated model, with no PyTorch installed: a <c>torch.save(state_dict)</c>
/// file (<c>.pt</c>, <c>.pth</c>) or a <c>.safetensors</c> file of <c>nn.RNN</c>, <c>nn.LSTM</c>, <c>nn.GRU</c> (any
/// <c>num_layers</c>, bidirectional or not, <c>batch_first</c> or not) and <c>nn.Linear</c> modules.
/// </summary>
/// <remarks>
/// <para>The state_dict's modules (its keys grouped by prefix: <c>rnn.weight_ih_l0</c> belongs to module <c>rnn</c>) map onto
/// the model's layers in order: a recurrent module with num_layers k onto the next k recurrent layers, each
/// <c>Bidirectional</c> exactly when the module is, an <c>nn.Linear</c> onto the next <c>Dense</c> layer; kind (from
/// <c>weight_hh_l0</c>'s shape <c>[G·H, H]</c>), hidden and input sizes, biases against <c>UseBias</c> and direction are
/// checked. Weights are transposed, LSTM and SimpleRNN biases summed (<c>bias_ih + bias_hh</c>), GRU gates r, z, n
/// reordered to Keras' z, r, h with its two biases as the two rows of the reset_after bias (the README's
/// "PyTorch ↔ RnnGen" table). A PyTorch GRU does not load into a <c>ResetAfter = false</c> layer: the equations differ.</para>
/// <para>A state_dict does not say <c>nn.RNN</c>'s nonlinearity (tanh or relu) or what the model computes between modules:
/// the model's declared activations are used. A <c>.safetensors</c> file keeps no module order; its modules are placed
/// in the one order in which their kinds and sizes fit the layers, and refused when two could trade places.</para>
/// <para>float32 tensors load as they are; float64, float16 and bfloat16 ones are converted to float32 (rounded to
/// nearest); any other element type is refused. The pickle inside a <c>.pt</c> file is never executed: it is read by
/// Razorvine.Pickle after a scan that refuses every opcode a state_dict does not need and every global but
/// <c>collections.OrderedDict</c>, <c>torch._utils._rebuild_tensor_v2</c>, <c>torch._utils._rebuild_parameter</c>
/// and the <c>torch.*Storage</c> classes, so a hostile file is refused before anything in it is built.</para>
/// </remarks>
public static class TorchWeights
{
    /// <summary>Reads the PyTorch file at <paramref name="path"/> into <paramref name="model"/>'s Parameters.</summary>
    /// <remarks>The whole file is read and checked, into scratch, before Parameters is written; State is never touched.</remarks>
    /// <param name="model">A generated model whose layers the file's modules map onto.</param>
    /// <param name="path">A <c>torch.save(model.state_dict(), path)</c> file or a <c>.safetensors</c> file; the format is told from the content.</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> or <paramref name="path"/> is null.</exception>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is not a torch.save or safetensors file (another format, a legacy
    /// pre-1.6 pickle, a whole pickled nn.Module), is truncated or corrupt, its pickle names a global or uses an opcode a
    /// state_dict does not; a tensor is missing, extra, of another shape or of an element type other than float32, float64,
    /// float16 or bfloat16; a module is not one RnnGen maps, or the modules do not fit the model's layers (another
    /// architecture, layers left over or missing). The message names the file, the layer and the tensor or module, and
    /// what was expected and found. The model is unchanged.</exception>
    public static void Load(IRnnModel model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"There is no PyTorch file at '{path}'.", path);
        }

        byte[] file = File.ReadAllBytes(path);
        float[] parameters = Read(model.Layout, file, path);
        parameters.CopyTo(model.Parameters);
    }

    /// <summary>The parameters that <paramref name="file"/> (named <paramref name="source"/> in messages) gives a model of <paramref name="layout"/>.</summary>
    internal static float[] Read(ModelLayout layout, byte[] file, string source)
    {
        if (TorchZipFile.Looks(file))
        {
            return TorchMapping.Parameters(TorchZipFile.Read(file, source), ordered: true, layout, source);
        }

        if (SafetensorsFile.Looks(file))
        {
            return TorchMapping.Parameters(SafetensorsFile.Read(file, source), ordered: false, layout, source);
        }

        if (TorchZipFile.LooksLegacy(file))
        {
            throw new InvalidDataException(
                $"{source} is a bare pickle, PyTorch's legacy format (before 1.6, or _use_new_zipfile_serialization=False), which RnnGen does not read: "
                + "save it again with torch.save(state_dict, path) in the default zip format, or as .safetensors.");
        }

        throw new InvalidDataException(FormattableString.Invariant(
            $"{source} is not a PyTorch weight file: expected a torch.save zip (starting 'PK\\x03\\x04') or a .safetensors file (an 8-byte header length, then '{{'), found {file.Length} bytes starting {Start(file)}."));
    }

    private static string Start(byte[] file) =>
        file.Length == 0 ? "with nothing" : string.Join(" ", file.Take(8).Select(static b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
}
