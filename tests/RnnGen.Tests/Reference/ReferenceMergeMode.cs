namespace RnnGen.Tests.Reference;

/// <summary>Keras <c>Bidirectional(merge_mode=...)</c>: how the forward output y and the backward output y_rev combine, step by step.</summary>
public enum ReferenceMergeMode
{
    /// <summary><c>[y, y_rev]</c>, 2U values (<c>"concat"</c>, the default).</summary>
    Concat = 0,

    /// <summary><c>y + y_rev</c> (<c>"sum"</c>).</summary>
    Sum = 1,

    /// <summary><c>y ⊙ y_rev</c> (<c>"mul"</c>).</summary>
    Mul = 2,

    /// <summary><c>(y + y_rev) / 2</c> (<c>"ave"</c>).</summary>
    Ave = 3,
}
