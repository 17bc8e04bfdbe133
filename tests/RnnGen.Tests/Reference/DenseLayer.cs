namespace RnnGen.Tests.Reference;

/// <summary>
/// Keras <c>Dense(units, activation, use_bias)</c>: <c>y = act(x·Kernel + Bias)</c> for every vector
/// of the sequence (Keras 3 applies Dense to the last axis). Weights: kernel <c>[in, units]</c>,
/// then bias <c>[units]</c> when <see cref="UseBias"/>.
/// </summary>
internal sealed record DenseLayer : ReferenceLayer
{
    /// <summary>Describes the layer; the parameters are named as Keras' arguments (and as the record's properties) so that calls name them so.</summary>
    /// <param name="Units">The width of y.</param>
    /// <param name="Activation">The activation; null: Keras' default, linear.</param>
    /// <param name="UseBias">Whether the layer has a bias.</param>
    public DenseLayer(int Units, ReferenceActivation? Activation = null, bool UseBias = true)
        : base(Units)
    {
        this.Activation = Activation ?? KerasActivation.Linear;
        this.UseBias = UseBias;
    }

    /// <summary>The activation of y.</summary>
    public ReferenceActivation Activation { get; init; }

    /// <summary>Whether the layer has a bias.</summary>
    public bool UseBias { get; init; }

    /// <inheritdoc/>
    public override int ParameterCount(int inputWidth) => inputWidth * Units + (UseBias ? Units : 0);

    /// <inheritdoc/>
    public override LayerOutput Forward(double[] weights, double[][] inputs, double[] initialState)
    {
        var outputs = new double[inputs.Length][];
        for (int t = 0; t < inputs.Length; t++)
        {
            // y_t = act(x_t·Kernel + Bias)
            outputs[t] = [.. PreActivation(weights, inputs[t]).Select(Activation.Apply)];
        }

        return new LayerOutput(outputs, []);
    }

    /// <inheritdoc/>
    public override LayerGradients Backward(double[] weights, double[][] inputs, double[] initialState, double[][] outputGradients)
    {
        int inputWidth = inputs[0].Length;
        var weightGradients = new double[weights.Length];
        var inputGradients = new double[inputs.Length][];
        for (int t = 0; t < inputs.Length; t++)
        {
            // dz = dy ⊙ act'(z); dKernel += x_tᵀ·dz; dBias += dz; dx_t = dz·Kernelᵀ
            double[] z = PreActivation(weights, inputs[t]);
            double[] dz = [.. z.Select((value, d) => outputGradients[t][d] * Activation.Derivative(value))];
            RowVector.AddOuterProduct(inputs[t], dz, Kernel(weightGradients, inputWidth));
            RowVector.Add(dz, Bias(weightGradients, inputWidth));
            inputGradients[t] = new double[inputWidth];
            RowVector.AddTimesTransposed(dz, Kernel(weights, inputWidth), inputGradients[t]);
        }

        return new LayerGradients(weightGradients, inputGradients);
    }

    /// <summary><c>z = x·Kernel + Bias</c>.</summary>
    private double[] PreActivation(double[] weights, double[] x)
    {
        var z = new double[Units];
        Bias(weights, x.Length).CopyTo(z);
        RowVector.AddTimesMatrix(x, Kernel(weights, x.Length), z);
        return z;
    }

    private Span<double> Kernel(double[] weights, int inputWidth) => weights.AsSpan(0, inputWidth * Units);

    private Span<double> Bias(double[] weights, int inputWidth) => UseBias ? weights.AsSpan(inputWidth * Units, Units) : [];
}
