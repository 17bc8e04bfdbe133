using System.Runtime.CompilerServices;

namespace RnnGen.Kernels;

/// <summary><c>M[r, c] += l[r] · x[c]</c> for <see cref="MatrixKernels.AddOuterProduct"/>, one row at a time: a pure stream over <c>M</c>.</summary>
internal static class OuterProduct
{
    /// <summary>Needs <c>columns ≥ TLanes.Count</c>.</summary>
    public static void Add<TLanes, TVector>(ref float l, ref float x, ref float m, nuint rows, nuint columns)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct
    {
        nuint width = (nuint)TLanes.Count;
        nuint last = columns - width;
        int firstNewLane = (int)(width - columns % width) % (int)width;
        for (nuint r = 0; r < rows; r++)
        {
            ref float row = ref Unsafe.Add(ref m, r * columns);
            TVector scale = TLanes.Broadcast(Unsafe.Add(ref l, r));
            nuint c = 0;
            for (; c <= last; c += width)
            {
                TLanes.Store(TLanes.MultiplyAdd(TLanes.Load(ref x, c), scale, TLanes.Load(ref row, c)), ref row, c);
            }

            if (c < columns)
            {
                // The last register ends at the row's end; lanes before column c are already updated.
                TVector old = TLanes.Load(ref row, last);
                TLanes.Store(TLanes.Join(firstNewLane, TLanes.MultiplyAdd(TLanes.Load(ref x, last), scale, old), old), ref row, last);
            }
        }
    }

    /// <summary>Up to three columns, in scalar code.</summary>
    public static void AddNarrow(ref float l, ref float x, ref float m, nuint rows, nuint columns)
    {
        for (nuint r = 0; r < rows; r++)
        {
            for (nuint c = 0; c < columns; c++)
            {
                Unsafe.Add(ref m, r * columns + c) += Unsafe.Add(ref l, r) * Unsafe.Add(ref x, c);
            }
        }
    }
}
