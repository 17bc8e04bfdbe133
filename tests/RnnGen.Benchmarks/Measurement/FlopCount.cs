namespace RnnGen.Benchmarks.Measurement;

/// <summary>
/// Floating-point operations per operation, counting a multiply-add as 2 and an activation as 0
/// (T steps, F features, H hidden units, D dense units, O = 1 or T output steps, P parameters).
/// </summary>
public static class FlopCount
{
    /// <summary>Training samples in one epoch of the tutorial (187 windows, batch 1).</summary>
    public const int EpochSamples = 187;

    /// <summary>Epochs of the tutorial's training (Keras <c>model.fit(..., epochs=20, batch_size=1)</c>).</summary>
    public const int FitEpochs = 20;

    /// <summary>Adam's update: about 12 operations per parameter (two moment updates, square root, divide, scale).</summary>
    public const int AdamPerParameter = 12;

    /// <summary><c>T (2FH + 2H² + H) + O (2HD + D)</c>.</summary>
    public static double Forward(RnnShape s) =>
        (double)s.TimeSteps * (2.0 * s.Features * s.HiddenUnits + 2.0 * s.HiddenUnits * s.HiddenUnits + s.HiddenUnits)
        + OutputSteps(s) * (2.0 * s.HiddenUnits * s.DenseUnits + s.DenseUnits);

    /// <summary>
    /// Forward, plus <c>T (2FH + 4H² + 4H)</c> for the steps back (input and recurrent kernel gradients,
    /// <c>dh_{t-1} = RecurrentKernel·dz</c>, <c>dz = dh·act'</c>, bias) and <c>O (4HD + 4D)</c> for the
    /// loss and Dense gradients.
    /// </summary>
    public static double Backward(RnnShape s) =>
        Forward(s)
        + (double)s.TimeSteps * (2.0 * s.Features * s.HiddenUnits + 4.0 * s.HiddenUnits * s.HiddenUnits + 4.0 * s.HiddenUnits)
        + OutputSteps(s) * (4.0 * s.HiddenUnits * s.DenseUnits + 4.0 * s.DenseUnits);

    /// <summary><c>187 (Backward + 12 P)</c>.</summary>
    public static double Epoch(RnnShape s) =>
        EpochSamples * (Backward(s) + (double)AdamPerParameter * s.ParameterCount);

    /// <summary><c>20 · 187 (Backward + 12 P)</c>: the Trainer's loss averaging, shuffling and checks are not counted.</summary>
    public static double Fit(RnnShape s) => FitEpochs * Epoch(s);

    /// <summary>Work of one operation of <paramref name="kind"/> (PredictBatch is timed per sequence), or null.</summary>
    public static double? Of(string kind, RnnShape s) => kind switch
    {
        OperationKinds.Predict or OperationKinds.PredictChained or OperationKinds.PredictBatch => Forward(s),
        OperationKinds.Backward => Backward(s),
        OperationKinds.Epoch => Epoch(s),
        OperationKinds.Fit => Fit(s),
        _ => null,
    };

    private static double OutputSteps(RnnShape s) => s.ReturnSequences ? s.TimeSteps : 1;
}
