using RnnGen.Interop;
using RnnGen.Interop.Torch;
using RnnGen.Persistence;
using RnnGen.Tests.Persistence;
using static RnnGen.Tests.Interop.Torch.TorchTestFiles;

namespace RnnGen.Tests.Interop.Torch;

/// <summary>
/// Files TorchWeights refuses, each with an <see cref="InvalidDataException"/> that names the file and says what was
/// expected and found, the model's Parameters and State left as they were: other file types, truncated and corrupt
/// files, missing, extra and misshapen tensors, other architectures, unsupported layers and dtypes.
/// </summary>
public class TorchRefusalTests
{
    [Fact]
    public void A_missing_file_is_FileNotFoundException()
    {
        var e = Assert.Throws<FileNotFoundException>(() => TorchWeights.Load(new TorchFileLstm(seed: 3), "no-such-file.pt"));
        Assert.Contains("no-such-file.pt", e.Message);
    }

    [Fact]
    public void Files_of_other_types_are_refused()
    {
        var model = new TorchFileRnnTanh(seed: 3);
        Assert.Contains("not a PyTorch weight file", Refused(model, "name,value\n1,2\n"u8.ToArray(), "weights.csv").Message);
        Assert.Contains("not a PyTorch weight file", Refused(model, [], "empty.pt").Message);

        using var folder = new TempDirectory();
        string rnngen = folder.File("model.rnnw");
        WeightFile.Save(model, rnngen);
        Assert.Contains("not a PyTorch weight file", Refused(model, rnngen).Message);

        // A zip that is not a torch.save file (as a .keras file is one).
        Assert.Contains("not a torch.save file", Refused(model, KerasLikeZip(), "model.keras").Message);

        Assert.Contains("legacy format", Refused(model, TorchFiles.Path("rnn_tanh_legacy.pt")).Message);
    }

    [Fact]
    public void A_pickled_whole_module_is_refused_with_a_hint_to_save_the_state_dict()
    {
        InvalidDataException e = Refused(new TorchFileRnnTanh(seed: 3), TorchFiles.Path("rnn_tanh_module.pt"));
        Assert.Contains("torch.save(model.state_dict(), path)", e.Message);
        Assert.Contains("'__main__.Net'", e.Message);
    }

    [Fact]
    public void Every_truncation_of_a_torch_save_file_is_refused()
    {
        byte[] file = File.ReadAllBytes(TorchFiles.Path("rnn_tanh.pt"));
        for (int length = 0; length < file.Length; length++)
        {
            var e = Assert.Throws<InvalidDataException>(() => TorchWeights.Read(TorchFileRnnTanh.Layout, file[..length], "rnn_tanh.pt"));
            Assert.StartsWith("rnn_tanh.pt ", e.Message);
            Assert.Contains(length < 4 ? "not a PyTorch weight file" : "truncated", e.Message);
        }

        Refused(new TorchFileRnnTanh(seed: 3), file[..(file.Length / 2)], "rnn_tanh.pt");
    }

    [Fact]
    public void Every_truncation_of_a_safetensors_file_is_refused()
    {
        byte[] file = File.ReadAllBytes(TorchFiles.Path("lstm.safetensors"));
        for (int length = 0; length < file.Length; length++)
        {
            var e = Assert.Throws<InvalidDataException>(() => TorchWeights.Read(TorchFileLstm.Layout, file[..length], "lstm.safetensors"));
            Assert.StartsWith("lstm.safetensors ", e.Message);
            Assert.Contains(length < 9 ? "not a PyTorch weight file" : "truncated", e.Message);
        }

        Refused(new TorchFileLstm(seed: 3), file[..(file.Length - 1)], "lstm.safetensors");
    }

    [Fact]
    public void A_bit_flip_anywhere_in_a_torch_save_file_is_refused_or_changes_nothing()
    {
        // Zip fields that nothing reads (timestamps, padding) may flip harmlessly; a flip in data.pkl or a storage fails its CRC-32.
        byte[] file = File.ReadAllBytes(TorchFiles.Path("gru.pt"));
        float[] good = TorchWeights.Read(TorchFileGru.Layout, file, "gru.pt");
        int refused = 0;
        for (int at = 0; at < file.Length; at++)
        {
            byte[] bad = (byte[])file.Clone();
            bad[at] ^= (byte)(1 << (at % 8));
            try
            {
                Assert.Equal(good, TorchWeights.Read(TorchFileGru.Layout, bad, "gru.pt"));
            }
            catch (InvalidDataException e)
            {
                Assert.StartsWith("gru.pt", e.Message);
                refused++;
            }
        }

        // Every byte of the pickle and the storages is covered by a CRC: at least those flips were refused.
        int recorded = Records("gru.pt").Where(static r => r.Name == "data.pkl" || r.Name.StartsWith("data/", StringComparison.Ordinal)).Sum(static r => r.Data.Length);
        Assert.True(refused >= recorded, $"{refused} of {file.Length} flips refused; the pickle and storages hold {recorded} bytes.");
    }

    [Fact]
    public void A_bit_flip_in_a_safetensors_header_is_refused_or_changes_nothing()
    {
        // safetensors has no checksum: a flip in the tensor bytes is a different weight; the header is checked.
        byte[] file = File.ReadAllBytes(TorchFiles.Path("gru.safetensors"));
        float[] good = TorchWeights.Read(TorchFileGru.Layout, file, "gru.safetensors");
        int header = 8 + (int)BitConverter.ToUInt64(file);
        for (int at = 0; at < header; at++)
        {
            byte[] bad = (byte[])file.Clone();
            bad[at] ^= (byte)(1 << (at % 8));
            try
            {
                Assert.Equal(good, TorchWeights.Read(TorchFileGru.Layout, bad, "gru.safetensors"));
            }
            catch (InvalidDataException e)
            {
                Assert.StartsWith("gru.safetensors", e.Message);
            }
        }
    }

    [Fact]
    public void A_missing_tensor_is_refused()
    {
        InvalidDataException e = Refused(new TorchFileLstm(seed: 3), TorchFiles.Path("lstm_missing_bias.pt"));
        Assert.Contains("has no tensor 'rnn.bias_hh_l0' (shape [20])", e.Message);
        Assert.Contains("layer lstm", e.Message);

        List<StoredTensor> tensors = Tensors("lstm.safetensors");
        e = Refused(new TorchFileLstm(seed: 3), Safetensors(tensors.Where(static t => t.Name != "head.bias")), "lstm.safetensors");
        Assert.Contains("expected biases (UseBias = true), found none: the file has no tensor 'head.bias'", e.Message);
    }

    [Fact]
    public void An_extra_tensor_or_module_is_refused()
    {
        InvalidDataException e = Refused(new TorchFileLstm(seed: 3), TorchFiles.Path("lstm_extra_module.pt"));
        Assert.Contains("module 'extra' nn.Linear(1, 1, bias=False) is left over", e.Message);

        e = Refused(new TorchFileGruBidirectionalNoDenseBias(seed: 3), TorchFiles.Path("gru_bidirectional.pt"));
        Assert.Contains("expected no biases (UseBias = false), found head.bias", e.Message);

        List<StoredTensor> tensors = Tensors("lstm.safetensors");
        e = Refused(new TorchFileLstm(seed: 3), Safetensors([.. tensors, new StoredTensor("head.scale", [1], [2.0])]), "lstm.safetensors");
        Assert.Contains("module 'head' holds bias, weight, scale, which is no layer RnnGen maps", e.Message);
    }

    [Fact]
    public void A_tensor_of_another_shape_is_refused()
    {
        List<StoredTensor> tensors = Tensors("lstm.safetensors");
        StoredTensor Shorter(StoredTensor t) => t.Name == "rnn.bias_ih_l0" ? new StoredTensor(t.Name, [19], t.Values[..19]) : t;
        InvalidDataException e = Refused(new TorchFileLstm(seed: 3), Safetensors(tensors.Select(Shorter)), "lstm.safetensors");
        Assert.Contains("tensor 'rnn.bias_ih_l0' has shape [19]; layer lstm (LSTM(5, tanh, sigmoid)) expects [20]", e.Message);

        e = Refused(new TorchFileLstmWide(seed: 3), TorchFiles.Path("lstm.pt"));
        Assert.Contains("layer 0 (lstm, LSTM(6, tanh, sigmoid)) cannot take module 'rnn' nn.LSTM(3, 5): expected 6 units, found hidden_size 5", e.Message);
    }

    [Fact]
    public void Another_architecture_is_refused()
    {
        InvalidDataException e = Refused(new TorchFileGru(seed: 3), TorchFiles.Path("lstm.pt"));
        Assert.Contains("expected the weights of a GRU layer, found those of an nn.LSTM", e.Message);

        e = Refused(new TorchFileRnnTwoDense(seed: 3), TorchFiles.Path("rnn_tanh.pt"));
        Assert.Contains("the model's layers from layer 2 (dense_1: Dense(1, linear)) have no module in the file", e.Message);

        e = Refused(new TorchFileLstmOneLayer(seed: 3), TorchFiles.Path("lstm_stacked.pt"));
        Assert.Contains("nn.LSTM(3, 4, num_layers=2)", e.Message);

        e = Refused(new TorchFileGru(seed: 3), TorchFiles.Path("gru_bidirectional.pt"));
        Assert.Contains("expected one direction, found a bidirectional module", e.Message);

        e = Refused(new TorchFileGru(seed: 3), TorchFiles.Path("gru_no_bias.pt"));
        Assert.Contains("expected biases (UseBias = true), found none", e.Message);

        e = Refused(new TorchFileGru(seed: 3), TorchFiles.Path("lstm.safetensors"));
        Assert.Contains("fit the model's layers (gru: GRU(4, tanh, sigmoid), dense: Dense(2, linear)) in no order", e.Message);
    }

    [Fact]
    public void A_pytorch_gru_is_refused_by_a_reset_before_gru()
    {
        InvalidDataException e = Refused(new TorchFileGruResetBefore(seed: 3), TorchFiles.Path("gru.pt"));
        Assert.Contains("ResetAfter = false computes other equations", e.Message);
        Refused(new TorchFileGruResetBefore(seed: 3), TorchFiles.Path("gru.safetensors"));
    }

    [Fact]
    public void Unsupported_dtypes_are_refused()
    {
        InvalidDataException e = Refused(new TorchFileRnnTanh(seed: 3), TorchFiles.Path("rnn_tanh_int64.pt"));
        Assert.Contains("tensor 'rnn.bias_hh_l0' is int64; expected float32, float64, float16 and bfloat16", e.Message);

        e = Refused(new TorchFileRnnTanh(seed: 3), Safetensors(Tensors("rnn_tanh.safetensors"), dtype: "I64"), "rnn_tanh.safetensors");
        Assert.Contains("is int64; expected float32, float64, float16 and bfloat16", e.Message);
    }

    [Fact]
    public void Non_finite_weights_are_refused()
    {
        List<StoredTensor> tensors = Tensors("rnn_tanh.safetensors");
        StoredTensor WithNaN(StoredTensor t) => t.Name == "head.weight" ? t with { Values = [double.NaN, .. t.Values[1..]] } : t;
        InvalidDataException e = Refused(new TorchFileRnnTanh(seed: 3), Safetensors(tensors.Select(WithNaN)), "rnn_tanh.safetensors");
        Assert.Contains("element 0 of tensor 'head.weight' is NaN", e.Message);
    }

    [Fact]
    public void Safetensors_modules_that_could_trade_places_are_refused()
    {
        List<StoredTensor> rnn = Tensors("rnn_tanh.safetensors");
        StoredTensor[] square = [.. new[] { "a", "b" }.SelectMany(static m => new[]
        {
            new StoredTensor(m + ".weight", [4, 4], new double[16]),
            new StoredTensor(m + ".bias", [4], new double[4]),
        })];
        InvalidDataException e = Refused(
            new TorchFileRnnSquareDenses(seed: 3), Safetensors([.. rnn.Where(static t => t.Name.StartsWith("rnn.", StringComparison.Ordinal)), .. square]), "square.safetensors");
        Assert.Contains("both module 'a' nn.Linear(4, 4) and module 'b' nn.Linear(4, 4) fit from layer 1 (dense)", e.Message);
    }

    private static byte[] KerasLikeZip()
    {
        var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using Stream stream = zip.CreateEntry("model/config.json").Open();
            stream.Write("{}"u8);
        }

        return buffer.ToArray();
    }
}
