namespace RnnGen.Tests.Layout;

/// <summary>
/// <see cref="ModelLayout"/> for LSTM, GRU and Bidirectional layers: Keras' parameter counts (as
/// <c>model.summary()</c> prints them), weight names, shapes and order, state and output sizes, and
/// the options a layer kind does not have refused.
/// </summary>
public class GatedLayoutTests
{
    [Fact]
    public void An_lstm_gru_dense_stack_has_keras_names_shapes_and_counts()
    {
        // keras.Sequential([Input((100, 1)), LSTM(32, return_sequences=True), GRU(16, return_sequences=True), Dense(1)])
        var layout = new ModelLayout(100, 1, stateful: true,
            LayerSettings.Lstm(32, returnSequences: true), LayerSettings.Gru(16, returnSequences: true), LayerSettings.Dense(1));

        Assert.Equal(["lstm", "gru", "dense"], layout.Layers.Select(static l => l.Name));
        Assert.Equal([4352, 2400, 17], layout.Layers.Select(static l => l.ParameterCount)); // 4·32·(1+32+1), 3·16·(32+16+2), 16+1
        Assert.Equal(
            ["lstm/kernel [1, 128]", "lstm/recurrent_kernel [32, 128]", "lstm/bias [128]",
             "gru/kernel [32, 48]", "gru/recurrent_kernel [16, 48]", "gru/bias [2, 48]",
             "dense/kernel [16, 1]", "dense/bias [1]"],
            layout.Weights.Select(static w => w.ToString()));
        Assert.False(layout.Weight("gru/bias").IsVector);
        Assert.Equal([2, 48], layout.Weight("gru/bias").Shape);
        Assert.Equal(4352 + 2400 + 17, layout.ParameterCount);

        // State: the LSTM's [h, c], then the GRU's h.
        Assert.Equal([0, 64, 80], layout.Layers.Select(static l => l.StateOffset));
        Assert.Equal(80, layout.StateLength);
        Assert.True(layout.CanStream);
        Assert.Equal(100, layout.OutputLength);
    }

    [Fact]
    public void A_gru_without_reset_after_has_one_bias_row_as_keras_2()
    {
        var layout = new ModelLayout(5, 32, stateful: false, LayerSettings.Gru(16, resetAfter: false));
        Assert.Equal(2352, layout.ParameterCount); // 3·16·(32+16+1)
        Assert.True(layout.Weight("gru/bias").IsVector);
        Assert.Equal("GRU(16, tanh, sigmoid, reset_after=False)", layout.Layers[0].Settings.ToString());
    }

    [Fact]
    public void A_bidirectional_layer_holds_both_directions_weights_forward_first_under_keras_names()
    {
        // keras.Sequential([Input((50, 8)), Bidirectional(LSTM(64)), Dense(1, activation="sigmoid")])
        var layout = new ModelLayout(50, 8, stateful: false,
            LayerSettings.Lstm(64).InBothDirections(), LayerSettings.Dense(1, Activation.Sigmoid));

        Assert.Equal(["bidirectional", "dense"], layout.Layers.Select(static l => l.Name));
        Assert.Equal(
            ["bidirectional/forward_lstm/kernel", "bidirectional/forward_lstm/recurrent_kernel", "bidirectional/forward_lstm/bias",
             "bidirectional/backward_lstm/kernel", "bidirectional/backward_lstm/recurrent_kernel", "bidirectional/backward_lstm/bias",
             "dense/kernel", "dense/bias"],
            layout.Weights.Select(static w => w.Name));
        Assert.Equal([37376, 129], layout.Layers.Select(static l => l.ParameterCount)); // 2·4·64·(8+64+1); concat: 128 + 1
        Assert.Equal(128, layout.Layers[0].OutputSize);
        Assert.Equal(128, layout.Layers[1].InputSize);
        Assert.Equal(256, layout.StateLength); // [h, c] of each direction
        Assert.False(layout.CanStream);
        Assert.Equal("Bidirectional(LSTM(64, tanh, sigmoid), concat) → Dense(1, sigmoid) over 50 steps × 8 features", layout.ToString());
    }

    [Fact]
    public void A_wrapped_layer_takes_its_kinds_number_and_the_wrapper_its_own()
    {
        // Sequential([Bidirectional(LSTM(8, return_sequences=True), merge_mode="sum"), LSTM(4)]): the wrapped LSTM is "lstm".
        var layout = new ModelLayout(6, 2, stateful: false,
            LayerSettings.Lstm(8, returnSequences: true).InBothDirections(MergeMode.Sum), LayerSettings.Lstm(4));

        Assert.Equal(["bidirectional", "lstm_1"], layout.Layers.Select(static l => l.Name));
        Assert.Equal("bidirectional/backward_lstm/kernel", layout.Weights[3].Name);
        Assert.Equal(8, layout.Layers[0].OutputSize); // sum keeps the units
        Assert.Equal(8, layout.Layers[1].InputSize);
        Assert.Equal(4, layout.OutputUnits);
    }

    [Theory]
    [MemberData(nameof(Inapplicable))]
    public void An_option_the_layer_kind_does_not_have_is_refused(LayerSettings layer, string option)
    {
        var e = Assert.Throws<ArgumentException>(() => new ModelLayout(4, 1, false, layer, LayerSettings.Dense(1)));
        Assert.Contains(option, e.Message);
    }

    public static TheoryData<LayerSettings, string> Inapplicable => new()
    {
        { LayerSettings.SimpleRnn(3) with { RecurrentActivation = Activation.Tanh }, "recurrent_activation" },
        { LayerSettings.Gru(3) with { UnitForgetBias = false }, "unit_forget_bias" },
        { LayerSettings.Lstm(3) with { ResetAfter = false }, "reset_after" },
        { LayerSettings.Lstm(3) with { MergeMode = MergeMode.Ave }, "merge_mode" },
    };

    [Fact]
    public void A_dense_layer_cannot_be_bidirectional()
    {
        var e = Assert.Throws<ArgumentException>(() => new ModelLayout(4, 1, false, LayerSettings.SimpleRnn(3, returnSequences: true), LayerSettings.Dense(1).InBothDirections()));
        Assert.Contains("Bidirectional apply to recurrent layers only", e.Message);
    }

    [Fact]
    public void Layouts_differing_only_in_a_gated_option_are_different_architectures()
    {
        var a = new ModelLayout(4, 1, false, LayerSettings.Gru(3));
        var b = new ModelLayout(4, 1, false, LayerSettings.Gru(3, resetAfter: false));
        var c = new ModelLayout(4, 1, false, LayerSettings.Gru(3, recurrentActivation: Activation.Tanh));
        Assert.NotEqual(a, b);
        Assert.NotEqual(a, c);
        Assert.Equal(a, new ModelLayout(4, 1, false, LayerSettings.Gru(3)));
    }
}
