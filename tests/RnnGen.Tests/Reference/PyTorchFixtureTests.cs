using Xunit.Abstractions;

namespace RnnGen.Tests.Reference;

/// <summary>
/// The reference against PyTorch 1.13 in float64 (<c>tests/fixtures/pytorch/</c>, written by
/// make_fixtures.py there): nn.RNN, nn.LSTM and nn.GRU (Keras' reset_after = true) with one and two
/// layers, one and two directions, batch_first or not, from a random initial state, and an
/// LSTM → GRU → Linear stack, converted to Keras' layout by <see cref="TorchLayout"/>: outputs, loss,
/// final states, and every gradient (weights, input, initial state).
/// </summary>
public class PyTorchFixtureTests(ITestOutputHelper output)
{
    private const double ForwardTolerance = 1e-5, GradientTolerance = 1e-4;

    public static TheoryData<string> Cases => new(PyTorchFixtures.Names());

    [Fact]
    public void Fixtures_cover_every_cell_with_one_and_two_layers_and_directions_and_the_stack()
    {
        PyTorchCase[] fixtures = [.. PyTorchFixtures.Names().Select(PyTorchFixtures.Load)];

        foreach (string type in new[] { "RNN", "LSTM", "GRU" })
        {
            TorchModule[] modules = [.. fixtures.Where(f => f.Layers.Length == 1).Select(f => f.Layers[0]).Where(m => m.Type == type)];
            Assert.Equal(
                [(1, false), (1, true), (2, false), (2, true)],
                modules.Select(m => (m.NumLayers, m.Bidirectional)).Distinct().Order());
        }

        Assert.Contains(fixtures, f => f.Layers.Select(m => m.Type).SequenceEqual(["LSTM", "GRU", "Linear"]));
        Assert.Contains(fixtures, f => f.BatchFirst);
        Assert.Contains(fixtures, f => !f.BatchFirst);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reference_forward_matches_pytorch(string name)
    {
        PyTorchCase fixture = PyTorchFixtures.Load(name);
        var (model, parameters, _, initialState, finalState, _) = PyTorchModels.Of(fixture);
        Assert.Equal(model.ParameterCount, parameters.Length);

        ReferenceSequential.Result result = model.Forward(parameters, fixture.Input.Data, initialState);

        ReferenceChecks.AssertRelativelyClose(output, fixture.Y.Data, result.Outputs, ForwardTolerance, $"{name} y");
        ReferenceChecks.AssertRelativelyClose(output, [fixture.Loss], [model.Loss(parameters, fixture.Input.Data, fixture.Target.Data, initialState)],
            ForwardTolerance, $"{name} loss");
        if (finalState is not null)
        {
            ReferenceChecks.AssertRelativelyClose(output, finalState, result.FinalStates, ForwardTolerance, $"{name} final state");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reference_gradients_match_pytorch(string name)
    {
        PyTorchCase fixture = PyTorchFixtures.Load(name);
        var (model, parameters, gradients, initialState, _, initialStateGradient) = PyTorchModels.Of(fixture);
        double[] input = fixture.Input.Data, target = fixture.Target.Data;

        ReferenceChecks.AssertRelativelyClose(output, gradients, model.Gradients(parameters, input, target, initialState),
            GradientTolerance, $"{name} d loss / d parameters");
        ReferenceChecks.AssertRelativelyClose(output, fixture.InputGradient.Data, model.InputGradient(parameters, input, target, initialState),
            GradientTolerance, $"{name} d loss / d input");
        if (initialStateGradient is not null)
        {
            ReferenceChecks.AssertRelativelyClose(output, initialStateGradient, model.InitialStateGradient(parameters, input, target, initialState),
                GradientTolerance, $"{name} d loss / d initial state");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Pytorch_bias_pairs_have_equal_gradients_so_their_sum_maps_onto_one_keras_bias(string name)
    {
        PyTorchCase fixture = PyTorchFixtures.Load(name);

        foreach (string biasIh in fixture.Gradients.Keys.Where(key => key.Contains("bias_ih", StringComparison.Ordinal)))
        {
            double[] ih = fixture.Gradients[biasIh].Data, hh = fixture.Gradients[biasIh.Replace("bias_ih", "bias_hh", StringComparison.Ordinal)].Data;
            bool gru = fixture.Layers.Single(m => biasIh.StartsWith(m.Prefix, StringComparison.Ordinal) && m.Type != "Linear").Type == "GRU";

            // A GRU's bias_hh of the n gate sits inside r ⊙ (...), so only there do the two differ.
            int equalPrefix = gru ? 2 * ih.Length / 3 : ih.Length;
            ReferenceChecks.AssertRelativelyClose(output, ih[..equalPrefix], hh[..equalPrefix], 1e-14, $"{biasIh} against bias_hh");
            if (gru)
            {
                Assert.True(ih.Zip(hh, (a, b) => Math.Abs(a - b)).Skip(equalPrefix).Max() > 1e-6, $"{biasIh}: the n gate's two biases act differently");
            }
        }
    }
}
