namespace RnnGen.Tests.Reference;

/// <summary>
/// Keras <c>SimpleRNN(units, activation, use_bias, return_sequences, go_backwards)</c>:
/// <c>h_t = act(x_t·Kernel + h_{t-1}·RecurrentKernel + Bias)</c>, state <c>[h]</c>. Weights: kernel
/// <c>[in, units]</c>, recurrent_kernel <c>[units, units]</c>, then bias <c>[units]</c> when <see cref="UseBias"/>.
/// </summary>
internal sealed record SimpleRnnLayer : RecurrentLayer
{
    /// <summary>Describes the layer; the parameters are named as Keras' arguments (and as the record's properties) so that calls name them so.</summary>
    /// <param name="Units">The width of h.</param>
    /// <param name="Activation">The activation; null: Keras' default, tanh.</param>
    /// <param name="UseBias">Whether the layer has a bias.</param>
    /// <param name="ReturnSequences">Whether every step's h is an output.</param>
    /// <param name="GoBackwards">Whether the steps run last to first.</param>
    public SimpleRnnLayer(int Units, ReferenceActivation? Activation = null, bool UseBias = true, bool ReturnSequences = false, bool GoBackwards = false)
        : base(Units, ReturnSequences, GoBackwards)
    {
        this.Activation = Activation ?? KerasActivation.Tanh;
        this.UseBias = UseBias;
    }

    /// <summary>The activation of h.</summary>
    public ReferenceActivation Activation { get; init; }

    /// <summary>Whether the layer has a bias.</summary>
    public bool UseBias { get; init; }

    /// <inheritdoc/>
    public override int ParameterCount(int inputWidth) => inputWidth * Units + Units * Units + (UseBias ? Units : 0);

    /// <inheritdoc/>
    protected override double[] Step(double[] weights, double[] x, double[] previousState) =>
        [.. PreActivation(weights, x, previousState).Select(Activation.Apply)];

    /// <inheritdoc/>
    protected override (double[] Input, double[] PreviousState) StepBackward(
        double[] weights, double[] x, double[] previousState, double[] stateGradient, double[] weightGradients)
    {
        // da = dh_t ⊙ act'(a_t)
        double[] a = PreActivation(weights, x, previousState);
        double[] da = [.. a.Select((value, j) => stateGradient[j] * Activation.Derivative(value))];

        // dKernel += x_tᵀ·da; dRecurrentKernel += h_{t-1}ᵀ·da; dBias += da
        RowVector.AddOuterProduct(x, da, Kernel(weightGradients, x.Length));
        RowVector.AddOuterProduct(previousState, da, RecurrentKernel(weightGradients, x.Length));
        RowVector.Add(da, Bias(weightGradients, x.Length));

        // dx_t = da·Kernelᵀ; dh_{t-1} = da·RecurrentKernelᵀ
        var inputGradient = new double[x.Length];
        var previousStateGradient = new double[Units];
        RowVector.AddTimesTransposed(da, Kernel(weights, x.Length), inputGradient);
        RowVector.AddTimesTransposed(da, RecurrentKernel(weights, x.Length), previousStateGradient);
        return (inputGradient, previousStateGradient);
    }

    /// <summary><c>a_t = x_t·Kernel + h_{t-1}·RecurrentKernel + Bias</c>.</summary>
    private double[] PreActivation(double[] weights, double[] x, double[] h)
    {
        var a = new double[Units];
        Bias(weights, x.Length).CopyTo(a);
        RowVector.AddTimesMatrix(x, Kernel(weights, x.Length), a);
        RowVector.AddTimesMatrix(h, RecurrentKernel(weights, x.Length), a);
        return a;
    }

    private Span<double> Kernel(double[] weights, int inputWidth) => weights.AsSpan(0, inputWidth * Units);

    private Span<double> RecurrentKernel(double[] weights, int inputWidth) => weights.AsSpan(inputWidth * Units, Units * Units);

    private Span<double> Bias(double[] weights, int inputWidth) =>
        UseBias ? weights.AsSpan(inputWidth * Units + Units * Units, Units) : [];
}
