using System.Collections.Immutable;
using RnnGen.Generator.Emit;
using RnnGen.Generator.Emit.Stack;
using RnnGen.Generator.Model;
using RnnGen.Generator.Parsing;
using RnnGen.Generator.Tests.Infrastructure;

namespace RnnGen.Generator.Tests;

/// <summary>
/// Which backend each layer gets is a pure function of the spec, decided at parse time: small
/// layers of any stack are written out (register, unrolled), larger ones run span loops, and
/// PredictBatch runs sequences in SIMD lanes only when every layer is written out and nothing is stateful.
/// </summary>
public class BackendChoiceTests
{
    private static ModelSpec Spec(int features, bool stateful, params LayerReader.Layer[] layers) => Spec(12, features, stateful, layers);

    private static ModelSpec Spec(int timeSteps, int features, bool stateful, params LayerReader.Layer[] layers) =>
        Backends.Choose(new ModelSpec(
            Namespace: null,
            ContainingTypes: new EquatableArray<TypeDeclaration>(ImmutableArray<TypeDeclaration>.Empty),
            Type: new TypeDeclaration("class", "M"),
            HintName: "M.g.cs",
            TimeSteps: timeSteps,
            Features: features,
            Stateful: stateful,
            Layers: LayerReader.LayOut(layers.ToImmutableArray(), features, LayerBackend.Loops)));

    private static LayerReader.Layer Rnn(int units, bool returnSequences = false) =>
        new(Model.LayerKind.SimpleRnn, units, Model.Activation.Tanh, UseBias: true, returnSequences, GoBackwards: false);

    private static LayerReader.Layer Dense(int units) =>
        new(Model.LayerKind.Dense, units, Model.Activation.Linear, UseBias: true, ReturnSequences: false, GoBackwards: false);

    private static LayerBackend[] BackendsOf(ModelSpec spec) => spec.Layers.Select(static layer => layer.Backend).ToArray();

    [Fact]
    public void The_tutorial_model_is_register_code_with_lanes_for_batches()
    {
        ModelSpec spec = Spec(1, stateful: false, Rnn(3), Dense(1));

        Assert.Equal([LayerBackend.Register, LayerBackend.Register], BackendsOf(spec));
        Assert.True(Backends.UsesLanes(spec));
    }

    [Fact]
    public void A_small_stack_is_register_code_layer_by_layer()
    {
        ModelSpec spec = Spec(2, stateful: false, Rnn(4, returnSequences: true), Rnn(4), Dense(1));

        Assert.Equal([LayerBackend.Register, LayerBackend.Register, LayerBackend.Register], BackendsOf(spec));
        Assert.True(Backends.UsesLanes(spec));
    }

    [Theory]
    [InlineData(1, 4, "Register")]
    [InlineData(8, 4, "Register")]
    [InlineData(9, 4, "Unrolled")]
    [InlineData(1, 5, "Unrolled")]
    [InlineData(2, 8, "Unrolled")]
    [InlineData(5, 8, "Loops")] // 5·8 + 8·8 + 8 = 112 weights: more than 96 locals
    [InlineData(1, 9, "Loops")]
    [InlineData(4, 64, "Loops")]
    public void A_recurrent_layer_backend_follows_its_units_and_inputs(int inputs, int units, string expected)
    {
        Assert.Equal(expected, Spec(inputs, stateful: false, Rnn(units)).Layers[0].Backend.ToString());
    }

    [Theory]
    [InlineData("Lstm", 1, 3, true, "Register")] // 4·3·(1 + 3 + 1) = 60 weights: the tutorial-sized LSTM
    [InlineData("Lstm", 1, 4, true, "Register")] // 96 weights, the most a register gated layer unrolls in BPTT
    [InlineData("Lstm", 2, 4, true, "Loops")] // 112 weights
    [InlineData("Lstm", 9, 2, true, "Unrolled")] // more than 8 inputs: 8·(9 + 2 + 1) = 96 weights
    [InlineData("Lstm", 1, 8, true, "Loops")] // 320 weights
    [InlineData("Gru", 1, 3, true, "Register")] // 3·3·(1 + 3 + 2) = 54 weights
    [InlineData("Gru", 8, 3, false, "Loops")] // reset_after=False: 3·3·(8 + 3 + 1) = 108 weights
    [InlineData("Gru", 6, 3, false, "Register")] // 3·3·(6 + 3 + 1) = 90 weights
    [InlineData("Gru", 10, 2, true, "Unrolled")] // 6·(10 + 2 + 2) = 84 weights
    [InlineData("Gru", 1, 256, true, "Loops")]
    public void A_gated_layer_backend_follows_its_units_inputs_and_weights(string kind, int inputs, int units, bool resetAfter, string expected)
    {
        var layer = new LayerReader.Layer(
            kind == "Lstm" ? Model.LayerKind.Lstm : Model.LayerKind.Gru, units, Model.Activation.Tanh, UseBias: true, ReturnSequences: false, GoBackwards: false,
            UnitForgetBias: kind == "Lstm", ResetAfter: resetAfter);
        Assert.Equal(expected, Spec(inputs, stateful: false, layer).Layers[0].Backend.ToString());
    }

    [Fact]
    public void A_bidirectional_layer_is_chosen_by_one_directions_weights_and_runs_batches_in_lanes()
    {
        var layer = new LayerReader.Layer(Model.LayerKind.Lstm, 3, Model.Activation.Tanh, UseBias: true, ReturnSequences: false, GoBackwards: false, UnitForgetBias: true, Bidirectional: true);
        ModelSpec spec = Spec(1, stateful: false, layer, Dense(1));

        Assert.Equal([LayerBackend.Register, LayerBackend.Register], BackendsOf(spec));
        Assert.Equal(120, spec.Layers[0].ParameterCount);
        Assert.All(spec.Layers[0].Directions, static d => Assert.Equal(LayerBackend.Register, d.Backend));
        Assert.True(Backends.UsesLanes(spec));
    }

    [Fact]
    public void Mixed_stacks_mix_backends_and_run_batches_in_tiles()
    {
        ModelSpec spec = Spec(3, stateful: false, Dense(8), Rnn(64, returnSequences: true), Dense(4), Rnn(3), Dense(1));

        Assert.Equal(
            [LayerBackend.Unrolled, LayerBackend.Loops, LayerBackend.Loops, LayerBackend.Register, LayerBackend.Register],
            BackendsOf(spec));
        Assert.False(Backends.UsesLanes(spec));
        Assert.True(spec.BatchesInTiles);
    }

    [Theory]
    [InlineData("SimpleRnn", 4, 64)] // the medium benchmark shape, with Dense(3)
    [InlineData("SimpleRnn", 1, 256)] // the large one
    [InlineData("Lstm", 1, 64)]
    [InlineData("Gru", 1, 64)]
    public void Models_on_span_loops_run_batches_in_tiles_of_matrix_products(string kind, int features, int units)
    {
        var layer = new LayerReader.Layer(
            kind switch { "Lstm" => Model.LayerKind.Lstm, "Gru" => Model.LayerKind.Gru, _ => Model.LayerKind.SimpleRnn }, units, Model.Activation.Tanh, UseBias: true, ReturnSequences: false, GoBackwards: false,
            UnitForgetBias: kind == "Lstm", ResetAfter: true);
        ModelSpec spec = Spec(64, features, stateful: false, layer, Dense(features == 4 ? 3 : 1));

        // Dense(1) on 64 units is written out (65 weights); the tiles run it as a product too.
        Assert.Equal(LayerBackend.Loops, spec.Layers[0].Backend);
        Assert.False(Backends.UsesLanes(spec));
        Assert.True(spec.BatchesInTiles);
    }

    [Fact]
    public void Models_in_lanes_stateful_or_bidirectional_do_not_run_tiles()
    {
        var bidirectional = new LayerReader.Layer(Model.LayerKind.Lstm, 64, Model.Activation.Tanh, UseBias: true, ReturnSequences: false, GoBackwards: false, UnitForgetBias: true, Bidirectional: true);

        Assert.False(Spec(1, stateful: false, Rnn(3), Dense(1)).BatchesInTiles);
        Assert.False(Spec(1, stateful: true, Rnn(64), Dense(1)).BatchesInTiles);
        Assert.False(Spec(1, stateful: false, bidirectional, Dense(1)).BatchesInTiles);
    }

    [Fact]
    public void A_model_whose_tiles_would_pass_RNNG008s_limit_runs_batches_one_by_one()
    {
        // 60000 steps of SimpleRNN(64): about 12M floats for one sequence, 61M more for a tile of 16, past 2^26.
        ModelSpec large = Spec(60000, 1, stateful: false, Rnn(64), Dense(1));
        ModelSpec fits = Spec(30000, 1, stateful: false, Rnn(64), Dense(1));

        Assert.True(Backends.CanBatchInTiles(large));
        Assert.False(large.BatchesInTiles);
        Assert.True(Buffers.TotalFloats(large) <= ModelParser.MaxFloats);
        Assert.True(fits.BatchesInTiles);
    }

    [Fact]
    public void SimpleRnn_and_dense_models_in_tiles_run_their_batched_backward_in_tiles()
    {
        Assert.True(Spec(32, 4, stateful: false, Rnn(64), Dense(3)).BackwardsInTiles);
        Assert.True(Spec(64, 1, stateful: false, Rnn(256), Dense(1)).BackwardsInTiles);
        Assert.True(Spec(3, stateful: false, Dense(8), Rnn(64, returnSequences: true), Dense(4), Rnn(3), Dense(1)).BackwardsInTiles);
    }

    [Fact]
    public void Gated_backwards_swish_or_untiled_models_run_their_batched_backward_sequence_by_sequence()
    {
        var lstm = new LayerReader.Layer(Model.LayerKind.Lstm, 64, Model.Activation.Tanh, UseBias: true, ReturnSequences: false, GoBackwards: false, UnitForgetBias: true);
        var backwards = new LayerReader.Layer(Model.LayerKind.SimpleRnn, 64, Model.Activation.Tanh, UseBias: true, ReturnSequences: false, GoBackwards: true);
        var swish = new LayerReader.Layer(Model.LayerKind.SimpleRnn, 64, Model.Activation.Swish, UseBias: true, ReturnSequences: false, GoBackwards: false);

        foreach (ModelSpec tiled in new[] { Spec(1, stateful: false, lstm, Dense(1)), Spec(1, stateful: false, backwards, Dense(1)), Spec(1, stateful: false, swish, Dense(1)) })
        {
            Assert.True(tiled.BatchesInTiles);
            Assert.False(tiled.BackwardsInTiles);
        }

        Assert.False(Spec(1, stateful: false, Rnn(3), Dense(1)).BackwardsInTiles);
        Assert.False(Spec(1, stateful: true, Rnn(64), Dense(1)).BackwardsInTiles);
    }

    [Fact]
    public void A_model_whose_backward_tiles_would_pass_RNNG008s_limit_runs_its_batched_backward_sequence_by_sequence()
    {
        // 40000 steps of SimpleRNN(64) returning sequences: PredictBatch's tiles fit 2^26 floats (about 49M with the
        // rest); BackwardBatch's would add a d loss / d output of every step for 16 sequences, about 42M more.
        ModelSpec spec = Spec(40000, 1, stateful: false, Rnn(64, returnSequences: true), Dense(1));

        Assert.True(spec.BatchesInTiles);
        Assert.True(Backends.CanBackwardInTiles(spec));
        Assert.False(spec.BackwardsInTiles);
    }

    [Fact]
    public void A_stateful_model_runs_batches_in_order_not_in_lanes()
    {
        ModelSpec spec = Spec(1, stateful: true, Rnn(3), Dense(1));

        Assert.Equal(LayerBackend.Register, spec.Layers[0].Backend);
        Assert.False(Backends.UsesLanes(spec));
    }

    [Theory]
    [InlineData(16, "Unrolled")]
    [InlineData(17, "Loops")]
    [InlineData(64, "Loops")]
    public void A_dense_head_is_written_out_over_at_most_16_inputs_and_a_dot_product_past_them(int inputs, string expected)
    {
        ModelSpec spec = Spec(1, stateful: false, Rnn(inputs), Dense(1));

        Assert.Equal(expected, spec.Layers[1].Backend.ToString());
    }

    [Fact]
    public void The_parsed_spec_carries_the_chosen_backends()
    {
        GeneratorHarness.Run run = GeneratorHarness.RunGenerator("""
            using RnnGen;
            [Rnn(TimeSteps = 6, Features = 2)]
            [SimpleRnn(4, ReturnSequences = true)]
            [SimpleRnn(16)]
            [Dense(1)]
            public partial class Mixed;
            """);

        string generated = Assert.Single(Assert.Single(run.Result.Results).GeneratedSources).SourceText.ToString();
        string[] header = generated.Split('\n').TakeWhile(static line => line.StartsWith("//", StringComparison.Ordinal)).ToArray();
        Assert.Contains(header, static line => line.Contains("simple_rnn: SimpleRNN(4, tanh, return_sequences)"));
        Assert.Equal(["register", "loops", "unrolled"], header.Where(static line => line.StartsWith("//     ", StringComparison.Ordinal)).Select(static line => line.Trim('/', ' ').Split(':')[0]).ToArray());
    }
}
