using RnnGen.Interop;

namespace RnnGen.Tests.Interop.Torch;

/// <summary>
/// Real PyTorch 1.13 files (tests/fixtures/torch-files) load into the models they were trained as, and those models
/// compute PyTorch's outputs: within 1e-5 of the largest expected value, against PyTorch's float64 output with the
/// weights as stored (float16 and bfloat16 files included: the comparison is with their rounded weights).
/// </summary>
public class TorchWeightsTests
{
    private const double Tolerance = 1e-5;

    public static TheoryData<string> Cases => new()
    {
        "rnn_tanh", "rnn_relu_sequence", "lstm", "gru", "lstm_stacked", "gru_bidirectional", "lstm_bidirectional_stacked",
        "gru_no_bias", "rnn_float64", "lstm_float16", "gru_bfloat16",
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Torch_save_file_gives_PyTorchs_output(string name) => AssertOutput(name, name + ".pt");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Safetensors_file_gives_PyTorchs_output(string name) => AssertOutput(name, name + ".safetensors");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Pt_and_safetensors_files_give_identical_parameters(string name)
    {
        IRnnModel fromPt = TorchFiles.Model(name), fromSafetensors = TorchFiles.Model(name);
        TorchWeights.Load(fromPt, TorchFiles.Path(name + ".pt"));
        TorchWeights.Load(fromSafetensors, TorchFiles.Path(name + ".safetensors"));
        Assert.Equal(fromPt.Parameters.ToArray(), fromSafetensors.Parameters.ToArray());
        Assert.NotEqual(TorchFiles.Model(name).Parameters.ToArray(), fromPt.Parameters.ToArray());
    }

    [Fact]
    public void A_state_dict_of_parameters_keep_vars_loads_as_one_of_tensors()
    {
        // state_dict(keep_vars=True) pickles nn.Parameters (torch._utils._rebuild_parameter around each tensor).
        IRnnModel tensors = TorchFiles.Model("lstm"), parameters = TorchFiles.Model("lstm");
        TorchWeights.Load(tensors, TorchFiles.Path("lstm.pt"));
        TorchWeights.Load(parameters, TorchFiles.Path("lstm_keep_vars.pt"));
        Assert.Equal(tensors.Parameters.ToArray(), parameters.Parameters.ToArray());
    }

    [Fact]
    public void Loading_sets_every_parameter_and_leaves_State_alone()
    {
        var model = new TorchFileLstm(seed: 3);
        model.Parameters.Fill(float.NaN);
        model.State.Fill(0.25f);
        TorchWeights.Load(model, TorchFiles.Path("lstm.pt"));
        Assert.All(model.Parameters.ToArray(), p => Assert.True(float.IsFinite(p)));
        Assert.All(model.State.ToArray(), s => Assert.Equal(0.25f, s));
    }

    [Fact]
    public void Lstm_biases_are_summed_and_gru_biases_are_two_rows_in_z_r_h_order()
    {
        // From the float64 file's stored values: Keras bias = bias_ih + bias_hh (SimpleRNN; LSTM the same way), and for the
        // GRU file row 0 block z = PyTorch's bias_ih block 1 (z), row 1 block r = bias_hh block 0 (r).
        var rnn = new TorchFileRnnTanh(seed: 3);
        TorchWeights.Load(rnn, TorchFiles.Path("rnn_tanh.safetensors"));
        var tensors = RnnGen.Interop.Torch.SafetensorsFile.Read(File.ReadAllBytes(TorchFiles.Path("rnn_tanh.safetensors")), "rnn_tanh.safetensors")
            .ToDictionary(static t => t.Name);
        float[] bias = TorchFileRnnTanh.Layout.Weight("simple_rnn/bias").Of(rnn.Parameters).ToArray();
        for (int u = 0; u < 4; u++)
        {
            Assert.Equal((float)(tensors["rnn.bias_ih_l0"].Values[u] + tensors["rnn.bias_hh_l0"].Values[u]), bias[u]);
        }

        var gru = new TorchFileGru(seed: 3);
        TorchWeights.Load(gru, TorchFiles.Path("gru.pt"));
        var gruTensors = RnnGen.Interop.Torch.SafetensorsFile.Read(File.ReadAllBytes(TorchFiles.Path("gru.safetensors")), "gru.safetensors")
            .ToDictionary(static t => t.Name);
        float[] gruBias = TorchFileGru.Layout.Weight("gru/bias").Of(gru.Parameters).ToArray();
        for (int u = 0; u < 4; u++)
        {
            Assert.Equal((float)gruTensors["rnn.bias_ih_l0"].Values[4 + u], gruBias[u]);          // row 0, z ← PyTorch z (block 1)
            Assert.Equal((float)gruTensors["rnn.bias_ih_l0"].Values[u], gruBias[4 + u]);          // row 0, r ← PyTorch r (block 0)
            Assert.Equal((float)gruTensors["rnn.bias_hh_l0"].Values[8 + u], gruBias[12 + 8 + u]); // row 1, h ← PyTorch n (block 2)
        }

        // kernel [3, 12]: element [i, z block column u] = weight_ih_l0[4 + u, i].
        float[] kernel = TorchFileGru.Layout.Weight("gru/kernel").Of(gru.Parameters).ToArray();
        Assert.Equal((float)gruTensors["rnn.weight_ih_l0"].Values[(4 + 1) * 3 + 2], kernel[2 * 12 + 1]);
    }

    private static void AssertOutput(string name, string file)
    {
        TorchFileCase expected = TorchFiles.Case(name);
        IRnnModel model = TorchFiles.Model(name);
        TorchWeights.Load(model, TorchFiles.Path(file));
        float[] input = [.. expected.Input.Select(static v => (float)v)];
        var output = new float[model.OutputLength];
        model.Predict(input, output);
        Assert.Equal(expected.Output.Length, output.Length);
        double scale = expected.Output.Max(Math.Abs);
        for (int i = 0; i < output.Length; i++)
        {
            Assert.True(Math.Abs(output[i] - expected.Output[i]) <= Tolerance * scale,
                $"{file}: output[{i}] = {output[i]}, PyTorch {expected.Output[i]} (tolerance {Tolerance * scale:g3})");
        }
    }
}
