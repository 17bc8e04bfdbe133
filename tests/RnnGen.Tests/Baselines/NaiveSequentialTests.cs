using RnnGen.Benchmarks.Baselines;
using RnnGen.Tests.Reference;

namespace RnnGen.Tests.Baselines;

/// <summary>
/// The benchmarks' runtime-sized baseline (<see cref="NaiveSequential"/>) computes what the float64
/// reference computes, for every layer kind it has: a baseline is only a baseline if it is right.
/// Forward within 1e-5 and gradients within 1e-4 of the largest reference value.
/// </summary>
public class NaiveSequentialTests
{
    public static TheoryData<string> Stacks => new(Layouts.Keys);

    private static readonly Dictionary<string, ModelLayout> Layouts = new()
    {
        ["SimpleRNN(5, rs) → Dense(2)"] = new(6, 3, false, LayerSettings.SimpleRnn(5, returnSequences: true), LayerSettings.Dense(2, Activation.Tanh)),
        ["LSTM(4)"] = new(5, 2, false, LayerSettings.Lstm(4)),
        ["LSTM(3, relu, tanh, rs, backwards, no bias) → Dense(1)"] = new(5, 2, false,
            LayerSettings.Lstm(3, Activation.Relu, Activation.Tanh, useBias: false, returnSequences: true, goBackwards: true), LayerSettings.Dense(1)),
        ["GRU(4)"] = new(5, 2, false, LayerSettings.Gru(4)),
        ["GRU(4, reset_after=False, rs) → Dense(2)"] = new(5, 2, false, LayerSettings.Gru(4, resetAfter: false, returnSequences: true), LayerSettings.Dense(2)),
        ["Dense(3) → GRU(3, sigmoid, rs, backwards) → LSTM(2)"] = new(4, 2, false,
            LayerSettings.Dense(3, Activation.Tanh), LayerSettings.Gru(3, Activation.Sigmoid, returnSequences: true, goBackwards: true), LayerSettings.Lstm(2)),
        ["GRU(3, no bias, reset_after=False) → Dense(1)"] = new(4, 1, false, LayerSettings.Gru(3, useBias: false, resetAfter: false), LayerSettings.Dense(1)),
    };

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Predict_loss_and_every_gradient_agree_with_the_float64_reference(string stack)
    {
        ModelLayout layout = Layouts[stack];
        var naive = new NaiveSequential(layout);
        var random = new Random(5);
        for (int i = 0; i < naive.Parameters.Length; i++)
        {
            naive.Parameters[i] = (float)(random.NextDouble() - 0.5);
        }

        float[] input = [.. Enumerable.Range(0, layout.InputLength).Select(_ => (float)(random.NextDouble() * 2 - 1))];
        float[] target = [.. Enumerable.Range(0, layout.OutputLength).Select(_ => (float)(random.NextDouble() * 2 - 1))];
        ReferenceSequential reference = Reference(layout);
        double[] parameters = [.. naive.Parameters.Select(static p => (double)p)];
        double[] x = [.. input.Select(static v => (double)v)];
        double[] t = [.. target.Select(static v => (double)v)];

        var output = new float[layout.OutputLength];
        naive.Predict(input, output);
        Assert.True(Relative(output, reference.Forward(parameters, x).Outputs) <= 1e-5, "forward");

        naive.ClearGradients();
        float loss = naive.Backward(input, target);
        Assert.Equal(reference.Loss(parameters, x, t), loss, 1e-5);
        Assert.True(Relative(naive.Gradients, reference.Gradients(parameters, x, t)) <= 1e-4, "gradients");
    }

    private static ReferenceSequential Reference(ModelLayout layout) => new(
        layout.TimeSteps,
        layout.Features,
        layout.Stateful,
        layout.Layers.Select(static layer => layer.Settings switch
        {
            { Kind: LayerKind.SimpleRnn } s => (ReferenceLayer)new Reference.SimpleRnnLayer(s.Units, s.Activation, s.UseBias, s.ReturnSequences, s.GoBackwards),
            { Kind: LayerKind.Lstm } s => new LstmLayer(s.Units, s.Activation, s.RecurrentActivation, s.UseBias, s.ReturnSequences, s.GoBackwards),
            { Kind: LayerKind.Gru } s => new GruLayer(s.Units, s.Activation, s.RecurrentActivation, s.UseBias, s.ReturnSequences, s.GoBackwards, s.ResetAfter),
            var s => new Reference.DenseLayer(s.Units, s.Activation, s.UseBias),
        }).ToList());

    private static double Relative(IReadOnlyList<float> actual, IReadOnlyList<double> expected)
    {
        Assert.Equal(expected.Count, actual.Count);
        double scale = expected.Max(static e => Math.Abs(e));
        return actual.Select((a, i) => Math.Abs(a - expected[i])).Max() / scale;
    }
}
