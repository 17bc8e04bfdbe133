namespace RnnGen.Generator.Model;

/// <summary>The recurrent cell; SimpleRNN today, the place where LSTM and GRU will join.</summary>
internal enum CellKind
{
    SimpleRnn = 0,
}
