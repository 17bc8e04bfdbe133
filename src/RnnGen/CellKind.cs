namespace RnnGen;

/// <summary>The recurrent cell of a model. Part of the weight-file format: never renumber.</summary>
public enum CellKind
{
    /// <summary>Keras <c>SimpleRNN</c>: <c>h_t = act(x_t·Kernel + h_{t-1}·RecurrentKernel + Bias)</c>.</summary>
    SimpleRnn = 0,
}
