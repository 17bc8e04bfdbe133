namespace RnnGen.Benchmarks.Measurement;

/// <summary>
/// Floating-point operations per operation, counting a multiply-add as 2, an add or multiply as 1 and
/// an activation as 0, per layer of a <see cref="ModelLayout"/> (in inputs, U units, W = G·U gate columns
/// with G = 1 for SimpleRNN and Dense, 4 for LSTM, 3 for GRU; T steps, P parameters).
/// </summary>
public static class FlopCount
{
    /// <summary>Training samples in one epoch of the tutorial (187 windows, batch 1).</summary>
    public const int EpochSamples = 187;

    /// <summary>Epochs of the tutorial's training (Keras <c>model.fit(..., epochs=20, batch_size=1)</c>).</summary>
    public const int FitEpochs = 20;

    /// <summary>Adam's update: about 12 operations per parameter (two moment updates, square root, divide, scale).</summary>
    public const int AdamPerParameter = 12;

    /// <summary>
    /// Σ over layers of S times <see cref="ForwardPerStep"/>, S the layer's steps (for SimpleRNN + Dense:
    /// <c>T (2FH + 2H² + H) + O (2HD + D)</c>).
    /// </summary>
    public static double Forward(ModelLayout layout) => layout.Layers.Sum(layer => Steps(layout, layer) * ForwardPerStep(layer));

    /// <summary>
    /// Forward, plus per layer and step the kernel's gradient (<c>2·in·W</c>), for a recurrent layer the
    /// recurrent kernel's gradient and <c>dh_{t-1}</c> (<c>4U·W</c>), <c>4W</c> for the activations' derivatives
    /// and the bias, the cell's element-wise arithmetic (<see cref="CellBackward"/>), and <c>2·in·W</c> for the
    /// gradient sent to the layer below (none below the first). For SimpleRNN + Dense:
    /// <c>T (2FH + 4H² + 4H) + O (4HD + 4D)</c>.
    /// </summary>
    public static double Backward(ModelLayout layout) => Forward(layout) + layout.Layers.Sum(layer =>
        Steps(layout, layer) * (2.0 * layer.InputSize * Width(layer) + 4.0 * Width(layer) + CellBackward(layer.Settings) * layer.Units
            + (layer.Settings.IsRecurrent ? 4.0 * layer.Units * Width(layer) : 0)
            + (layer == layout.Layers[0] ? 0 : 2.0 * layer.InputSize * Width(layer))));

    /// <summary>One streaming step: every layer once, <c>Σ</c> <see cref="ForwardPerStep"/> (a Dense head runs at every step).</summary>
    public static double Step(ModelLayout layout) => layout.Layers.Sum(ForwardPerStep);

    /// <summary>Bytes of recurrent kernel one Predict reads: <c>Σ T · U · W · 4</c> over the recurrent layers.</summary>
    public static double RecurrentKernelBytes(ModelLayout layout) => layout.TimeSteps * RecurrentKernelBytesPerStep(layout);

    /// <summary>Bytes of recurrent kernel one streaming step reads: <c>Σ U · W · 4</c> over the recurrent layers.</summary>
    public static double RecurrentKernelBytesPerStep(ModelLayout layout) => layout.Layers
        .Where(static layer => layer.Settings.IsRecurrent)
        .Sum(static layer => (double)layer.Units * Width(layer) * sizeof(float));

    /// <summary><c>187 (Backward + 12 P)</c>.</summary>
    public static double Epoch(ModelLayout s) =>
        EpochSamples * (Backward(s) + (double)AdamPerParameter * s.ParameterCount);

    /// <summary><c>20 · 187 (Backward + 12 P)</c>: the Trainer's loss averaging, shuffling and checks are not counted.</summary>
    public static double Fit(ModelLayout s) => FitEpochs * Epoch(s);

    /// <summary>Work of one operation of <paramref name="kind"/> (PredictBatch and BackwardBatch are timed per sequence, Step per step), or null.</summary>
    public static double? Of(string kind, ModelLayout s) => kind switch
    {
        OperationKinds.Predict or OperationKinds.PredictChained or OperationKinds.PredictBatch => Forward(s),
        OperationKinds.Step => Step(s),
        OperationKinds.Backward or OperationKinds.BackwardBatch => Backward(s),
        OperationKinds.Epoch => Epoch(s),
        OperationKinds.Fit => Fit(s),
        _ => null,
    };

    /// <summary>
    /// One step of one layer: <c>2·in·W + W</c> (the kernel's product and the bias), plus for a recurrent layer
    /// <c>2U·W</c> (the recurrent kernel's product) and the cell's element-wise arithmetic (<see cref="CellForward"/>).
    /// </summary>
    private static double ForwardPerStep(LayerLayout layer) =>
        2.0 * layer.InputSize * Width(layer) + Width(layer) + CellForward(layer.Settings) * layer.Units
        + (layer.Settings.IsRecurrent ? 2.0 * layer.Units * Width(layer) : 0);

    /// <summary>
    /// Per unit and step, forward, besides the products and the first bias. LSTM 4: <c>c = f·c_{t-1} + i·g</c> (3),
    /// <c>h = o·act(c)</c> (1). GRU 8: the z and r sums (2), the candidate's sum and reset (2), <c>h = z·h_{t-1} + (1 - z)·hh</c>
    /// (4); reset_after adds its recurrent bias (3, one per block).
    /// </summary>
    private static double CellForward(LayerSettings cell) => cell.Kind switch
    {
        LayerKind.Lstm => 4,
        LayerKind.Gru => cell.ResetAfter ? 8 + 3 : 8,
        _ => 0,
    };

    /// <summary>
    /// Per unit and step, backward, besides the products and <c>4W</c>. LSTM 10: the four blocks' factors
    /// (<c>dc·g, dc·c_{t-1}, dc·i, dh·act(c)</c>: 4), <c>dc = dc_{t+1} + dh·o·act'(c)</c> (5), <c>dc·f</c> to the step
    /// before (1). GRU 8 with reset_after: <c>dh·z</c> to the step before (2), the z and candidate factors (4), the
    /// reset factor and <c>dhh·r</c> (2), and its recurrent bias's gradient (3); 9 without (the reset gate's two
    /// products through <c>r ⊙ h_{t-1}</c> take 3).
    /// </summary>
    private static double CellBackward(LayerSettings cell) => cell.Kind switch
    {
        LayerKind.Lstm => 10,
        LayerKind.Gru => cell.ResetAfter ? 8 + 3 : 9,
        _ => 0,
    };

    // The kernel's columns: G gate blocks of U units.
    private static double Width(LayerLayout layer) => layer.Weights[0].Columns;

    // A layer runs once per step of its input: T for a recurrent layer or a Dense layer on a sequence, else 1.
    private static double Steps(ModelLayout layout, LayerLayout layer) => layer.InputIsSequence ? layout.TimeSteps : 1;
}
