using Xunit.Abstractions;

namespace RnnGen.Tests.Reference;

/// <summary>
/// Pins the float64 reference itself: its analytic gradients against central differences, its
/// outputs against Keras' own (keras-js fixtures) and the tutorial's hand computation, its layout
/// and the stacks it refuses. Errors are measured relative to the largest expected value.
/// </summary>
public class ReferenceSequentialTests(ITestOutputHelper output)
{
    /// <summary>Central differences with h = 1e-6·max(1, |p|) agree to ~1e-10 here; 1e-7 leaves room for curvature.</summary>
    private const double GradientTolerance = 1e-7;

    /// <summary>The fixtures' inputs and weights were rounded to 6 decimals while Keras ran on the full values.</summary>
    private const double KerasTolerance = 1e-5;

    private const int Seed = 20240901;

    public static TheoryData<string> Stacks => GradientCheckStacks.Names;

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Gradients_match_central_differences_for_stacks(string stack)
    {
        ReferenceSequential model = GradientCheckStacks.All[stack];
        var (parameters, input, target, state) = RandomSample(model);

        double[] analytic = model.Gradients(parameters, input, target, state);
        double[] numeric = ReferenceSequential.FiniteDifferenceGradients(model, parameters, input, target, state);

        AssertRelativelyClose(numeric, analytic, GradientTolerance, "d loss / d parameters");
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Input_gradient_matches_central_differences_for_stacks(string stack)
    {
        ReferenceSequential model = GradientCheckStacks.All[stack];
        var (parameters, input, target, state) = RandomSample(model);

        double[] analytic = model.InputGradient(parameters, input, target, state);
        double[] numeric = CentralDifferences.Gradient(x => model.Loss(parameters, x, target, state), input);

        AssertRelativelyClose(numeric, analytic, GradientTolerance, "d loss / d input");
    }

    [Theory]
    [InlineData(0, Activation.Tanh, false, false, false, true)]
    [InlineData(1, Activation.Sigmoid, false, false, false, true)]
    [InlineData(2, Activation.Tanh, true, false, false, true)]
    [InlineData(3, Activation.Tanh, false, true, false, true)]
    [InlineData(4, Activation.Tanh, true, true, false, true)]
    [InlineData(5, Activation.Tanh, false, false, true, true)]
    [InlineData(6, Activation.Tanh, true, false, true, true)]
    [InlineData(7, Activation.Tanh, false, true, true, true)]
    [InlineData(8, Activation.Tanh, true, true, true, false)]
    public void Reference_reproduces_keras_simple_rnn_case(
        int n, Activation activation, bool returnSequences, bool goBackwards, bool stateful, bool useBias)
    {
        KerasJsCase fixture = KerasJsFixtures.Load("SimpleRNN", n);
        var model = new ReferenceSequential(fixture.TimeSteps, fixture.Features, stateful,
            [new SimpleRnnLayer(fixture.Units, activation, useBias, returnSequences, goBackwards)]);
        double[] parameters = fixture.Parameters;
        Assert.Equal(model.ParameterCount, parameters.Length);

        // Stateful cases: Keras predicted twice on the same input; expected is the second call.
        ReferenceSequential.Result result = model.Forward(parameters, fixture.Input.Data);
        if (stateful)
        {
            result = model.Forward(parameters, fixture.Input.Data, result.FinalStates);
        }

        AssertRelativelyClose(fixture.Expected.Data, result.Outputs, KerasTolerance, $"SimpleRNN.{n}");
    }

    [Fact]
    public void Forward_matches_tutorial_hand_computation()
    {
        // SimpleRNN(2, linear) + Dense(1, linear) on x = [1, 2, 3]: weights wx [1, 2], wh [2, 2], bh [2], wy [2, 1], by [1].
        double[] wx = [0.5, -1], wh = [0.25, 0.5, -0.75, 1], bh = [0.1, -0.2], wy = [2, -0.5];
        double by = 0.3;
        var model = new ReferenceSequential(3, 1, false,
            [new SimpleRnnLayer(2, Activation.Linear), new DenseLayer(1, Activation.Linear)]);

        double[] h = [0, 0];
        foreach (double x in new double[] { 1, 2, 3 })
        {
            // h_t = x_t·wx + h_{t-1}·wh + bh
            h = [x * wx[0] + h[0] * wh[0] + h[1] * wh[2] + bh[0], x * wx[1] + h[0] * wh[1] + h[1] * wh[3] + bh[1]];
        }

        // o_3 = h_3·wy + by
        double o3 = h[0] * wy[0] + h[1] * wy[1] + by;
        ReferenceSequential.Result result = model.Forward([.. wx, .. wh, .. bh, .. wy, by], [1, 2, 3]);

        AssertRelativelyClose([o3], result.Outputs, 1e-15, "o3");
        AssertRelativelyClose(h, result.FinalStates, 1e-15, "h3");
    }

    [Fact]
    public void Stateful_call_continues_the_sequence_and_other_models_start_from_zeros()
    {
        SimpleRnnLayer[] layers = [new SimpleRnnLayer(3, ReturnSequences: true), new SimpleRnnLayer(2)];
        var halves = new ReferenceSequential(4, 2, true, layers);
        var whole = new ReferenceSequential(8, 2, false, layers);
        var (parameters, input, _, _) = RandomSample(whole);

        ReferenceSequential.Result first = halves.Forward(parameters, input[..8]);
        ReferenceSequential.Result second = halves.Forward(parameters, input[8..], first.FinalStates);
        ReferenceSequential.Result all = whole.Forward(parameters, input, initialState: [1, 1, 1, 1, 1]);

        AssertRelativelyClose(all.Outputs, second.Outputs, 1e-15, "second half after the first");
        AssertRelativelyClose(all.FinalStates, second.FinalStates, 1e-15, "final states");
    }

    [Fact]
    public void Lengths_follow_the_keras_layout()
    {
        // Dense(4, no bias): 3·4; SimpleRNN(7, seq): 4·7 + 7·7 + 7; SimpleRNN(2, no bias): 7·2 + 2·2; Dense(1): 2 + 1.
        var last = new ReferenceSequential(5, 3, false,
        [
            new DenseLayer(4, UseBias: false),
            new SimpleRnnLayer(7, ReturnSequences: true),
            new SimpleRnnLayer(2, UseBias: false),
            new DenseLayer(1),
        ]);
        var sequence = new ReferenceSequential(5, 3, false, [new SimpleRnnLayer(3, ReturnSequences: true), new DenseLayer(2)]);

        Assert.Equal((12 + 84 + 18 + 3, 15, 1, 9, false), (last.ParameterCount, last.InputLength, last.OutputLength, last.StateLength, last.OutputIsSequence));
        Assert.Equal((3 * 3 + 9 + 3 + 3 * 2 + 2, 5 * 2, 3, true), (sequence.ParameterCount, sequence.OutputLength, sequence.StateLength, sequence.OutputIsSequence));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Recurrent_layer_after_one_returning_only_its_last_state_is_refused(bool denseBetween)
    {
        ReferenceLayer[] layers = denseBetween
            ? [new SimpleRnnLayer(3), new DenseLayer(4), new SimpleRnnLayer(2)]
            : [new SimpleRnnLayer(3), new SimpleRnnLayer(2)];

        var error = Assert.Throws<ArgumentException>(() => new ReferenceSequential(5, 3, false, layers));
        Assert.Contains("must return sequences", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Arrays_of_the_wrong_length_are_refused()
    {
        var model = new ReferenceSequential(5, 3, true, [new SimpleRnnLayer(3)]);
        var (parameters, input, target, state) = RandomSample(model);

        Assert.Throws<ArgumentException>("parameters", () => model.Forward(parameters[1..], input));
        Assert.Throws<ArgumentException>("input", () => model.Forward(parameters, input[1..]));
        Assert.Throws<ArgumentException>("initialState", () => model.Forward(parameters, input, state![1..]));
        Assert.Throws<ArgumentException>("target", () => model.Loss(parameters, input, [.. target, 0], state));
    }

    [Fact]
    public void Relu_derivative_at_zero_is_zero()
    {
        Assert.Equal(0, ReferenceActivation.Derivative(Activation.Relu, 0));
        Assert.Equal(1, ReferenceActivation.Derivative(Activation.Relu, 1e-300));
    }

    private static (double[] Parameters, double[] Input, double[] Target, double[]? State) RandomSample(ReferenceSequential model) =>
        ReferenceChecks.RandomSample(model, Seed);

    private void AssertRelativelyClose(double[] expected, double[] actual, double tolerance, string what) =>
        ReferenceChecks.AssertRelativelyClose(output, expected, actual, tolerance, what);
}
