using RnnGen.Tests.Reference;
using RnnGen.Tests.Stacks;

namespace RnnGen.Tests.Gated;

// PyTorch's fixtures as generated models. One module (nn.RNN, nn.LSTM, nn.GRU, one or two layers) is
// stateful, so it starts from the fixture's h_0 (and c_0); the LSTM → GRU → Linear stack starts from zeros.
[Rnn(TimeSteps = 5, Features = 3, Stateful = true)] [SimpleRnn(4, ReturnSequences = true)] public partial class TorchRnnSequence;
[Rnn(TimeSteps = 5, Features = 3, Stateful = true)] [SimpleRnn(4)] public partial class TorchRnnLast;
[Rnn(TimeSteps = 5, Features = 3, Stateful = true)] [SimpleRnn(4, ReturnSequences = true)] [SimpleRnn(4, ReturnSequences = true)] public partial class TorchRnnTwoLayers;
[Rnn(TimeSteps = 5, Features = 3, Stateful = true)] [Lstm(4, ReturnSequences = true)] public partial class TorchLstmSequence;
[Rnn(TimeSteps = 5, Features = 3, Stateful = true)] [Lstm(4)] public partial class TorchLstmLast;
[Rnn(TimeSteps = 5, Features = 3, Stateful = true)] [Lstm(4, ReturnSequences = true)] [Lstm(4, ReturnSequences = true)] public partial class TorchLstmTwoLayers;
[Rnn(TimeSteps = 5, Features = 3, Stateful = true)] [Gru(5, ReturnSequences = true)] public partial class TorchGruSequence;
[Rnn(TimeSteps = 5, Features = 3, Stateful = true)] [Gru(5)] public partial class TorchGruLast;
[Rnn(TimeSteps = 5, Features = 3, Stateful = true)] [Gru(5, ReturnSequences = true)] [Gru(5, ReturnSequences = true)] public partial class TorchGruTwoLayers;
[Rnn(TimeSteps = 6, Features = 3)] [Lstm(4, ReturnSequences = true)] [Gru(3)] [Dense(2)] public partial class TorchLstmGruLinearLast;
[Rnn(TimeSteps = 6, Features = 3)] [Lstm(4, ReturnSequences = true)] [Gru(3, ReturnSequences = true)] [Dense(2)] public partial class TorchLstmGruLinearSequence;

// Bidirectional modules (concat, PyTorch's only merge), one and two layers deep.
[Rnn(TimeSteps = 5, Features = 3, Stateful = true)] [SimpleRnn(4, Bidirectional = true)] public partial class TorchSimpleRnnBidirectionalLast;
[Rnn(TimeSteps = 5, Features = 3, Stateful = true)] [SimpleRnn(4, Bidirectional = true, ReturnSequences = true)] public partial class TorchSimpleRnnBidirectionalSequence;
[Rnn(TimeSteps = 5, Features = 3, Stateful = true)] [SimpleRnn(4, Bidirectional = true, ReturnSequences = true)] [SimpleRnn(4, Bidirectional = true)] public partial class TorchSimpleRnnBidirectionalTwoLayersLast;
[Rnn(TimeSteps = 5, Features = 3, Stateful = true)] [SimpleRnn(4, Bidirectional = true, ReturnSequences = true)] [SimpleRnn(4, Bidirectional = true, ReturnSequences = true)] public partial class TorchSimpleRnnBidirectionalTwoLayersSequence;
[Rnn(TimeSteps = 5, Features = 3, Stateful = true)] [Lstm(4, Bidirectional = true)] public partial class TorchLstmBidirectionalLast;
[Rnn(TimeSteps = 5, Features = 3, Stateful = true)] [Lstm(4, Bidirectional = true, ReturnSequences = true)] public partial class TorchLstmBidirectionalSequence;
[Rnn(TimeSteps = 5, Features = 3, Stateful = true)] [Lstm(4, Bidirectional = true, ReturnSequences = true)] [Lstm(4, Bidirectional = true)] public partial class TorchLstmBidirectionalTwoLayersLast;
[Rnn(TimeSteps = 5, Features = 3, Stateful = true)] [Lstm(4, Bidirectional = true, ReturnSequences = true)] [Lstm(4, Bidirectional = true, ReturnSequences = true)] public partial class TorchLstmBidirectionalTwoLayersSequence;
[Rnn(TimeSteps = 5, Features = 3, Stateful = true)] [Gru(5, Bidirectional = true)] public partial class TorchGruBidirectionalLast;
[Rnn(TimeSteps = 5, Features = 3, Stateful = true)] [Gru(5, Bidirectional = true, ReturnSequences = true)] public partial class TorchGruBidirectionalSequence;
[Rnn(TimeSteps = 5, Features = 3, Stateful = true)] [Gru(5, Bidirectional = true, ReturnSequences = true)] [Gru(5, Bidirectional = true)] public partial class TorchGruBidirectionalTwoLayersLast;
[Rnn(TimeSteps = 5, Features = 3, Stateful = true)] [Gru(5, Bidirectional = true, ReturnSequences = true)] [Gru(5, Bidirectional = true, ReturnSequences = true)] public partial class TorchGruBidirectionalTwoLayersSequence;

/// <summary>
/// Generated models reproduce PyTorch 1.13's float64 nn.RNN, nn.LSTM and nn.GRU (reset_after), one and
/// two layers deep, in one direction and bidirectional, and an LSTM → GRU → Linear stack (tests/fixtures/pytorch, mapped to Keras' layout by
/// <see cref="TorchLayout"/>): outputs, loss and final state within 1e-5, every weight gradient within
/// 1e-4, relative to the largest expected value.
/// </summary>
public class PyTorchFixtureTests
{
    private const double ForwardTolerance = 1e-5, GradientTolerance = 1e-4;

    public static TheoryData<string> Cases => new()
    {
        "rnn_l1_sequence", "rnn_l1_last_batch_first", "rnn_l2_sequence_batch_first",
        "lstm_l1_sequence", "lstm_l1_last_batch_first", "lstm_l2_sequence_batch_first",
        "gru_l1_sequence", "gru_l1_last_batch_first", "gru_l2_sequence_batch_first",
        "stack_lstm_gru_linear_last", "stack_lstm_gru_linear_sequence",
        "rnn_l1_bidirectional_last",
        "rnn_l1_bidirectional_sequence_batch_first",
        "rnn_l2_bidirectional_last_batch_first",
        "rnn_l2_bidirectional_sequence",
        "lstm_l1_bidirectional_last",
        "lstm_l1_bidirectional_sequence_batch_first",
        "lstm_l2_bidirectional_last_batch_first",
        "lstm_l2_bidirectional_sequence",
        "gru_l1_bidirectional_last",
        "gru_l1_bidirectional_sequence_batch_first",
        "gru_l2_bidirectional_last_batch_first",
        "gru_l2_bidirectional_sequence",
    };

    private static IRnnModel Create(string name) => name switch
    {
        "rnn_l1_sequence" => new TorchRnnSequence(seed: 1),
        "rnn_l1_last_batch_first" => new TorchRnnLast(seed: 1),
        "rnn_l2_sequence_batch_first" => new TorchRnnTwoLayers(seed: 1),
        "lstm_l1_sequence" => new TorchLstmSequence(seed: 1),
        "lstm_l1_last_batch_first" => new TorchLstmLast(seed: 1),
        "lstm_l2_sequence_batch_first" => new TorchLstmTwoLayers(seed: 1),
        "gru_l1_sequence" => new TorchGruSequence(seed: 1),
        "gru_l1_last_batch_first" => new TorchGruLast(seed: 1),
        "gru_l2_sequence_batch_first" => new TorchGruTwoLayers(seed: 1),
        "stack_lstm_gru_linear_last" => new TorchLstmGruLinearLast(seed: 1),
        "rnn_l1_bidirectional_last" => new TorchSimpleRnnBidirectionalLast(seed: 1),
        "rnn_l1_bidirectional_sequence_batch_first" => new TorchSimpleRnnBidirectionalSequence(seed: 1),
        "rnn_l2_bidirectional_last_batch_first" => new TorchSimpleRnnBidirectionalTwoLayersLast(seed: 1),
        "rnn_l2_bidirectional_sequence" => new TorchSimpleRnnBidirectionalTwoLayersSequence(seed: 1),
        "lstm_l1_bidirectional_last" => new TorchLstmBidirectionalLast(seed: 1),
        "lstm_l1_bidirectional_sequence_batch_first" => new TorchLstmBidirectionalSequence(seed: 1),
        "lstm_l2_bidirectional_last_batch_first" => new TorchLstmBidirectionalTwoLayersLast(seed: 1),
        "lstm_l2_bidirectional_sequence" => new TorchLstmBidirectionalTwoLayersSequence(seed: 1),
        "gru_l1_bidirectional_last" => new TorchGruBidirectionalLast(seed: 1),
        "gru_l1_bidirectional_sequence_batch_first" => new TorchGruBidirectionalSequence(seed: 1),
        "gru_l2_bidirectional_last_batch_first" => new TorchGruBidirectionalTwoLayersLast(seed: 1),
        "gru_l2_bidirectional_sequence" => new TorchGruBidirectionalTwoLayersSequence(seed: 1),
        _ => new TorchLstmGruLinearSequence(seed: 1),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_model_reproduces_pytorch_forward_loss_state_and_gradients(string name)
    {
        PyTorchCase fixture = PyTorchFixtures.Load(name);
        var (reference, parameters, gradients, initialState, finalState, _) = PyTorchModels.Of(fixture);
        IRnnModel model = Create(name);
        Assert.Equal(reference.ParameterCount, model.ParameterCount);
        Assert.Equal(reference.Stateful, model.Layout.Stateful);
        Span<float> weights = model.Parameters;
        for (int i = 0; i < parameters.Length; i++)
        {
            weights[i] = (float)parameters[i];
        }

        float[] input = fixture.Input.Data.Select(static v => (float)v).ToArray();
        float[] target = fixture.Target.Data.Select(static v => (float)v).ToArray();
        float[] start = initialState?.Select(static v => (float)v).ToArray() ?? [];

        var output = new float[model.OutputLength];
        start.CopyTo(model.State);
        model.Predict(input, output);
        Assert.InRange(ReferenceOf.RelativeError(output, fixture.Y.Data), 0, ForwardTolerance);
        if (finalState is not null)
        {
            Assert.InRange(ReferenceOf.RelativeError(model.State, finalState), 0, ForwardTolerance);
        }

        start.CopyTo(model.State);
        model.ClearGradients();
        float loss = model.Backward(input, target);
        Assert.InRange(Math.Abs(loss - fixture.Loss) / Math.Abs(fixture.Loss), 0, ForwardTolerance);
        Assert.InRange(ReferenceOf.RelativeError(model.Gradients, gradients), 0, GradientTolerance);
    }
}
