namespace RnnGen.Tests.Reference;

/// <summary>
/// Keras 3 <c>LSTM(units, activation, recurrent_activation, use_bias, return_sequences, go_backwards)</c>,
/// state <c>[h, c]</c>. With <c>z = x_t·Kernel + h_{t-1}·RecurrentKernel + Bias</c> split into the
/// blocks i, f, c, o of U values each: <c>i = ra(z_i)</c>, <c>f = ra(z_f)</c>, <c>o = ra(z_o)</c>,
/// <c>c_t = f ⊙ c_{t-1} + i ⊙ act(z_c)</c>, <c>h_t = o ⊙ act(c_t)</c>. Weights: kernel <c>[in, 4U]</c>,
/// recurrent_kernel <c>[U, 4U]</c>, then bias <c>[4U]</c> when <see cref="UseBias"/>; the columns of
/// each are the blocks i, f, c, o. (unit_forget_bias only sets initial weights: no part of the maths.)
/// </summary>
internal sealed record LstmLayer : RecurrentLayer
{
    /// <summary>Describes the layer; the parameters are named as Keras' arguments (and as the record's properties) so that calls name them so.</summary>
    /// <param name="Units">U, the width of h and c.</param>
    /// <param name="Activation">act, of the cell input and of c; null: Keras' default, tanh.</param>
    /// <param name="RecurrentActivation">ra, of the gates i, f, o; null: Keras 3's default, sigmoid.</param>
    /// <param name="UseBias">Whether the layer has a bias.</param>
    /// <param name="ReturnSequences">Whether every step's h is an output.</param>
    /// <param name="GoBackwards">Whether the steps run last to first.</param>
    public LstmLayer(
        int Units,
        ReferenceActivation? Activation = null,
        ReferenceActivation? RecurrentActivation = null,
        bool UseBias = true,
        bool ReturnSequences = false,
        bool GoBackwards = false)
        : base(Units, ReturnSequences, GoBackwards)
    {
        this.Activation = Activation ?? KerasActivation.Tanh;
        this.RecurrentActivation = RecurrentActivation ?? KerasActivation.Sigmoid;
        this.UseBias = UseBias;
    }

    /// <summary>act, of the cell input and of c.</summary>
    public ReferenceActivation Activation { get; init; }

    /// <summary>ra, of the gates i, f, o.</summary>
    public ReferenceActivation RecurrentActivation { get; init; }

    /// <summary>Whether the layer has a bias.</summary>
    public bool UseBias { get; init; }

    /// <inheritdoc/>
    public override int StateLength => 2 * Units;

    /// <inheritdoc/>
    public override int ParameterCount(int inputWidth) => (inputWidth + Units + (UseBias ? 1 : 0)) * 4 * Units;

    /// <inheritdoc/>
    protected override double[] Step(double[] weights, double[] x, double[] previousState)
    {
        Cell cell = Compute(weights, x, previousState);
        return [.. cell.H, .. cell.C];
    }

    /// <inheritdoc/>
    protected override (double[] Input, double[] PreviousState) StepBackward(
        double[] weights, double[] x, double[] previousState, double[] stateGradient, double[] weightGradients)
    {
        int u = Units;
        Cell cell = Compute(weights, x, previousState);
        var dz = new double[4 * u];
        var previousStateGradient = new double[2 * u];
        for (int j = 0; j < u; j++)
        {
            // dc_t = dc_t(from t+1) + dh_t ⊙ o ⊙ act'(c_t); then through c_t = f ⊙ c_{t-1} + i ⊙ g
            double dh = stateGradient[j];
            double dc = stateGradient[u + j] + dh * cell.O[j] * Activation.Derivative(cell.C[j]);
            dz[j] = dc * cell.G[j] * RecurrentActivation.Derivative(cell.Z[j]);
            dz[u + j] = dc * previousState[u + j] * RecurrentActivation.Derivative(cell.Z[u + j]);
            dz[2 * u + j] = dc * cell.I[j] * Activation.Derivative(cell.Z[2 * u + j]);
            dz[3 * u + j] = dh * Activation.Apply(cell.C[j]) * RecurrentActivation.Derivative(cell.Z[3 * u + j]);

            // dc_{t-1} = dc_t ⊙ f
            previousStateGradient[u + j] = dc * cell.F[j];
        }

        // dKernel += x_tᵀ·dz; dRecurrentKernel += h_{t-1}ᵀ·dz; dBias += dz
        ReadOnlySpan<double> h = previousState.AsSpan(0, u);
        RowVector.AddOuterProduct(x, dz, Kernel(weightGradients, x.Length));
        RowVector.AddOuterProduct(h, dz, RecurrentKernel(weightGradients, x.Length));
        RowVector.Add(dz, Bias(weightGradients, x.Length));

        // dx_t = dz·Kernelᵀ; dh_{t-1} = dz·RecurrentKernelᵀ
        var inputGradient = new double[x.Length];
        RowVector.AddTimesTransposed(dz, Kernel(weights, x.Length), inputGradient);
        RowVector.AddTimesTransposed(dz, RecurrentKernel(weights, x.Length), previousStateGradient.AsSpan(0, u));
        return (inputGradient, previousStateGradient);
    }

    /// <summary>One step: the pre-activations z <c>[4U]</c>, the gates, g = act(z_c), and the new h and c.</summary>
    private Cell Compute(double[] weights, double[] x, double[] previousState)
    {
        int u = Units;

        // z = x_t·Kernel + h_{t-1}·RecurrentKernel + Bias
        var z = new double[4 * u];
        Bias(weights, x.Length).CopyTo(z);
        RowVector.AddTimesMatrix(x, Kernel(weights, x.Length), z);
        RowVector.AddTimesMatrix(previousState.AsSpan(0, u), RecurrentKernel(weights, x.Length), z);

        var cell = new Cell(z, new double[u], new double[u], new double[u], new double[u], new double[u], new double[u]);
        for (int j = 0; j < u; j++)
        {
            cell.I[j] = RecurrentActivation.Apply(z[j]);
            cell.F[j] = RecurrentActivation.Apply(z[u + j]);
            cell.G[j] = Activation.Apply(z[2 * u + j]);
            cell.O[j] = RecurrentActivation.Apply(z[3 * u + j]);

            // c_t = f ⊙ c_{t-1} + i ⊙ act(z_c); h_t = o ⊙ act(c_t)
            cell.C[j] = cell.F[j] * previousState[u + j] + cell.I[j] * cell.G[j];
            cell.H[j] = cell.O[j] * Activation.Apply(cell.C[j]);
        }

        return cell;
    }

    private Span<double> Kernel(double[] weights, int inputWidth) => weights.AsSpan(0, inputWidth * 4 * Units);

    private Span<double> RecurrentKernel(double[] weights, int inputWidth) => weights.AsSpan(inputWidth * 4 * Units, Units * 4 * Units);

    private Span<double> Bias(double[] weights, int inputWidth) =>
        UseBias ? weights.AsSpan((inputWidth + Units) * 4 * Units, 4 * Units) : [];

    /// <summary>A step's pre-activations <c>[4U]</c>, gates i, f, o, cell input g and new c, h <c>[U]</c> each.</summary>
    private sealed record Cell(double[] Z, double[] I, double[] F, double[] G, double[] O, double[] C, double[] H);
}
