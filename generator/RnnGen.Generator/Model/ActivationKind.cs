namespace RnnGen.Generator.Model;

/// <summary>
/// The generator's mirror of <c>RnnGen.Activation</c>; the numeric values are the same (a test
/// pins them), because the attribute's arguments arrive as their underlying integers.
/// </summary>
internal enum ActivationKind
{
    Linear = 0,
    Tanh = 1,
    Relu = 2,
    Sigmoid = 3,
}
