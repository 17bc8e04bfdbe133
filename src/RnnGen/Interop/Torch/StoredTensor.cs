namespace RnnGen.Interop.Torch;

/// <summary>One tensor of a PyTorch file: its state_dict name, its shape, and its values row-major, upcast to float64.</summary>
/// <param name="Name">The state_dict key, e.g. <c>rnn.weight_ih_l0</c>.</param>
/// <param name="Shape">PyTorch's shape, outermost dimension first.</param>
/// <param name="Values">The elements in row-major (C) order, exactly as stored (every supported dtype fits in a double).</param>
internal sealed record StoredTensor(string Name, int[] Shape, double[] Values)
{
    /// <summary>The shape as PyTorch prints it: <c>[20, 3]</c>.</summary>
    public string ShapeText => ShapeOf(Shape);

    /// <summary><c>[20, 3]</c> for a shape.</summary>
    public static string ShapeOf(IEnumerable<int> shape) => "[" + string.Join(", ", shape.Select(static d => d.ToString(System.Globalization.CultureInfo.InvariantCulture))) + "]";
}
