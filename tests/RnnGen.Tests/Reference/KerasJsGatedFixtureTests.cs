using Xunit.Abstractions;

namespace RnnGen.Tests.Reference;

/// <summary>
/// The reference's LSTM and GRU against Keras 2.1.2 itself: the 9 LSTM and 9 GRU cases of the
/// keras-js fixtures (<c>shared/data/keras-js/</c>; options per case from the README there). Keras
/// 2.1.2's defaults: recurrent activation Keras 2's hard_sigmoid, GRU reset_after=False.
/// </summary>
public class KerasJsGatedFixtureTests(ITestOutputHelper output)
{
    /// <summary>The fixtures' inputs and weights were rounded to 6 decimals while Keras ran on the full values.</summary>
    private const double KerasTolerance = 1e-5;

    /// <summary>
    /// Every case as (layer, n): the README's table. Cases 0 and 2–8 use Keras 2.1.2's default activations
    /// (tanh, hard_sigmoid of Keras 2), case 1 sigmoid for both; 2, 4, 6, 8 return sequences; 3, 4, 7, 8 go
    /// backwards; 5–8 are stateful; only GRU case 8 has no bias.
    /// </summary>
    public static TheoryData<string, int> Cases
    {
        get
        {
            var cases = new TheoryData<string, int>();
            foreach (string layer in new[] { "LSTM", "GRU" })
            {
                for (int n = 0; n < 9; n++)
                {
                    cases.Add(layer, n);
                }
            }

            return cases;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reference_reproduces_keras_case(string layer, int n)
    {
        KerasJsCase fixture = KerasJsFixtures.Load(layer, n);
        KerasActivation activation = n == 1 ? KerasActivation.Sigmoid : KerasActivation.Tanh;
        KerasActivation recurrentActivation = n == 1 ? KerasActivation.Sigmoid : KerasActivation.HardSigmoidKeras2;
        bool returnSequences = n is 2 or 4 or 6 or 8, goBackwards = n is 3 or 4 or 7 or 8, stateful = n >= 5;
        bool useBias = !(layer == "GRU" && n == 8);
        RecurrentLayer cell = layer == "LSTM"
            ? new LstmLayer(fixture.Units, activation, recurrentActivation, useBias, returnSequences, goBackwards)
            : new GruLayer(fixture.Units, activation, recurrentActivation, useBias, returnSequences, goBackwards, ResetAfter: false);
        var model = new ReferenceSequential(fixture.TimeSteps, fixture.Features, stateful, [cell]);
        double[] parameters = fixture.Parameters;
        Assert.Equal(model.ParameterCount, parameters.Length);

        // Stateful cases: Keras predicted twice on the same input; expected is the second call.
        ReferenceSequential.Result result = model.Forward(parameters, fixture.Input.Data);
        if (stateful)
        {
            result = model.Forward(parameters, fixture.Input.Data, result.FinalStates);
        }

        ReferenceChecks.AssertRelativelyClose(output, fixture.Expected.Data, result.Outputs, KerasTolerance, $"{layer}.{n}");
    }

    [Fact]
    public void Keras_hard_sigmoid_of_keras_2_is_not_keras_3s()
    {
        // The LSTM cases tell the two apart: with Keras 3's hard_sigmoid case 0 is far off.
        KerasJsCase fixture = KerasJsFixtures.Load("LSTM", 0);
        var model = new ReferenceSequential(fixture.TimeSteps, fixture.Features, false,
            [new LstmLayer(fixture.Units, KerasActivation.Tanh, KerasActivation.HardSigmoid)]);

        double[] outputs = model.Forward(fixture.Parameters, fixture.Input.Data).Outputs;

        Assert.True(outputs.Zip(fixture.Expected.Data, (a, e) => Math.Abs(a - e)).Max() > 1e-3);
    }
}
