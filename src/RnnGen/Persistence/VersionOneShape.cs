namespace RnnGen.Persistence;

/// <summary>The single-layer shape that version-1 weight files and JSON documents name, as the equivalent <see cref="ModelLayout"/>.</summary>
internal static class VersionOneShape
{
    /// <summary>
    /// <c>SimpleRNN(HiddenUnits, HiddenActivation, return_sequences) → Dense(DenseUnits, DenseActivation)</c>, what the
    /// <see cref="RnnAttribute"/> shorthand generates; null when <paramref name="shape"/> is no possible model
    /// (an unknown cell or activation, a size below 1).
    /// </summary>
    public static ModelLayout? ToLayout(RnnShape shape)
    {
        if (shape.Cell != CellKind.SimpleRnn || shape.TimeSteps < 1 || shape.Features < 1)
        {
            return null;
        }

        try
        {
            return new ModelLayout(
                shape.TimeSteps,
                shape.Features,
                shape.Stateful,
                LayerSettings.SimpleRnn(shape.HiddenUnits, shape.HiddenActivation, returnSequences: shape.ReturnSequences),
                LayerSettings.Dense(shape.DenseUnits, shape.DenseActivation));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
