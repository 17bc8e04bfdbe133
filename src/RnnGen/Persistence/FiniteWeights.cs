using System.Globalization;
using System.Numerics.Tensors;

namespace RnnGen.Persistence;

/// <summary>Refuses to write weights that <see cref="WeightFile.Load"/> and <see cref="KerasWeightsJson.Import"/> would refuse to read.</summary>
internal static class FiniteWeights
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming the first parameter of <paramref name="model"/> that is NaN or infinite.</summary>
    public static void Require(IRnnModel model, string paramName)
    {
        ReadOnlySpan<float> parameters = model.Parameters;
        if (TensorPrimitives.IsFiniteAll(parameters))
        {
            return;
        }

        int index = 0;
        while (float.IsFinite(parameters[index]))
        {
            index++;
        }

        string element = model.Layout.WeightContaining(index).ElementName(index);
        throw new ArgumentException(
            string.Create(CultureInfo.InvariantCulture, $"Expected finite weights, but parameter {index} ({element}) is {parameters[index]}; nothing was written."),
            paramName);
    }
}
