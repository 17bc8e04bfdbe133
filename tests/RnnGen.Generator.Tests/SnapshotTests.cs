using Microsoft.CodeAnalysis;
using RnnGen.Generator.Tests.Infrastructure;

namespace RnnGen.Generator.Tests;

/// <summary>
/// Pins the whole generated file for each interesting shape and placement, and compiles it with
/// the user's code: zero errors and zero warnings, XML documentation checked.
/// </summary>
public class SnapshotTests
{
    private static void VerifyGenerated(string source, string test)
    {
        GeneratorHarness.Run run = GeneratorHarness.RunGenerator(source);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems);
        GeneratedSourceResult generated = Assert.Single(Assert.Single(run.Result.Results).GeneratedSources);
        Snapshot.Verify(generated.SourceText.ToString(), generated.HintName, nameof(SnapshotTests), test);
    }

    [Fact]
    public void Stack_with_dense_before_between_and_after() => VerifyGenerated("""
        using RnnGen;

        namespace Forecasting;

        /// <summary>The issue's example stack.</summary>
        [Rnn(TimeSteps = 24, Features = 3)]
        [Dense(8, Activation = Activation.Tanh)]
        [SimpleRnn(64, ReturnSequences = true)]
        [SimpleRnn(32, GoBackwards = true)]
        [Dense(16, Activation = Activation.Relu)]
        [Dense(1)]
        public partial class Forecaster;
        """, nameof(Stack_with_dense_before_between_and_after));

    [Fact]
    public void Simple_rnn_and_dense_batched_in_tiles() => VerifyGenerated("""
        using RnnGen;

        namespace Batches;

        /// <summary>The medium benchmark shape: PredictBatch runs tiles of sequences as matrix products.</summary>
        [Rnn(TimeSteps = 32, Features = 4)]
        [SimpleRnn(64)]
        [Dense(3)]
        public partial class TiledRnn;
        """, nameof(Simple_rnn_and_dense_batched_in_tiles));

    [Fact]
    public void Simple_rnn_stack_backward_in_tiles() => VerifyGenerated("""
        using RnnGen;

        namespace Batches;

        /// <summary>
        /// Two SimpleRNN layers returning sequences (relu, then tanh without bias) under a sigmoid Dense on
        /// every step: BackwardBatch's tiles pass each step's input gradient down and sum Dense over the steps.
        /// </summary>
        [Rnn(TimeSteps = 8, Features = 3)]
        [SimpleRnn(24, Activation = Activation.Relu, ReturnSequences = true)]
        [SimpleRnn(16, UseBias = false, ReturnSequences = true)]
        [Dense(2, Activation = Activation.Sigmoid)]
        public partial class TiledSequenceStack;
        """, nameof(Simple_rnn_stack_backward_in_tiles));

    [Fact]
    public void Lstm_returning_sequences_batched_in_tiles() => VerifyGenerated("""
        using RnnGen;

        namespace Batches;

        /// <summary>An LSTM on span loops whose every step is output: PredictBatch's tiles copy each step's rows out.</summary>
        [Rnn(TimeSteps = 16, Features = 2)]
        [Lstm(32, ReturnSequences = true)]
        [Dense(1)]
        public partial class TiledLstm;
        """, nameof(Lstm_returning_sequences_batched_in_tiles));

    [Fact]
    public void Small_gated_stack_streaming_in_registers() => VerifyGenerated("""
        using RnnGen;

        namespace Streams;

        /// <summary>An LSTM(8) into a GRU(16) on span loops: each Step of each is one call whose sums stay in registers.</summary>
        [Rnn(TimeSteps = 12, Features = 3)]
        [Lstm(8, ReturnSequences = true)]
        [Gru(16)]
        [Dense(1)]
        public partial class SmallGatedStack;
        """, nameof(Small_gated_stack_streaming_in_registers));

    [Fact]
    public void Stateful_stack_without_biases_ending_in_a_sequence() => VerifyGenerated("""
        using RnnGen;

        namespace Streams;

        /// <summary>Two recurrent layers, no biases, stateful, streaming a sequence out.</summary>
        [Rnn(TimeSteps = 10, Features = 2, Stateful = true)]
        [SimpleRnn(16, UseBias = false, ReturnSequences = true)]
        [SimpleRnn(8, Activation = Activation.Sigmoid, UseBias = false, ReturnSequences = true)]
        public partial struct StreamStack;
        """, nameof(Stateful_stack_without_biases_ending_in_a_sequence));

    [Fact]
    public void Tutorial_demo_model() => VerifyGenerated("""
        using RnnGen;

        namespace Tutorial;

        /// <summary>The tutorial's first model: SimpleRNN(2) + Dense(1), linear.</summary>
        [Rnn(TimeSteps = 3, Features = 1, HiddenUnits = 2, DenseUnits = 1,
             HiddenActivation = Activation.Linear, DenseActivation = Activation.Linear)]
        public partial class DemoRnn { }
        """, nameof(Tutorial_demo_model));

    [Fact]
    public void Sunspots_model() => VerifyGenerated("""
        using RnnGen;

        namespace Sunspots;

        /// <summary>The tutorial's sunspots model.</summary>
        [Rnn(TimeSteps = 12, Features = 1, HiddenUnits = 3, DenseUnits = 1,
             HiddenActivation = Activation.Tanh, DenseActivation = Activation.Tanh)]
        public partial class SunspotRnn { }
        """, nameof(Sunspots_model));

    [Fact]
    public void Return_sequences_and_stateful() => VerifyGenerated("""
        using RnnGen;

        namespace Streams;

        /// <summary>Dense at every step, state carried across calls.</summary>
        [Rnn(TimeSteps = 4, HiddenUnits = 2, ReturnSequences = true, Stateful = true)]
        public partial class SequenceRnn { }
        """, nameof(Return_sequences_and_stateful));

    [Fact]
    public void Multi_feature_multi_output_relu_sigmoid() => VerifyGenerated("""
        using RnnGen;

        namespace Sensors;

        /// <summary>Three features in, two outputs.</summary>
        [Rnn(TimeSteps = 7, Features = 3, HiddenUnits = 5, DenseUnits = 2,
             HiddenActivation = Activation.Relu, DenseActivation = Activation.Sigmoid)]
        public partial class SensorRnn { }
        """, nameof(Multi_feature_multi_output_relu_sigmoid));

    [Fact]
    public void Large_model_uses_vectorized_loops() => VerifyGenerated("""
        using RnnGen;

        namespace Audio;

        /// <summary>A large model.</summary>
        [Rnn(TimeSteps = 64, Features = 8, HiddenUnits = 128, DenseUnits = 4)]
        public partial class AudioRnn { }
        """, nameof(Large_model_uses_vectorized_loops));

    [Fact]
    public void Struct_target() => VerifyGenerated("""
        using RnnGen;

        namespace Control;

        /// <summary>A model held in a struct.</summary>
        [Rnn(TimeSteps = 8, Features = 2, HiddenUnits = 4)]
        public partial struct ControllerRnn { }
        """, nameof(Struct_target));

    [Fact]
    public void Type_nested_in_partial_types_in_a_namespace() => VerifyGenerated("""
        using RnnGen;

        namespace Trading.Signals
        {
            /// <summary>Outer.</summary>
            public static partial class Models
            {
                /// <summary>Middle.</summary>
                internal partial record Desk<TQuote>
                {
                    /// <summary>The model.</summary>
                    [Rnn(TimeSteps = 5, HiddenUnits = 3, DenseActivation = Activation.Tanh)]
                    public partial class PriceRnn { }
                }
            }
        }
        """, nameof(Type_nested_in_partial_types_in_a_namespace));

    [Fact]
    public void Type_in_the_global_namespace() => VerifyGenerated("""
        using RnnGen;

        /// <summary>A model in the global namespace.</summary>
        [Rnn(TimeSteps = 2, HiddenUnits = 1)]
        public partial class GlobalRnn { }
        """, nameof(Type_in_the_global_namespace));

    [Fact]
    public void Unrolled_return_sequences_and_stateful() => VerifyGenerated("""
        using RnnGen;

        namespace Streams;

        /// <summary>Six units: unrolled, every step out, state carried across calls.</summary>
        [Rnn(TimeSteps = 5, Features = 2, HiddenUnits = 6, DenseUnits = 2, ReturnSequences = true, Stateful = true)]
        public partial class UnrolledSequenceRnn { }
        """, nameof(Unrolled_return_sequences_and_stateful));

    [Fact]
    public void Unrolled_return_sequences_batched_in_lanes() => VerifyGenerated("""
        using RnnGen;

        namespace Sensors;

        /// <summary>Seven units: unrolled, every step out, PredictBatch one sequence per lane.</summary>
        [Rnn(TimeSteps = 4, Features = 3, HiddenUnits = 7, DenseUnits = 3,
             HiddenActivation = Activation.Relu, DenseActivation = Activation.Tanh, ReturnSequences = true)]
        public partial class UnrolledLanesRnn { }
        """, nameof(Unrolled_return_sequences_batched_in_lanes));

    [Fact]
    public void Small_stack_in_registers() => VerifyGenerated("""
        using RnnGen;

        namespace Control;

        /// <summary>Every layer in one Vector128.</summary>
        [Rnn(TimeSteps = 6, Features = 2)]
        [SimpleRnn(4, ReturnSequences = true)]
        [SimpleRnn(4)]
        [Dense(1)]
        public partial class RegisterStack;
        """, nameof(Small_stack_in_registers));

    [Fact]
    public void Stack_mixing_every_backend() => VerifyGenerated("""
        using RnnGen;

        namespace Forecasting;

        /// <summary>Unrolled, register and loops layers; go_backwards and no bias on written-out ones.</summary>
        [Rnn(TimeSteps = 5, Features = 3)]
        [Dense(6, Activation = Activation.Tanh)]
        [SimpleRnn(3, Activation = Activation.Relu, UseBias = false, GoBackwards = true, ReturnSequences = true)]
        [SimpleRnn(7, Activation = Activation.Sigmoid, ReturnSequences = true)]
        [SimpleRnn(20)]
        [Dense(2, Activation = Activation.Sigmoid)]
        public partial class MixedStack;
        """, nameof(Stack_mixing_every_backend));

    [Fact]
    public void Stateful_stack_of_written_out_layers() => VerifyGenerated("""
        using RnnGen;

        namespace Streams;

        /// <summary>Unrolled then register layers, stateful, streaming a sequence out.</summary>
        [Rnn(TimeSteps = 4, Features = 3, Stateful = true)]
        [SimpleRnn(5, ReturnSequences = true)]
        [SimpleRnn(2, Activation = Activation.Linear, UseBias = false, ReturnSequences = true)]
        [Dense(3, Activation = Activation.Relu)]
        public partial struct StatefulSmallStack;
        """, nameof(Stateful_stack_of_written_out_layers));

    [Fact]
    public void Unrolled_layers_going_backwards_without_bias() => VerifyGenerated("""
        using RnnGen;

        namespace Audio;

        /// <summary>Unrolled recurrent and Dense layers, no biases, the recurrence last step first.</summary>
        [Rnn(TimeSteps = 5, Features = 2)]
        [SimpleRnn(6, UseBias = false, GoBackwards = true, ReturnSequences = true)]
        [Dense(5, Activation = Activation.Sigmoid, UseBias = false)]
        public partial class ReversedRnn;
        """, nameof(Unrolled_layers_going_backwards_without_bias));

    [Fact]
    public void Swish_layers_keep_their_preactivations_for_BPTT() => VerifyGenerated("""
        using RnnGen;

        namespace Control;

        /// <summary>Swish (Keras silu) in a register SimpleRNN and a Dense layer: BPTT reads each pre-activation back.</summary>
        [Rnn(TimeSteps = 4, Features = 1)]
        [SimpleRnn(3, Activation = Activation.Swish, ReturnSequences = true)]
        [Dense(1, Activation = Activation.Swish)]
        public partial class SwishRnn;
        """, nameof(Swish_layers_keep_their_preactivations_for_BPTT));

    [Fact]
    public void Keras2_hard_sigmoid_in_the_shorthand() => VerifyGenerated("""
        using RnnGen;

        namespace Legacy;

        /// <summary>Keras 2's hard sigmoid, clip(0.2 x + 0.5, 0, 1), on an unrolled layer and its Dense layer.</summary>
        [Rnn(TimeSteps = 4, Features = 2, HiddenUnits = 6, DenseUnits = 1,
             HiddenActivation = Activation.HardSigmoidKeras2, DenseActivation = Activation.HardSigmoidKeras2)]
        public partial class Keras2Rnn { }
        """, nameof(Keras2_hard_sigmoid_in_the_shorthand));

    [Fact]
    public void Small_lstm_in_registers() => VerifyGenerated("""
        using RnnGen;

        namespace Gates;

        /// <summary>A register LSTM: i, f, g, o and c one Vector128 each, PredictBatch in lanes.</summary>
        [Rnn(TimeSteps = 3, Features = 1)]
        [Lstm(2)]
        [Dense(1)]
        public partial class SmallLstm;
        """, nameof(Small_lstm_in_registers));

    [Fact]
    public void Stateful_lstm_on_loops_going_backwards() => VerifyGenerated("""
        using RnnGen;

        namespace Gates;

        /// <summary>A loops LSTM: the input projection of every step first, [h, c] carried in State.</summary>
        [Rnn(TimeSteps = 4, Features = 2, Stateful = true)]
        [Lstm(9, GoBackwards = true, ReturnSequences = true)]
        [Dense(1)]
        public partial class LoopsLstm;
        """, nameof(Stateful_lstm_on_loops_going_backwards));

    [Fact]
    public void Small_gru_in_registers() => VerifyGenerated("""
        using RnnGen;

        namespace Gates;

        /// <summary>A register GRU (Keras 3's reset_after): z, r, hh one Vector128 each, PredictBatch in lanes.</summary>
        [Rnn(TimeSteps = 3, Features = 1)]
        [Gru(2)]
        [Dense(1)]
        public partial class SmallGru;
        """, nameof(Small_gru_in_registers));

    [Fact]
    public void Stateful_keras2_gru_on_loops_going_backwards() => VerifyGenerated("""
        using RnnGen;

        namespace Gates;

        /// <summary>A loops GRU as Keras 2 made it (reset_after=False): r ⊙ h before the candidate's product, h carried in State.</summary>
        [Rnn(TimeSteps = 4, Features = 2, Stateful = true)]
        [Gru(9, ResetAfter = false, GoBackwards = true, ReturnSequences = true)]
        [Dense(1)]
        public partial class LoopsGru;
        """, nameof(Stateful_keras2_gru_on_loops_going_backwards));

    [Fact]
    public void Gru_on_loops_below_a_register_gru() => VerifyGenerated("""
        using RnnGen;

        namespace Gates;

        /// <summary>reset_after GRUs on both backends: the loops layer sums its recurrent gradients after the recurrence.</summary>
        [Rnn(TimeSteps = 5, Features = 3)]
        [Gru(12, ReturnSequences = true)]
        [Gru(2)]
        public partial class TwoGrus;
        """, nameof(Gru_on_loops_below_a_register_gru));

    [Fact]
    public void Bidirectional_lstm_concatenating_sequences() => VerifyGenerated("""
        using RnnGen;

        namespace Gates;

        /// <summary>Keras' Bidirectional(LSTM(2, return_sequences=True)): two unrolled directions, the backward one flipped back into input order.</summary>
        [Rnn(TimeSteps = 3, Features = 1)]
        [Lstm(2, Bidirectional = true, ReturnSequences = true)]
        [Dense(1)]
        public partial class BidirectionalLstm;
        """, nameof(Bidirectional_lstm_concatenating_sequences));

    [Fact]
    public void Bidirectional_gru_on_loops_multiplied_below_a_simple_rnn() => VerifyGenerated("""
        using RnnGen;

        namespace Gates;

        /// <summary>merge_mode=mul on loops GRUs: BPTT sends each direction the other's output times the gradient, and sums their input gradients.</summary>
        [Rnn(TimeSteps = 4, Features = 2)]
        [SimpleRnn(3, ReturnSequences = true)]
        [Gru(10, Bidirectional = true, MergeMode = MergeMode.Mul)]
        public partial class MultipliedGrus;
        """, nameof(Bidirectional_gru_on_loops_multiplied_below_a_simple_rnn));

    [Fact]
    public void Lstm_unrolled_for_a_wide_input() => VerifyGenerated("""
        using RnnGen;

        namespace Gates;

        /// <summary>Nine inputs per step, more than a register layer broadcasts: the LSTM is written out unit by unit.</summary>
        [Rnn(TimeSteps = 2, Features = 9)]
        [Lstm(2)]
        public partial class WideInputLstm;
        """, nameof(Lstm_unrolled_for_a_wide_input));
}
