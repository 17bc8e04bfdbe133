using RnnGen.Tests.Reference;

namespace RnnGen.Tests.Stacks;

/// <summary>The float64 reference of a generated model, built from its Layout.</summary>
internal static class ReferenceOf
{
    public static ReferenceSequential Model(ModelLayout layout) => new(
        layout.TimeSteps,
        layout.Features,
        layout.Stateful,
        layout.Layers.Select(static layer => Layer(layer.Settings)).ToList());

    /// <summary>The reference layer of one layer's settings: SimpleRNN, LSTM, GRU (either reset_after), Dense, or either wrapped in Bidirectional.</summary>
    public static ReferenceLayer Layer(LayerSettings s)
    {
        if (s.Kind == LayerKind.Dense)
        {
            return new Reference.DenseLayer(s.Units, s.Activation, s.UseBias);
        }

        RecurrentLayer layer = s.Kind switch
        {
            LayerKind.Lstm => new Reference.LstmLayer(s.Units, s.Activation, s.RecurrentActivation, s.UseBias, s.ReturnSequences, s.GoBackwards),
            LayerKind.Gru => new Reference.GruLayer(s.Units, s.Activation, s.RecurrentActivation, s.UseBias, s.ReturnSequences, s.GoBackwards, s.ResetAfter),
            _ => new Reference.SimpleRnnLayer(s.Units, s.Activation, s.UseBias, s.ReturnSequences, s.GoBackwards),
        };

        // The two enums share their values (Concat 0, Sum 1, Mul 2, Ave 3).
        return s.Bidirectional ? new BidirectionalLayer(layer, (ReferenceMergeMode)(int)s.MergeMode) : layer;
    }

    public static double[] Doubles(ReadOnlySpan<float> values)
    {
        var result = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            result[i] = values[i];
        }

        return result;
    }

    /// <summary>max |actual − expected| / max |expected|.</summary>
    public static double RelativeError(ReadOnlySpan<float> actual, IReadOnlyList<double> expected)
    {
        Assert.Equal(expected.Count, actual.Length);
        double scale = expected.Max(static e => Math.Abs(e));
        Assert.True(scale > 1e-3, $"the reference values are too small ({scale:E2}) to check anything");
        double worst = 0;
        for (int i = 0; i < actual.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(actual[i] - expected[i]));
        }

        return worst / scale;
    }

    public static void Fill(Span<float> values, Random random, double scale)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)((random.NextDouble() * 2 - 1) * scale);
        }
    }
}
