using System.Collections.Immutable;
using RnnGen.Generator.Emit;
using RnnGen.Generator.Model;
using RnnGen.Generator.Parsing;

namespace RnnGen.Generator.Tests;

using Activation = RnnGen.Generator.Model.Activation;
using LayerKind = RnnGen.Generator.Model.LayerKind;

/// <summary>
/// What the passes and Summary() say of gated layers: Keras 3's initial weights (glorot_uniform over the
/// whole [in, G·U] kernel, orthogonal over the whole [U, G·U] recurrent kernel, zero biases but LSTM's f
/// block with unit_forget_bias) and Keras' summary rows.
/// </summary>
public class GatedEmittedTextTests
{
    private static ModelSpec Spec(int timeSteps, int features, params LayerReader.Layer[] layers) =>
        Backends.Choose(new ModelSpec(
            Namespace: null,
            ContainingTypes: new EquatableArray<TypeDeclaration>(ImmutableArray<TypeDeclaration>.Empty),
            Type: new TypeDeclaration("class", "M"),
            HintName: "M.g.cs",
            TimeSteps: timeSteps,
            Features: features,
            Stateful: false,
            Layers: LayerReader.LayOut(layers.ToImmutableArray(), features, LayerBackend.Loops)));

    private static string Initialize(params LayerReader.Layer[] layers)
    {
        string source = ModelEmitter.Emit(Spec(4, 2, layers));
        int start = source.IndexOf("public static void Initialize(", StringComparison.Ordinal);
        return source.Substring(start, source.IndexOf("\n    }", start, StringComparison.Ordinal) - start);
    }

    private static LayerReader.Layer Lstm(int units, bool unitForgetBias = true, bool useBias = true) =>
        new(LayerKind.Lstm, units, Activation.Tanh, useBias, ReturnSequences: true, GoBackwards: false, Activation.Sigmoid, unitForgetBias);

    [Fact]
    public void Kernels_are_drawn_whole_and_the_lstm_forget_block_starts_at_one()
    {
        string initialize = Initialize(Lstm(3), new LayerReader.Layer(LayerKind.Gru, 2, Activation.Tanh, true, false, false, Activation.Sigmoid, ResetAfter: true));

        Assert.Contains("KerasInitializers.GlorotUniform(parameters.Slice(0, 24), 2, 12, random); // lstm/kernel", initialize);
        Assert.Contains("KerasInitializers.Orthogonal(parameters.Slice(24, 36), 3, 12, random); // lstm/recurrent_kernel", initialize);
        Assert.Contains("parameters.Slice(63, 3).Fill(1f); // lstm/bias: unit_forget_bias", initialize); // bias at 60, f block from U = 3
        Assert.Contains("KerasInitializers.GlorotUniform(parameters.Slice(72, 18), 3, 6, random); // gru/kernel", initialize);
        Assert.Contains("KerasInitializers.Orthogonal(parameters.Slice(90, 12), 2, 6, random); // gru/recurrent_kernel", initialize);
        Assert.Single(initialize.Split('\n'), static line => line.Contains(".Fill(1f)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void Without_unit_forget_bias_or_bias_every_bias_is_zero(bool unitForgetBias, bool useBias)
    {
        Assert.DoesNotContain(".Fill(1f)", Initialize(Lstm(3, unitForgetBias, useBias)));
    }

    [Fact]
    public void Summary_rows_are_keras_for_lstm_and_gru()
    {
        // keras.Sequential([Input((12, 1)), LSTM(64, return_sequences=True), GRU(32), Dense(1)]).summary()
        string table = SummaryEmitter.Table(Spec(12, 1,
            Lstm(64),
            new LayerReader.Layer(LayerKind.Gru, 32, Activation.Tanh, true, false, false, Activation.Sigmoid, ResetAfter: true),
            new LayerReader.Layer(LayerKind.Dense, 1, Activation.Linear, true, false, false)));

        Assert.Contains(" lstm (LSTM)                 (None, 12, 64)            16,896\n", table); // 4·64·(1 + 64 + 1)
        Assert.Contains(" gru (GRU)                   (None, 32)                9,408\n", table); // 3·32·(64 + 32 + 2)
        Assert.Contains("Total params: 26,337\n", table);
    }
}
