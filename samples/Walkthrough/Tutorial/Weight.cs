namespace Walkthrough.Tutorial;

/// <summary>One of the tutorial's weight arrays (wx, wh, bh, wy, by), in float64, with its Keras shape.</summary>
/// <param name="Name">The tutorial's name.</param>
/// <param name="Meaning">What Keras calls it.</param>
/// <param name="Shape">(rows, columns) for a matrix, (length) for a vector, as <c>get_weights()</c> shows it.</param>
/// <param name="Values">Row-major values.</param>
internal sealed record Weight(string Name, string Meaning, int[] Shape, double[] Values)
{
    /// <summary>Copies a view of the model's parameters, so later edits of the model do not change it.</summary>
    public static Weight Of(string name, string meaning, ReadOnlySpan<float> values, params int[] shape)
    {
        var copy = new double[values.Length];
        for (int i = 0; i < copy.Length; i++)
        {
            copy[i] = values[i];
        }

        return new Weight(name, meaning, shape, copy);
    }

    /// <summary>Element <c>[row, column]</c> of a matrix.</summary>
    public double this[int row, int column] => Values[row * Shape[^1] + column];

    /// <summary>Python's spelling of the shape: <c>(1, 2)</c> or <c>(2,)</c>.</summary>
    public string ShapeText => Shape.Length == 1 ? $"({Shape[0]},)" : $"({string.Join(", ", Shape)})";

    /// <summary>The values as numpy prints them: <c>[[a, b]]</c> for a matrix, <c>[a, b]</c> for a vector.</summary>
    public string ValuesText
    {
        get
        {
            if (Shape.Length == 1)
            {
                return NumberFormat.Vector(Values);
            }

            int columns = Shape[1];
            IEnumerable<string> rows = Enumerable.Range(0, Shape[0]).Select(r => NumberFormat.Vector(Values.AsSpan(r * columns, columns)));
            return "[" + string.Join(", ", rows) + "]";
        }
    }
}
