namespace RnnGen.Tests.Reference;

/// <summary>
/// The single LSTM, GRU and Bidirectional layers whose analytic gradients are checked against central
/// differences: every activation as activation and as recurrent activation (GRU both ways of
/// reset_after), every flag, every merge mode around every cell kind. Stateful unless named otherwise,
/// so that the gradient with respect to the initial state is checked too.
/// </summary>
internal static class GatedGradientCheckModels
{
    private const int TimeSteps = 3, Features = 2;

    /// <summary>The models by name.</summary>
    public static IReadOnlyDictionary<string, ReferenceSequential> All { get; } = Build();

    /// <summary>The names, as theory data (one test case each).</summary>
    public static TheoryData<string> Names => new(All.Keys);

    private static Dictionary<string, ReferenceSequential> Build()
    {
        var models = new Dictionary<string, ReferenceSequential>();
        void Add(string name, RecurrentLayer layer, bool stateful = true) =>
            models.Add(name, new ReferenceSequential(TimeSteps, Features, stateful, [layer]));

        foreach (ReferenceActivation a in ReferenceActivation.All)
        {
            Add($"LSTM(3, {a})", new LstmLayer(3, Activation: a));
            Add($"LSTM(3, recurrent {a})", new LstmLayer(3, RecurrentActivation: a));
            Add($"GRU(3, {a})", new GruLayer(3, Activation: a));
            Add($"GRU(3, recurrent {a})", new GruLayer(3, RecurrentActivation: a));
            Add($"GRU(3, {a}, reset before)", new GruLayer(3, Activation: a, ResetAfter: false));
            Add($"GRU(3, recurrent {a}, reset before)", new GruLayer(3, RecurrentActivation: a, ResetAfter: false));
        }

        (string Name, Func<bool, bool, bool, RecurrentLayer> Make)[] kinds =
        [
            ("LSTM(4)", (bias, sequences, backwards) => new LstmLayer(4, UseBias: bias, ReturnSequences: sequences, GoBackwards: backwards)),
            ("GRU(4)", (bias, sequences, backwards) => new GruLayer(4, UseBias: bias, ReturnSequences: sequences, GoBackwards: backwards)),
            ("GRU(4, reset before)", (bias, sequences, backwards) => new GruLayer(4, UseBias: bias, ReturnSequences: sequences, GoBackwards: backwards, ResetAfter: false)),
        ];
        foreach (var (name, make) in kinds)
        {
            Add($"{name} seq", make(true, true, false));
            Add($"{name} backwards", make(true, false, true));
            Add($"{name} seq backwards", make(true, true, true));
            Add($"{name} no bias", make(false, false, false));
            Add($"{name} no bias seq backwards", make(false, true, true));
            Add($"{name} not stateful", make(true, false, false), stateful: false);
        }

        (string Name, Func<bool, RecurrentLayer> Make)[] wrapped =
        [
            ("SimpleRNN(3)", sequences => new SimpleRnnLayer(3, ReturnSequences: sequences)),
            ("LSTM(3)", sequences => new LstmLayer(3, ReturnSequences: sequences)),
            ("GRU(3)", sequences => new GruLayer(3, ReturnSequences: sequences)),
            ("GRU(3, reset before)", sequences => new GruLayer(3, KerasActivation.Softsign, KerasActivation.HardSigmoid, ReturnSequences: sequences, ResetAfter: false)),
        ];
        foreach (var (name, make) in wrapped)
        {
            foreach (ReferenceMergeMode mode in Enum.GetValues<ReferenceMergeMode>())
            {
                foreach (bool sequences in new[] { false, true })
                {
                    models.Add($"Bidirectional({name}{(sequences ? " seq" : "")}, {mode})",
                        new ReferenceSequential(TimeSteps, Features, true, [new BidirectionalLayer(make(sequences), mode)]));
                }
            }
        }

        models.Add("Bidirectional(LSTM(3, seq, backwards), mul) not stateful", new ReferenceSequential(TimeSteps, Features, false,
            [new BidirectionalLayer(new LstmLayer(3, ReturnSequences: true, GoBackwards: true), ReferenceMergeMode.Mul)]));
        return models;
    }
}
