namespace RnnGen.Generator.Model;

/// <summary>How a layer's vector operations are written out; chosen per layer at parse time.</summary>
internal enum LayerBackend
{
    /// <summary>The state in one <c>Vector128</c>, each weight row in another: for the smallest layers.</summary>
    Register,

    /// <summary>Every unit written out and every weight held in a local: straight-line code for small layers.</summary>
    Unrolled,

    /// <summary>Constant-trip span loops over the kernels in <c>RnnGen.Kernels</c>: for everything larger.</summary>
    Loops,
}
