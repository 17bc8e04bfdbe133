namespace RnnGen.Generator.Model;

/// <summary>One layer of a model, with everything its emitters need decided at parse time.</summary>
/// <param name="Index">Position in the stack, from 0.</param>
/// <param name="Name">Keras 3's name: <c>simple_rnn</c>, <c>simple_rnn_1</c>, <c>dense</c>...</param>
/// <param name="InputSize">Values per step fed to the layer.</param>
/// <param name="InputIsSequence">Fed a whole sequence, rather than one vector.</param>
/// <param name="OutputIsSequence">Outputs a sequence: a recurrent layer with return_sequences, or a Dense layer fed one.</param>
/// <param name="StateOffset">First float of the layer's state in State.</param>
/// <param name="Weights">The layer's get_weights() arrays, in order.</param>
/// <param name="Backend">How its operations are written out.</param>
internal sealed record LayerSpec(
    LayerKind Kind,
    int Index,
    string Name,
    int InputSize,
    int Units,
    Activation Activation,
    bool UseBias,
    bool ReturnSequences,
    bool GoBackwards,
    bool InputIsSequence,
    bool OutputIsSequence,
    int StateOffset,
    EquatableArray<WeightSpec> Weights,
    LayerBackend Backend)
{
    public bool IsRecurrent => LayerWeights.IsRecurrent(Kind);

    public WeightSpec Kernel => Weights[0];

    public WeightSpec? RecurrentKernel => IsRecurrent ? Weights[1] : null;

    public WeightSpec? Bias => UseBias ? Weights[Weights.Count - 1] : null;

    public int StateLength => LayerWeights.StateLength(Kind, Units);

    /// <summary>
    /// BPTT needs the layer's pre-activations: one of its activations is Swish, whose derivative is
    /// no function of its output. Forward then keeps each step's pre-activation, the kernel's width
    /// of floats (U; G·U for a gated layer), in the layer's Preactivations buffer. A gated layer adds
    /// its recurrent activation here.
    /// </summary>
    public bool KeepsPreactivations => Activation == Activation.Swish;

    public int ParameterCount
    {
        get
        {
            int count = 0;
            foreach (WeightSpec weight in Weights)
            {
                count += weight.Length;
            }

            return count;
        }
    }

    /// <summary>Steps of the layer's output: TimeSteps for a sequence, else 1.</summary>
    public int OutputSteps(int timeSteps) => OutputIsSequence ? timeSteps : 1;

    /// <summary>Steps of the layer's input: TimeSteps for a sequence, else 1.</summary>
    public int InputSteps(int timeSteps) => InputIsSequence ? timeSteps : 1;

    /// <summary>E.g. <c>SimpleRNN(64, tanh, return_sequences)</c>.</summary>
    public string Describe() =>
        $"{LayerWeights.ClassName(Kind)}({Units}, {LayerWeights.ActivationName(Activation)}"
        + (UseBias ? "" : ", use_bias=False")
        + (ReturnSequences ? ", return_sequences" : "")
        + (GoBackwards ? ", go_backwards" : "")
        + ")";
}
