using System.Runtime.CompilerServices;

namespace RnnGen.Kernels;

/// <summary>
/// <c>result[r] = Σ_c M[r, c] · v[c]</c> for <see cref="MatrixKernels.MultiplyMatrixByVector"/>: four
/// rows at a time, so each chunk of <c>v</c> is loaded once for four rows and four independent
/// multiply-add chains hide the latency; each row's register is summed across lanes at the end.
/// </summary>
internal static class MatrixTimesVector
{
    /// <summary>Needs <c>columns ≥ TLanes.Count</c>.</summary>
    public static void Multiply<TLanes, TVector>(ref float m, ref float v, ref float result, nuint rows, nuint columns)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct
    {
        nuint width = (nuint)TLanes.Count;
        nuint last = columns - width;
        int firstNewLane = (int)(width - columns % width) % (int)width;
        nuint r = 0;
        for (; r + 4 <= rows; r += 4)
        {
            ref float row0 = ref Unsafe.Add(ref m, r * columns);
            ref float row1 = ref Unsafe.Add(ref row0, columns);
            ref float row2 = ref Unsafe.Add(ref row1, columns);
            ref float row3 = ref Unsafe.Add(ref row2, columns);
            TVector x = TLanes.Load(ref v, 0);
            TVector a0 = TLanes.MultiplyAdd(TLanes.Load(ref row0, 0), x, TLanes.Broadcast(0f));
            TVector a1 = TLanes.MultiplyAdd(TLanes.Load(ref row1, 0), x, TLanes.Broadcast(0f));
            TVector a2 = TLanes.MultiplyAdd(TLanes.Load(ref row2, 0), x, TLanes.Broadcast(0f));
            TVector a3 = TLanes.MultiplyAdd(TLanes.Load(ref row3, 0), x, TLanes.Broadcast(0f));
            nuint c = width;
            for (; c <= last; c += width)
            {
                x = TLanes.Load(ref v, c);
                a0 = TLanes.MultiplyAdd(TLanes.Load(ref row0, c), x, a0);
                a1 = TLanes.MultiplyAdd(TLanes.Load(ref row1, c), x, a1);
                a2 = TLanes.MultiplyAdd(TLanes.Load(ref row2, c), x, a2);
                a3 = TLanes.MultiplyAdd(TLanes.Load(ref row3, c), x, a3);
            }

            if (c < columns)
            {
                // The last register ends at the row's end; lanes before column c are already counted.
                x = TLanes.Load(ref v, last);
                a0 = TLanes.Join(firstNewLane, TLanes.MultiplyAdd(TLanes.Load(ref row0, last), x, a0), a0);
                a1 = TLanes.Join(firstNewLane, TLanes.MultiplyAdd(TLanes.Load(ref row1, last), x, a1), a1);
                a2 = TLanes.Join(firstNewLane, TLanes.MultiplyAdd(TLanes.Load(ref row2, last), x, a2), a2);
                a3 = TLanes.Join(firstNewLane, TLanes.MultiplyAdd(TLanes.Load(ref row3, last), x, a3), a3);
            }

            Unsafe.Add(ref result, r) = TLanes.Sum(a0);
            Unsafe.Add(ref result, r + 1) = TLanes.Sum(a1);
            Unsafe.Add(ref result, r + 2) = TLanes.Sum(a2);
            Unsafe.Add(ref result, r + 3) = TLanes.Sum(a3);
        }

        for (; r < rows; r++)
        {
            ref float row = ref Unsafe.Add(ref m, r * columns);
            TVector a = TLanes.MultiplyAdd(TLanes.Load(ref row, 0), TLanes.Load(ref v, 0), TLanes.Broadcast(0f));
            nuint c = width;
            for (; c <= last; c += width)
            {
                a = TLanes.MultiplyAdd(TLanes.Load(ref row, c), TLanes.Load(ref v, c), a);
            }

            if (c < columns)
            {
                a = TLanes.Join(firstNewLane, TLanes.MultiplyAdd(TLanes.Load(ref row, last), TLanes.Load(ref v, last), a), a);
            }

            Unsafe.Add(ref result, r) = TLanes.Sum(a);
        }
    }

    /// <summary>Up to three columns, in scalar code.</summary>
    public static void MultiplyNarrow(ref float m, ref float v, ref float result, nuint rows, nuint columns)
    {
        for (nuint r = 0; r < rows; r++)
        {
            float sum = 0f;
            for (nuint c = 0; c < columns; c++)
            {
                sum += Unsafe.Add(ref m, r * columns + c) * Unsafe.Add(ref v, c);
            }

            Unsafe.Add(ref result, r) = sum;
        }
    }
}
