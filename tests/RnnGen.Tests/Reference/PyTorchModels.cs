namespace RnnGen.Tests.Reference;

/// <summary>A PyTorch fixture's reference model, and its values in the model's layouts (the states null when the fixture has none).</summary>
internal sealed record PyTorchModel(
    ReferenceSequential Model,
    double[] Parameters,
    double[] Gradients,
    double[]? InitialState,
    double[]? FinalState,
    double[]? InitialStateGradient);

/// <summary>
/// The Keras-equivalent reference model of a PyTorch fixture, with PyTorch's weights and gradients
/// mapped onto its parameters by <see cref="TorchLayout"/>. Each of a module's <c>num_layers</c> is one
/// Keras layer (wrapped in Bidirectional, concat, when bidirectional); every recurrent layer returns
/// sequences but the last one of a case whose output is the last step. A fixture with an initial
/// state becomes a stateful model starting from it.
/// </summary>
internal static class PyTorchModels
{
    /// <summary>The model, and the fixture's weights, gradients and states mapped onto its layouts.</summary>
    public static PyTorchModel Of(PyTorchCase fixture)
    {
        var layers = new List<ReferenceLayer>();
        var parameters = new List<double>();
        var gradients = new List<double>();
        int lastRecurrent = Array.FindLastIndex(fixture.Layers, module => module.Type != "Linear");
        for (int m = 0; m < fixture.Layers.Length; m++)
        {
            TorchModule module = fixture.Layers[m];
            if (module.Type == "Linear")
            {
                layers.Add(new DenseLayer(module.OutFeatures));
                parameters.AddRange(TorchLayout.Linear(name => fixture.Parameters[name].Data, module.Prefix, module.InFeatures, module.OutFeatures));
                gradients.AddRange(TorchLayout.Linear(name => fixture.Gradients[name].Data, module.Prefix, module.InFeatures, module.OutFeatures));
                continue;
            }

            int directions = module.Bidirectional ? 2 : 1;
            for (int k = 0; k < module.NumLayers; k++)
            {
                bool sequences = fixture.Output == "sequence" || m < lastRecurrent || k < module.NumLayers - 1;
                RecurrentLayer cell = module.Type switch
                {
                    "RNN" => new SimpleRnnLayer(module.HiddenSize, KerasActivation.Tanh, ReturnSequences: sequences),
                    "LSTM" => new LstmLayer(module.HiddenSize, ReturnSequences: sequences),
                    "GRU" => new GruLayer(module.HiddenSize, ReturnSequences: sequences, ResetAfter: true),
                    _ => throw new InvalidDataException($"No reference layer for PyTorch's {module.Type}."),
                };
                layers.Add(module.Bidirectional ? new BidirectionalLayer(cell) : cell);

                int inputs = k == 0 ? module.InputSize : directions * module.HiddenSize;
                foreach (string suffix in module.Bidirectional ? new[] { $"_l{k}", $"_l{k}_reverse" } : [$"_l{k}"])
                {
                    parameters.AddRange(TorchLayout.Recurrent(module.Type, inputs, module.HiddenSize,
                        name => fixture.Parameters[name].Data, module.Prefix, suffix, TorchValues.Weights));
                    gradients.AddRange(TorchLayout.Recurrent(module.Type, inputs, module.HiddenSize,
                        name => fixture.Gradients[name].Data, module.Prefix, suffix, TorchValues.Gradients));
                }
            }
        }

        var model = new ReferenceSequential(fixture.TimeSteps, fixture.Features, fixture.InitialState is not null, layers);
        return new PyTorchModel(model, [.. parameters], [.. gradients],
            State(fixture, fixture.InitialState, "h_0", "c_0"),
            State(fixture, fixture.FinalState, "h_n", "c_n"),
            State(fixture, fixture.InitialStateGradient, "h_0", "c_0"));
    }

    /// <summary>A single module's state tensors in the reference's state layout.</summary>
    private static double[]? State(PyTorchCase fixture, Dictionary<string, TorchTensor>? tensors, string h, string c)
    {
        if (tensors is null)
        {
            return null;
        }

        TorchModule module = fixture.Layers.Single();
        return TorchLayout.State(module.NumLayers, module.Bidirectional ? 2 : 1, module.HiddenSize,
            tensors[h].Data, tensors.GetValueOrDefault(c)?.Data);
    }
}
