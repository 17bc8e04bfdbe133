using System;
using System.Collections.Generic;
using System.Text;
using RnnGen.Generator.Model;

namespace RnnGen.Generator.Emit;

/// <summary>
/// Building blocks of the unrolled strategy: the names of the locals that hold weights
/// (<c>k{f}_{j}</c>, <c>r{i}_{j}</c>, <c>b{j}</c>, <c>w{i}_{d}</c>, <c>c{d}</c>), and sums written out term by term.
/// </summary>
internal static class Unrolled
{
    public static string K(int f, int j) => $"k{f}_{j}";

    public static string R(int i, int j) => $"r{i}_{j}";

    public static string B(int j) => $"b{j}";

    public static string W(int i, int d) => $"w{i}_{d}";

    public static string C(int d) => $"c{d}";

    /// <summary>Which weights a method loads into locals.</summary>
    [Flags]
    public enum Weights
    {
        Kernel = 1,
        RecurrentKernel = 2,
        Bias = 4,
        DenseKernel = 8,
        DenseBias = 16,
        All = Kernel | RecurrentKernel | Bias | DenseKernel | DenseBias,
    }

    /// <summary>
    /// <c>float k0_0 = p[0], k0_1 = p[1], ...;</c> one line per row, from a span named <c>p</c> over the
    /// parameters, preceded by one bounds check that covers every constant index after it.
    /// </summary>
    public static void WriteWeightLocals(SourceWriter writer, ModelSpec spec, Weights weights) =>
        WriteWeightLocals(writer, spec, weights, "float", static index => $"p[{index}]");

    /// <summary>
    /// The same locals as vectors of <paramref name="type"/>, each weight broadcast to every lane by
    /// <paramref name="initializer"/>(index): used when lanes hold different sequences.
    /// </summary>
    public static void WriteWeightLocals(SourceWriter writer, ModelSpec spec, Weights weights, string type, Func<int, string> initializer)
    {
        writer.WriteLine($"{Names.ReadOnlySpan} p = _parameters;");
        writer.WriteLine("_ = p[ParameterCount - 1]; // one bounds check covers every constant index below");
        if ((weights & Weights.Kernel) != 0)
        {
            WriteMatrix(writer, spec.Features, spec.HiddenUnits, spec.KernelOffset, K, type, initializer);
        }

        if ((weights & Weights.RecurrentKernel) != 0)
        {
            WriteMatrix(writer, spec.HiddenUnits, spec.HiddenUnits, spec.RecurrentKernelOffset, R, type, initializer);
        }

        if ((weights & Weights.Bias) != 0)
        {
            WriteMatrix(writer, 1, spec.HiddenUnits, spec.BiasOffset, static (_, j) => B(j), type, initializer);
        }

        if ((weights & Weights.DenseKernel) != 0)
        {
            WriteMatrix(writer, spec.HiddenUnits, spec.DenseUnits, spec.DenseKernelOffset, W, type, initializer);
        }

        if ((weights & Weights.DenseBias) != 0)
        {
            WriteMatrix(writer, 1, spec.DenseUnits, spec.DenseBiasOffset, static (_, d) => C(d), type, initializer);
        }
    }

    /// <summary><c>float name0 = 0f, name1 = 0f, ...;</c> (or another initializer per element).</summary>
    public static string Declare(string prefix, int count, Func<int, string> initializer, string type = "float")
    {
        var line = new StringBuilder(type).Append(' ');
        for (int i = 0; i < count; i++)
        {
            line.Append(i == 0 ? "" : ", ").Append(prefix).Append(i).Append(" = ").Append(initializer(i));
        }

        return line.Append(';').ToString();
    }

    /// <summary>
    /// The pre-activation of hidden unit <paramref name="j"/>:
    /// <c>b{j} + x0 * k0_{j} + ... + h0 * r0_{j} + ...</c>, with the given names for x_t and h_{t-1}.
    /// </summary>
    public static string Preactivation(ModelSpec spec, int j, Func<int, string> x, Func<int, string> previousHidden)
    {
        var sum = new StringBuilder(B(j));
        for (int f = 0; f < spec.Features; f++)
        {
            sum.Append(" + ").Append(x(f)).Append(" * ").Append(K(f, j));
        }

        for (int i = 0; i < spec.HiddenUnits; i++)
        {
            sum.Append(" + ").Append(previousHidden(i)).Append(" * ").Append(R(i, j));
        }

        return sum.ToString();
    }

    /// <summary>The Dense pre-activation of output unit <paramref name="d"/>: <c>c{d} + h0 * w0_{d} + ...</c>.</summary>
    public static string DensePreactivation(ModelSpec spec, int d, Func<int, string> hidden)
    {
        var sum = new StringBuilder(C(d));
        for (int i = 0; i < spec.HiddenUnits; i++)
        {
            sum.Append(" + ").Append(hidden(i)).Append(" * ").Append(W(i, d));
        }

        return sum.ToString();
    }

    /// <summary><c>term(0) + term(1) + ...</c> over <paramref name="count"/> terms.</summary>
    public static string Sum(int count, Func<int, string> term)
    {
        var terms = new List<string>(count);
        for (int i = 0; i < count; i++)
        {
            terms.Add(term(i));
        }

        return string.Join(" + ", terms);
    }

    private static void WriteMatrix(SourceWriter writer, int rows, int columns, int offset, Func<int, int, string> name, string type, Func<int, string> initializer)
    {
        for (int r = 0; r < rows; r++)
        {
            var line = new StringBuilder(type).Append(' ');
            for (int c = 0; c < columns; c++)
            {
                line.Append(c == 0 ? "" : ", ").Append(name(r, c)).Append(" = ").Append(initializer(offset + r * columns + c));
            }

            writer.WriteLine(line.Append(';').ToString());
        }
    }
}
