using RnnGen.Tests.Reference;

namespace RnnGen.Tests.Stacks;

[Rnn(TimeSteps = 3, Features = 6)] [SimpleRnn(4)] public partial class KerasSimpleRnn0;
[Rnn(TimeSteps = 8, Features = 5)] [SimpleRnn(5, Activation = Activation.Sigmoid)] public partial class KerasSimpleRnn1;
[Rnn(TimeSteps = 7, Features = 6)] [SimpleRnn(4, ReturnSequences = true)] public partial class KerasSimpleRnn2;
[Rnn(TimeSteps = 7, Features = 6)] [SimpleRnn(4, GoBackwards = true)] public partial class KerasSimpleRnn3;
[Rnn(TimeSteps = 7, Features = 6)] [SimpleRnn(4, ReturnSequences = true, GoBackwards = true)] public partial class KerasSimpleRnn4;
[Rnn(TimeSteps = 7, Features = 6, Stateful = true)] [SimpleRnn(4)] public partial class KerasSimpleRnn5;
[Rnn(TimeSteps = 7, Features = 6, Stateful = true)] [SimpleRnn(4, ReturnSequences = true)] public partial class KerasSimpleRnn6;
[Rnn(TimeSteps = 7, Features = 6, Stateful = true)] [SimpleRnn(4, GoBackwards = true)] public partial class KerasSimpleRnn7;
[Rnn(TimeSteps = 7, Features = 6, Stateful = true)] [SimpleRnn(4, UseBias = false, ReturnSequences = true, GoBackwards = true)] public partial class KerasSimpleRnn8;

/// <summary>
/// Generated bare SimpleRNN layers reproduce Keras 2.1.2's own outputs (../shared/data/keras-js),
/// within 1e-5 relative to the largest expected value (the file rounds inputs and weights to 6 decimals).
/// </summary>
public class KerasSimpleRnnFixtureTests
{
    public static TheoryData<int> Cases => new() { 0, 1, 2, 3, 4, 5, 6, 7, 8 };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_layer_reproduces_keras_simple_rnn_case(int n)
    {
        IRnnModel model = n switch
        {
            0 => new KerasSimpleRnn0(seed: 1),
            1 => new KerasSimpleRnn1(seed: 1),
            2 => new KerasSimpleRnn2(seed: 1),
            3 => new KerasSimpleRnn3(seed: 1),
            4 => new KerasSimpleRnn4(seed: 1),
            5 => new KerasSimpleRnn5(seed: 1),
            6 => new KerasSimpleRnn6(seed: 1),
            7 => new KerasSimpleRnn7(seed: 1),
            _ => new KerasSimpleRnn8(seed: 1),
        };
        KerasJsCase fixture = KerasJsFixtures.Load("SimpleRNN", n);
        Assert.InRange(ReferenceOf.RelativeError(PredictWithWeightsOf(model, fixture), fixture.Expected.Data), 0, 1e-5);
    }

    /// <summary>The model's output on a keras-js case's input with the case's weights (stateful: the second predict, as Keras ran it).</summary>
    internal static float[] PredictWithWeightsOf(IRnnModel model, KerasJsCase fixture)
    {
        Assert.Equal(fixture.Weights.Length, model.Layout.Weights.Count);
        for (int w = 0; w < fixture.Weights.Length; w++)
        {
            Assert.Equal(fixture.Weights[w].Shape, model.Layout.Weights[w].Shape);
            Span<float> target = model.Layout.Weights[w].Of(model.Parameters);
            for (int i = 0; i < target.Length; i++)
            {
                target[i] = (float)fixture.Weights[w].Data[i];
            }
        }

        float[] input = fixture.Input.Data.Select(static v => (float)v).ToArray();
        var output = new float[model.OutputLength];
        model.Predict(input, output);
        if (model.Layout.Stateful)
        {
            // Keras called predict twice on the same input; expected is the second call's output.
            model.Predict(input, output);
        }

        return output;
    }
}
