using RnnGen.Tests.Reference;
using RnnGen.Tests.Stacks;

namespace RnnGen.Tests.Gated;

// PyTorch's one-layer nn.LSTM fixtures as generated models: stateful, so they start from the fixture's (h_0, c_0).
[Rnn(TimeSteps = 5, Features = 3, Stateful = true)] [Lstm(4, ReturnSequences = true)] public partial class TorchLstmSequence;
[Rnn(TimeSteps = 5, Features = 3, Stateful = true)] [Lstm(4)] public partial class TorchLstmLast;

/// <summary>
/// Generated LSTM layers reproduce PyTorch 1.13's float64 nn.LSTM (tests/fixtures/pytorch, mapped to
/// Keras' layout by <see cref="TorchLayout"/>): outputs, loss and final [h, c] within 1e-5, every weight
/// gradient within 1e-4, relative to the largest expected value.
/// </summary>
public class PyTorchLstmFixtureTests
{
    private const double ForwardTolerance = 1e-5, GradientTolerance = 1e-4;

    public static TheoryData<string> Cases => new() { "lstm_l1_sequence", "lstm_l1_last_batch_first" };

    private static IRnnModel Create(string name) => name == "lstm_l1_sequence" ? new TorchLstmSequence(seed: 1) : new TorchLstmLast(seed: 1);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_lstm_reproduces_pytorch_forward_loss_and_gradients(string name)
    {
        PyTorchCase fixture = PyTorchFixtures.Load(name);
        var (reference, parameters, gradients, initialState, finalState, _) = PyTorchModels.Of(fixture);
        IRnnModel model = Create(name);
        Assert.Equal(reference.ParameterCount, model.ParameterCount);
        Span<float> weights = model.Parameters;
        for (int i = 0; i < parameters.Length; i++)
        {
            weights[i] = (float)parameters[i];
        }

        float[] input = fixture.Input.Data.Select(static v => (float)v).ToArray();
        float[] target = fixture.Target.Data.Select(static v => (float)v).ToArray();
        float[] start = initialState!.Select(static v => (float)v).ToArray();

        var output = new float[model.OutputLength];
        start.CopyTo(model.State);
        model.Predict(input, output);
        Assert.InRange(ReferenceOf.RelativeError(output, fixture.Y.Data), 0, ForwardTolerance);
        Assert.InRange(ReferenceOf.RelativeError(model.State, finalState!), 0, ForwardTolerance);

        start.CopyTo(model.State);
        model.ClearGradients();
        float loss = model.Backward(input, target);
        Assert.InRange(Math.Abs(loss - fixture.Loss) / Math.Abs(fixture.Loss), 0, ForwardTolerance);
        Assert.InRange(ReferenceOf.RelativeError(model.Gradients, gradients), 0, GradientTolerance);
    }
}
