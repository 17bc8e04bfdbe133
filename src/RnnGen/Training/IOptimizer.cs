namespace RnnGen.Training;

/// <summary>
/// A first-order optimizer: turns a gradient into an update of the parameters it was taken for.
/// The fit loop drives any optimizer through this interface.
/// </summary>
/// <remarks>
/// An optimizer keeps per-parameter state (moments, momentum) sized on its first step, so one
/// instance belongs to one parameter buffer of one length until <see cref="Reset"/>.
/// </remarks>
public interface IOptimizer
{
    /// <summary>The step size (Keras <c>learning_rate</c>); may be changed between steps.</summary>
    float LearningRate { get; set; }

    /// <summary>Steps taken since construction or the last <see cref="Reset"/> (Keras <c>iterations</c>).</summary>
    long Iterations { get; }

    /// <summary>Updates <paramref name="parameters"/> in place from <paramref name="gradients"/>, treating the buffer as one variable.</summary>
    /// <param name="parameters">The parameters, e.g. <see cref="IRnnModel.Parameters"/>.</param>
    /// <param name="gradients">d(loss)/d(parameters), same length and layout; not modified.</param>
    /// <exception cref="ArgumentException">The lengths differ, or differ from the length of earlier steps.</exception>
    void Step(Span<float> parameters, ReadOnlySpan<float> gradients);

    /// <summary>
    /// Updates <paramref name="parameters"/> in place from <paramref name="gradients"/>, where the buffer
    /// is the concatenation of variables of the given lengths (Keras' per-variable <c>clipnorm</c> needs them).
    /// </summary>
    /// <param name="parameters">The parameters, e.g. <see cref="IRnnModel.Parameters"/>.</param>
    /// <param name="gradients">d(loss)/d(parameters), same length and layout; not modified.</param>
    /// <param name="variableLengths">Lengths of the variables laid one after another; they sum to <c>parameters.Length</c>. Empty: one variable.</param>
    /// <exception cref="ArgumentException">The lengths differ or do not add up.</exception>
    void Step(Span<float> parameters, ReadOnlySpan<float> gradients, ReadOnlySpan<int> variableLengths);

    /// <summary>Forgets all state: the next step is step 1 again.</summary>
    void Reset();
}
