namespace RnnGen.Benchmarks.Measurement;

/// <summary>
/// Floating-point operations per operation, counting a multiply-add as 2 and an activation as 0
/// per layer of a <see cref="ModelLayout"/> (in inputs, U units; T steps, P parameters).
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
    /// Σ over layers: a recurrent layer <c>S (2·in·U + 2U² + U)</c>, a Dense layer <c>S (2·in·U + U)</c>, S its
    /// steps (for SimpleRNN + Dense: <c>T (2FH + 2H² + H) + O (2HD + D)</c>).
    /// </summary>
    public static double Forward(ModelLayout layout) => layout.Layers.Sum(layer =>
        Steps(layout, layer) * (2.0 * layer.InputSize * layer.Units + layer.Units
            + (layer.Settings.IsRecurrent ? 2.0 * layer.Units * layer.Units : 0)));

    /// <summary>
    /// Forward, plus per layer and step the weight gradients (<c>2·in·U</c>, and <c>4U²</c> for the recurrent
    /// kernel's gradient and <c>dh_{t-1}</c>), <c>4U</c> for the activation's derivative and the bias, and
    /// <c>2·in·U</c> for the gradient sent to the layer below (none below the first). For SimpleRNN + Dense:
    /// <c>T (2FH + 4H² + 4H) + O (4HD + 4D)</c>.
    /// </summary>
    public static double Backward(ModelLayout layout) => Forward(layout) + layout.Layers.Sum(layer =>
        Steps(layout, layer) * (2.0 * layer.InputSize * layer.Units + 4.0 * layer.Units
            + (layer.Settings.IsRecurrent ? 4.0 * layer.Units * layer.Units : 0)
            + (layer == layout.Layers[0] ? 0 : 2.0 * layer.InputSize * layer.Units)));

    /// <summary>Bytes of recurrent kernel one Predict reads: <c>Σ T · U² · 4</c> over the recurrent layers.</summary>
    public static double RecurrentKernelBytes(ModelLayout layout) => layout.Layers
        .Where(static layer => layer.Settings.IsRecurrent)
        .Sum(layer => (double)layout.TimeSteps * layer.Units * layer.Units * sizeof(float));

    /// <summary><c>187 (Backward + 12 P)</c>.</summary>
    public static double Epoch(ModelLayout s) =>
        EpochSamples * (Backward(s) + (double)AdamPerParameter * s.ParameterCount);

    /// <summary><c>20 · 187 (Backward + 12 P)</c>: the Trainer's loss averaging, shuffling and checks are not counted.</summary>
    public static double Fit(ModelLayout s) => FitEpochs * Epoch(s);

    /// <summary>Work of one operation of <paramref name="kind"/> (PredictBatch is timed per sequence), or null.</summary>
    public static double? Of(string kind, ModelLayout s) => kind switch
    {
        OperationKinds.Predict or OperationKinds.PredictChained or OperationKinds.PredictBatch => Forward(s),
        OperationKinds.Backward => Backward(s),
        OperationKinds.Epoch => Epoch(s),
        OperationKinds.Fit => Fit(s),
        _ => null,
    };

    // A layer runs once per step of its input: T for a recurrent layer or a Dense layer on a sequence, else 1.
    private static double Steps(ModelLayout layout, LayerLayout layer) => layer.InputIsSequence ? layout.TimeSteps : 1;
}
