namespace RnnGen.Tests.Reference;

/// <summary>
/// Keras 3 <c>GRU(units, activation, recurrent_activation, use_bias, return_sequences, go_backwards,
/// reset_after)</c>, state <c>[h]</c>, blocks z, r, h of U columns each in every weight. With
/// <c>mx = x_t·Kernel + b_in</c>: <c>z = ra(mx_z + mh_z)</c>, <c>r = ra(mx_r + mh_r)</c>,
/// <c>h_t = z ⊙ h_{t-1} + (1 − z) ⊙ hh</c>, where
/// <list type="bullet">
/// <item><see cref="ResetAfter"/> (Keras 3's default, PyTorch's GRU): <c>mh = h_{t-1}·RecurrentKernel + b_rec</c>,
/// <c>hh = act(mx_h + r ⊙ mh_h)</c>; bias <c>[2, 3U]</c>, row 0 b_in, row 1 b_rec;</item>
/// <item>otherwise (Keras 2's only GRU): <c>mh_{z,r} = h_{t-1}·RecurrentKernel_{z,r}</c>,
/// <c>hh = act(mx_h + (r ⊙ h_{t-1})·RecurrentKernel_h)</c>; bias <c>[3U]</c>, all of it b_in.</item>
/// </list>
/// Weights: kernel <c>[in, 3U]</c>, recurrent_kernel <c>[U, 3U]</c>, then the bias when <see cref="UseBias"/>.
/// </summary>
internal sealed record GruLayer : RecurrentLayer
{
    /// <summary>Describes the layer; the parameters are named as Keras' arguments (and as the record's properties) so that calls name them so.</summary>
    /// <param name="Units">U, the width of h.</param>
    /// <param name="Activation">act, of the candidate hh; null: Keras' default, tanh.</param>
    /// <param name="RecurrentActivation">ra, of the gates z, r; null: Keras 3's default, sigmoid.</param>
    /// <param name="UseBias">Whether the layer has a bias.</param>
    /// <param name="ReturnSequences">Whether every step's h is an output.</param>
    /// <param name="GoBackwards">Whether the steps run last to first.</param>
    /// <param name="ResetAfter">Whether r multiplies the recurrent projection (true, Keras 3's default) or h before it.</param>
    public GruLayer(
        int Units,
        ReferenceActivation? Activation = null,
        ReferenceActivation? RecurrentActivation = null,
        bool UseBias = true,
        bool ReturnSequences = false,
        bool GoBackwards = false,
        bool ResetAfter = true)
        : base(Units, ReturnSequences, GoBackwards)
    {
        this.Activation = Activation ?? KerasActivation.Tanh;
        this.RecurrentActivation = RecurrentActivation ?? KerasActivation.Sigmoid;
        this.UseBias = UseBias;
        this.ResetAfter = ResetAfter;
    }

    /// <summary>act, of the candidate hh.</summary>
    public ReferenceActivation Activation { get; init; }

    /// <summary>ra, of the gates z and r.</summary>
    public ReferenceActivation RecurrentActivation { get; init; }

    /// <summary>Whether the layer has a bias.</summary>
    public bool UseBias { get; init; }

    /// <summary>Whether r is applied after the recurrent matrix product (bias <c>[2, 3U]</c>) or before it (bias <c>[3U]</c>).</summary>
    public bool ResetAfter { get; init; }

    /// <inheritdoc/>
    public override int ParameterCount(int inputWidth) => (inputWidth + Units + BiasRows) * 3 * Units;

    /// <inheritdoc/>
    protected override double[] Step(double[] weights, double[] x, double[] previousState) =>
        Compute(weights, x, previousState).H;

    /// <inheritdoc/>
    protected override (double[] Input, double[] PreviousState) StepBackward(
        double[] weights, double[] x, double[] previousState, double[] stateGradient, double[] weightGradients)
    {
        int u = Units;
        Cell cell = Compute(weights, x, previousState);

        // dmx: d loss / d (x_t·Kernel + b_in); dmh: d loss / d (h_{t-1}·RecurrentKernel [+ b_rec]), with reset_after;
        // dq: d loss / d ((r ⊙ h_{t-1})·RecurrentKernel), whose z and r blocks stay 0, without.
        var dmx = new double[3 * u];
        var dmh = new double[3 * u];
        var dq = new double[3 * u];
        var dr = new double[u];
        var previousStateGradient = new double[u];
        for (int j = 0; j < u; j++)
        {
            // h_t = z ⊙ h_{t-1} + (1 − z) ⊙ hh
            double dh = stateGradient[j];
            previousStateGradient[j] = dh * cell.Z[j];
            dmx[j] = dh * (previousState[j] - cell.Hh[j]) * RecurrentActivation.Derivative(cell.PreZ[j]);
            dmh[j] = dmx[j];

            // hh = act(a_h), a_h = mx_h + r ⊙ mh_h (reset_after) or mx_h + q_h
            double da = dh * (1 - cell.Z[j]) * Activation.Derivative(cell.PreH[j]);
            dmx[2 * u + j] = da;
            if (ResetAfter)
            {
                dmh[2 * u + j] = da * cell.R[j];
                dr[j] = da * cell.Mh[2 * u + j];
            }
            else
            {
                dq[2 * u + j] = da;
            }
        }

        ReadOnlySpan<double> kernel = Kernel(weights, x.Length), recurrentKernel = RecurrentKernel(weights, x.Length);
        if (!ResetAfter)
        {
            // q = (r ⊙ h_{t-1})·RecurrentKernel: dRecurrentKernel += (r ⊙ h_{t-1})ᵀ·dq; d(r ⊙ h_{t-1}) = dq·RecurrentKernelᵀ
            double[] resetState = [.. cell.R.Select((r, j) => r * previousState[j])];
            RowVector.AddOuterProduct(resetState, dq, RecurrentKernel(weightGradients, x.Length));
            var dResetState = new double[u];
            RowVector.AddTimesTransposed(dq, recurrentKernel, dResetState);
            for (int j = 0; j < u; j++)
            {
                dr[j] = dResetState[j] * previousState[j];
                previousStateGradient[j] += dResetState[j] * cell.R[j];
            }
        }

        for (int j = 0; j < u; j++)
        {
            // r = ra(mx_r + mh_r)
            dmx[u + j] = dr[j] * RecurrentActivation.Derivative(cell.PreR[j]);
            dmh[u + j] = dmx[u + j];
        }

        // dKernel += x_tᵀ·dmx; dRecurrentKernel += h_{t-1}ᵀ·dmh; db_in += dmx; db_rec += dmh
        RowVector.AddOuterProduct(x, dmx, Kernel(weightGradients, x.Length));
        RowVector.AddOuterProduct(previousState, dmh, RecurrentKernel(weightGradients, x.Length));
        RowVector.Add(dmx, InputBias(weightGradients, x.Length));
        RowVector.Add(dmh, RecurrentBias(weightGradients, x.Length));

        // dx_t = dmx·Kernelᵀ; dh_{t-1} += dmh·RecurrentKernelᵀ
        var inputGradient = new double[x.Length];
        RowVector.AddTimesTransposed(dmx, kernel, inputGradient);
        RowVector.AddTimesTransposed(dmh, recurrentKernel, previousStateGradient);
        return (inputGradient, previousStateGradient);
    }

    /// <summary>One step: the projections, gates, candidate and new h.</summary>
    private Cell Compute(double[] weights, double[] x, double[] h)
    {
        int u = Units;
        ReadOnlySpan<double> recurrentKernel = RecurrentKernel(weights, x.Length);

        // mx = x_t·Kernel + b_in; mh = h_{t-1}·RecurrentKernel + b_rec (its h block is used only with reset_after)
        var mx = new double[3 * u];
        InputBias(weights, x.Length).CopyTo(mx);
        RowVector.AddTimesMatrix(x, Kernel(weights, x.Length), mx);
        var mh = new double[3 * u];
        RecurrentBias(weights, x.Length).CopyTo(mh);
        RowVector.AddTimesMatrix(h, recurrentKernel, mh);

        var cell = new Cell(mh, new double[u], new double[u], new double[u], new double[u], new double[u], new double[u], new double[u]);
        for (int j = 0; j < u; j++)
        {
            cell.PreZ[j] = mx[j] + mh[j];
            cell.PreR[j] = mx[u + j] + mh[u + j];
            cell.Z[j] = RecurrentActivation.Apply(cell.PreZ[j]);
            cell.R[j] = RecurrentActivation.Apply(cell.PreR[j]);
        }

        // reset_after: a_h = mx_h + r ⊙ mh_h; else a_h = mx_h + ((r ⊙ h_{t-1})·RecurrentKernel)_h
        var q = new double[3 * u];
        if (!ResetAfter)
        {
            RowVector.AddTimesMatrix([.. cell.R.Select((r, j) => r * h[j])], recurrentKernel, q);
        }

        for (int j = 0; j < u; j++)
        {
            cell.PreH[j] = mx[2 * u + j] + (ResetAfter ? cell.R[j] * mh[2 * u + j] : q[2 * u + j]);
            cell.Hh[j] = Activation.Apply(cell.PreH[j]);

            // h_t = z ⊙ h_{t-1} + (1 − z) ⊙ hh
            cell.H[j] = cell.Z[j] * h[j] + (1 - cell.Z[j]) * cell.Hh[j];
        }

        return cell;
    }

    /// <summary>Bias rows: 2 with reset_after (input, recurrent), 1 without, 0 without a bias.</summary>
    private int BiasRows => UseBias ? (ResetAfter ? 2 : 1) : 0;

    private Span<double> Kernel(double[] weights, int inputWidth) => weights.AsSpan(0, inputWidth * 3 * Units);

    private Span<double> RecurrentKernel(double[] weights, int inputWidth) => weights.AsSpan(inputWidth * 3 * Units, Units * 3 * Units);

    /// <summary>b_in: the whole bias without reset_after, its row 0 with.</summary>
    private Span<double> InputBias(double[] weights, int inputWidth) =>
        UseBias ? weights.AsSpan((inputWidth + Units) * 3 * Units, 3 * Units) : [];

    /// <summary>b_rec: row 1 of the bias with reset_after; none without.</summary>
    private Span<double> RecurrentBias(double[] weights, int inputWidth) =>
        UseBias && ResetAfter ? weights.AsSpan((inputWidth + Units + 1) * 3 * Units, 3 * Units) : [];

    /// <summary>A step's recurrent projection mh <c>[3U]</c>, and <c>[U]</c> each: the gates' and candidate's pre-activations, z, r, hh and the new h.</summary>
    private sealed record Cell(double[] Mh, double[] PreZ, double[] PreR, double[] PreH, double[] Z, double[] R, double[] Hh, double[] H);
}
