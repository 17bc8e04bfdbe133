using Xunit.Abstractions;

namespace RnnGen.Tests.Reference;

/// <summary>
/// The reference's LSTM, GRU and Bidirectional gradients (BPTT in float64) against central
/// differences, with respect to every weight, the input and the initial state; and the zeros a model
/// that is not stateful owes its ignored initial state.
/// </summary>
public class GatedGradientTests(ITestOutputHelper output)
{
    /// <summary>
    /// Central differences with h = 1e-6·max(1, |p|) carry ~1e-10 of rounding noise, which is up to 1e-6
    /// of the smallest gradients here (those with respect to the initial state); the issue asks for 1e-4.
    /// </summary>
    private const double GradientTolerance = 1e-6;

    private const int Seed = 20261201;

    public static TheoryData<string> Models => GatedGradientCheckModels.Names;

    public static TheoryData<string> Stacks => GradientCheckStacks.Names;

    [Theory]
    [MemberData(nameof(Models))]
    public void Gradients_match_central_differences_for_gated_layers(string model) =>
        ReferenceChecks.AssertGradientsMatchCentralDifferences(output, GatedGradientCheckModels.All[model], Seed, GradientTolerance);

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Initial_state_gradient_matches_central_differences_for_stateful_stacks(string stack)
    {
        ReferenceSequential model = GradientCheckStacks.All[stack];
        var (parameters, input, target, state) = ReferenceChecks.RandomSample(model, Seed);

        double[] analytic = model.InitialStateGradient(parameters, input, target, state);

        if (model.Stateful)
        {
            double[] numeric = CentralDifferences.Gradient(s => model.Loss(parameters, input, target, s), state!);
            ReferenceChecks.AssertRelativelyClose(output, numeric, analytic, GradientTolerance, "d loss / d initial state");
        }
        else
        {
            Assert.All(analytic, value => Assert.Equal(0, value));
        }
    }

    [Fact]
    public void Bidirectional_weights_and_state_are_the_forward_layers_then_the_backward_layers()
    {
        // Bidirectional(LSTM(3)) on F = 2: each half is an LSTM's (2 + 3 + 1)·12 weights; state [h, c] twice.
        var lstm = new LstmLayer(3, ReturnSequences: true);
        var bidirectional = new ReferenceSequential(4, 2, true, [new BidirectionalLayer(lstm)]);
        var forward = new ReferenceSequential(4, 2, true, [lstm]);
        var backward = new ReferenceSequential(4, 2, true, [lstm with { GoBackwards = true }]);
        var (parameters, input, _, state) = ReferenceChecks.RandomSample(bidirectional, Seed);

        ReferenceSequential.Result both = bidirectional.Forward(parameters, input, state);
        ReferenceSequential.Result first = forward.Forward(parameters[..72], input, state![..6]);
        ReferenceSequential.Result second = backward.Forward(parameters[72..], input, state[6..]);

        Assert.Equal((144, 12, 4 * 6), (bidirectional.ParameterCount, bidirectional.StateLength, bidirectional.OutputLength));
        for (int t = 0; t < 4; t++)
        {
            // Step t: the forward output of step t, then the backward layer's output for input step t (its (3 - t)-th).
            Assert.Equal([.. first.Outputs[(t * 3)..(t * 3 + 3)], .. second.Outputs[((3 - t) * 3)..((3 - t) * 3 + 3)]],
                both.Outputs[(t * 6)..(t * 6 + 6)]);
        }

        Assert.Equal([.. first.FinalStates, .. second.FinalStates], both.FinalStates);
    }

    [Fact]
    public void Lstm_and_gru_lengths_follow_the_keras_layout()
    {
        // LSTM(4) on F = 3: kernel 3·16, recurrent 4·16, bias 16; GRU(4): 3·12 + 4·12 + 2·12 (reset_after) or + 12.
        Assert.Equal(48 + 64 + 16, new LstmLayer(4).ParameterCount(3));
        Assert.Equal(48 + 64, new LstmLayer(4, UseBias: false).ParameterCount(3));
        Assert.Equal(36 + 48 + 24, new GruLayer(4).ParameterCount(3));
        Assert.Equal(36 + 48 + 12, new GruLayer(4, ResetAfter: false).ParameterCount(3));
        Assert.Equal(36 + 48, new GruLayer(4, UseBias: false).ParameterCount(3));
        Assert.Equal((8, 4, 8, 2 * 108), (new LstmLayer(4).StateLength, new GruLayer(4).StateLength,
            new BidirectionalLayer(new GruLayer(4)).Units, new BidirectionalLayer(new GruLayer(4), ReferenceMergeMode.Sum).ParameterCount(3)));
    }

    [Fact]
    public void Bidirectional_after_a_layer_that_returns_only_its_last_state_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new ReferenceSequential(5, 3, false, [new LstmLayer(3), new BidirectionalLayer(new GruLayer(2))]));
        Assert.Contains("must return sequences", error.Message, StringComparison.Ordinal);
    }
}
