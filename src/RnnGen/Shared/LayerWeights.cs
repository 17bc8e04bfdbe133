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

    public static bool IsRecurrent(LayerKind kind) => kind != LayerKind.Dense;

    /// <summary>Gate blocks side by side in a recurrent layer's kernels: one for SimpleRNN.</summary>
    public static int Blocks(LayerKind kind) => 1;

    /// <summary>Floats of state a layer carries between steps: <c>[h]</c> for SimpleRNN, none for Dense.</summary>
    public static int StateLength(LayerKind kind, int units) => IsRecurrent(kind) ? units : 0;

    /// <summary>How many arrays <c>get_weights()</c> returns: kernel, recurrent_kernel (recurrent layers), bias (with use_bias).</summary>
    public static int Count(LayerKind kind, bool useBias) => (IsRecurrent(kind) ? 2 : 1) + (useBias ? 1 : 0);

    /// <summary>The <paramref name="index"/>-th array of <c>get_weights()</c> for a layer fed <paramref name="inputSize"/> values per step.</summary>
    public static WeightShape Shape(LayerKind kind, int index, int inputSize, int units)
    {
        int columns = Blocks(kind) * units;
        if (index == 0)
        {
            return new WeightShape(Kernel, inputSize, columns, isVector: false);
        }

        return index == 1 && IsRecurrent(kind)
            ? new WeightShape(RecurrentKernel, units, columns, isVector: false)
            : new WeightShape(Bias, 1, columns, isVector: true);
    }

    /// <summary>Keras' class name: <c>SimpleRNN</c>, <c>Dense</c>.</summary>
    public static string ClassName(LayerKind kind) => kind == LayerKind.Dense ? "Dense" : "SimpleRNN";

    /// <summary>
    /// Keras 3's automatic layer name: <c>simple_rnn</c>, then <c>simple_rnn_1</c>, ... counted per kind
    /// (<paramref name="ordinal"/> is how many layers of that kind come before).
    /// </summary>
    public static string LayerName(LayerKind kind, int ordinal)
    {
        string stem = kind == LayerKind.Dense ? "dense" : "simple_rnn";
        return ordinal == 0 ? stem : stem + "_" + ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Keras' name of an activation: <c>linear</c>, <c>tanh</c>, <c>relu</c>, <c>sigmoid</c>.</summary>
    public static string ActivationName(Activation activation) => activation switch
    {
        Activation.Tanh => "tanh",
        Activation.Relu => "relu",
        Activation.Sigmoid => "sigmoid",
        _ => "linear",
    };
}
