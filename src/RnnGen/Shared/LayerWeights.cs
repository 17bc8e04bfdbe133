// Linked into the generator: the parameter layout is defined here once, for the offsets the generated
// code uses and for the ModelLayout the runtime describes, so the two can never drift apart.
#if RNNGEN_GENERATOR
namespace RnnGen.Generator.Model;
#else
namespace RnnGen;
#endif

/// <summary>One weight array of a layer, as Keras' <c>get_weights()</c> lists it: row-major, <c>[Rows, Columns]</c>, or <c>[Columns]</c> for a vector.</summary>
internal readonly struct WeightShape
{
    public WeightShape(string name, int rows, int columns, bool isVector)
    {
        Name = name;
        Rows = rows;
        Columns = columns;
        IsVector = isVector;
    }

    /// <summary><c>kernel</c>, <c>recurrent_kernel</c> or <c>bias</c>.</summary>
    public string Name { get; }

    public int Rows { get; }

    public int Columns { get; }

    public bool IsVector { get; }

    public int Length => Rows * Columns;
}

/// <summary>The weights and state of each layer kind, and the Keras names that go with them.</summary>
internal static class LayerWeights
{
    public const string Kernel = "kernel";
    public const string RecurrentKernel = "recurrent_kernel";
    public const string Bias = "bias";

    /// <summary>Keras' class name of the wrapper that runs a recurrent layer both ways.</summary>
    public const string BidirectionalClassName = "Bidirectional";

    public static bool IsRecurrent(LayerKind kind) => kind != LayerKind.Dense;

    /// <summary>Gate blocks side by side in a recurrent layer's kernels: 1 for SimpleRNN, 4 for LSTM (i, f, c, o), 3 for GRU (z, r, h).</summary>
    public static int Blocks(LayerKind kind) => kind switch
    {
        LayerKind.Lstm => 4,
        LayerKind.Gru => 3,
        _ => 1,
    };

    /// <summary>Floats of state one direction of a layer carries between steps: <c>[h]</c>, <c>[h, c]</c> for LSTM, none for Dense.</summary>
    public static int StateLength(LayerKind kind, int units) => kind switch
    {
        LayerKind.Dense => 0,
        LayerKind.Lstm => 2 * units,
        _ => units,
    };

    /// <summary>Floats of state of a layer, both directions of a bidirectional one (forward first).</summary>
    public static int StateLength(LayerKind kind, int units, bool bidirectional) => (bidirectional ? 2 : 1) * StateLength(kind, units);

    /// <summary>How many arrays <c>get_weights()</c> returns for one direction: kernel, recurrent_kernel (recurrent layers), bias (with use_bias).</summary>
    public static int Count(LayerKind kind, bool useBias) => (IsRecurrent(kind) ? 2 : 1) + (useBias ? 1 : 0);

    /// <summary>Rows of the bias: 2 for a reset_after GRU (input-side row, recurrent-side row), else 1 (a vector).</summary>
    public static int BiasRows(LayerKind kind, bool resetAfter) => kind == LayerKind.Gru && resetAfter ? 2 : 1;

    /// <summary>The <paramref name="index"/>-th array of <c>get_weights()</c> for one direction of a layer fed <paramref name="inputSize"/> values per step.</summary>
    public static WeightShape Shape(LayerKind kind, int index, int inputSize, int units, bool resetAfter = false)
    {
        int columns = Blocks(kind) * units;
        if (index == 0)
        {
            return new WeightShape(Kernel, inputSize, columns, isVector: false);
        }

        if (index == 1 && IsRecurrent(kind))
        {
            return new WeightShape(RecurrentKernel, units, columns, isVector: false);
        }

        int rows = BiasRows(kind, resetAfter);
        return new WeightShape(Bias, rows, columns, isVector: rows == 1);
    }

    /// <summary>The width of a layer's output: twice the units for a bidirectional layer that concatenates.</summary>
    public static int OutputSize(int units, bool bidirectional, MergeMode mergeMode) =>
        bidirectional && mergeMode == MergeMode.Concat ? 2 * units : units;

    /// <summary>Keras' class name: <c>SimpleRNN</c>, <c>LSTM</c>, <c>GRU</c>, <c>Dense</c>.</summary>
    public static string ClassName(LayerKind kind) => kind switch
    {
        LayerKind.Dense => "Dense",
        LayerKind.Lstm => "LSTM",
        LayerKind.Gru => "GRU",
        _ => "SimpleRNN",
    };

    /// <summary>The stem of Keras 3's automatic layer names: <c>simple_rnn</c>, <c>lstm</c>, <c>gru</c>, <c>dense</c>.</summary>
    public static string NameStem(LayerKind kind) => kind switch
    {
        LayerKind.Dense => "dense",
        LayerKind.Lstm => "lstm",
        LayerKind.Gru => "gru",
        _ => "simple_rnn",
    };

    /// <summary>The stem of a <c>Bidirectional</c> wrapper's automatic name.</summary>
    public const string BidirectionalStem = "bidirectional";

    /// <summary>
    /// Keras 3's automatic layer name: <c>simple_rnn</c>, then <c>simple_rnn_1</c>, ... counted per kind
    /// (<paramref name="ordinal"/> is how many layers of that kind come before).
    /// </summary>
    public static string LayerName(LayerKind kind, int ordinal) => Numbered(NameStem(kind), ordinal);

    /// <summary><c>stem</c> for the first, then <c>stem_1</c>, <c>stem_2</c>, ...</summary>
    public static string Numbered(string stem, int ordinal) =>
        ordinal == 0 ? stem : stem + "_" + ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Keras' name of a merge mode: <c>concat</c>, <c>sum</c>, <c>mul</c>, <c>ave</c>.</summary>
    public static string MergeModeName(MergeMode mode) => mode switch
    {
        MergeMode.Sum => "sum",
        MergeMode.Mul => "mul",
        MergeMode.Ave => "ave",
        _ => "concat",
    };

    /// <summary>
    /// Keras' name of an activation: <c>linear</c>, <c>tanh</c>, <c>relu</c>, <c>sigmoid</c>, <c>hard_sigmoid</c>,
    /// <c>elu</c>, <c>selu</c>, <c>softplus</c>, <c>softsign</c>, <c>silu</c>; and RnnGen's own
    /// <c>hard_sigmoid_keras2</c> for Keras 2's hard sigmoid, which Keras 2 also called <c>hard_sigmoid</c>.
    /// </summary>
    public static string ActivationName(Activation activation) => activation switch
    {
        Activation.Tanh => "tanh",
        Activation.Relu => "relu",
        Activation.Sigmoid => "sigmoid",
        Activation.HardSigmoid => "hard_sigmoid",
        Activation.HardSigmoidKeras2 => "hard_sigmoid_keras2",
        Activation.Elu => "elu",
        Activation.Selu => "selu",
        Activation.Softplus => "softplus",
        Activation.Softsign => "softsign",
        Activation.Swish => "silu",
        _ => "linear",
    };
}
