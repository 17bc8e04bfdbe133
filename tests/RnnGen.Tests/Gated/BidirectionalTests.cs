namespace RnnGen.Tests.Gated;

/// <summary>
/// What a bidirectional layer looks like from outside: Keras' names, summary and state layout, and
/// the refusal to stream. Its numbers are checked in every StackNumericsTests theory (BidirectionalModels)
/// and against PyTorch (PyTorchFixtureTests).
/// </summary>
public class BidirectionalTests
{
    [Fact]
    public void Its_weights_are_named_and_ordered_as_keras_bidirectional_get_weights()
    {
        var model = new BidirectionalAveBelowLstm(seed: 1);

        Assert.Equal(
            [
                "dense/kernel", "dense/bias",
                "bidirectional/forward_gru/kernel", "bidirectional/forward_gru/recurrent_kernel", "bidirectional/forward_gru/bias",
                "bidirectional/backward_gru/kernel", "bidirectional/backward_gru/recurrent_kernel", "bidirectional/backward_gru/bias",
                "bidirectional_1/forward_lstm/kernel", "bidirectional_1/forward_lstm/recurrent_kernel", "bidirectional_1/forward_lstm/bias",
                "bidirectional_1/backward_lstm/kernel", "bidirectional_1/backward_lstm/recurrent_kernel", "bidirectional_1/backward_lstm/bias",
                "dense_1/kernel", "dense_1/bias",
            ],
            BidirectionalAveBelowLstm.Layout.Weights.Select(static w => w.Name));
        Assert.Equal(BidirectionalAveBelowLstm.ParameterCount, BidirectionalAveBelowLstm.Layout.ParameterCount);
    }

    [Fact]
    public void Its_summary_row_is_keras_with_the_merged_width()
    {
        string summary = new BidirectionalLstmConcat(seed: 1).Summary();

        // Bidirectional(LSTM(3)) over 2 features: 2 × 4·3·(2 + 3 + 1) = 144 parameters, concat: 6 values.
        Assert.Matches(@"bidirectional \(Bidirectional\)\s+\(None, 6\)\s+144", summary);
    }

    [Fact]
    public void A_stateful_model_keeps_both_directions_states_forward_first()
    {
        var model = new BidirectionalStatefulStack(seed: 3);

        // LSTM(5) both ways: [h, c] forward then backward (20 floats), then GRU(3) both ways (6).
        Assert.Equal(26, model.State.Length);
        Assert.Equal(26, BidirectionalStatefulStack.Layout.StateLength);
        var input = new float[BidirectionalStatefulStack.InputLength];
        for (int i = 0; i < input.Length; i++)
        {
            input[i] = MathF.Sin(i);
        }

        var output = new float[BidirectionalStatefulStack.OutputLength];
        model.Predict(input, output);
        Assert.All(model.State.ToArray(), static v => Assert.True(float.IsFinite(v)));
        Assert.Contains(model.State.ToArray()[10..20], static v => v != 0f);
    }

    [Fact]
    public void Step_says_the_model_cannot_stream_and_leaves_state_alone()
    {
        var model = new BidirectionalGruSumSequence(seed: 1);
        float[] before = model.State.ToArray();

        var error = Assert.Throws<InvalidOperationException>(() => model.Step(new float[3], new float[BidirectionalGruSumSequence.DenseUnits]));

        Assert.Equal("BidirectionalGruSumSequence cannot stream: its layer bidirectional runs in both directions (Bidirectional), so its first step needs the last input. Run whole sequences with Predict.", error.Message);
        Assert.Equal(before, model.State.ToArray());
        Assert.False(BidirectionalGruSumSequence.Layout.CanStream);
    }
}
