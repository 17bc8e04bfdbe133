using System.Runtime.CompilerServices;

namespace RnnGen.Kernels;

/// <summary>
/// <c>acc[c] += Σ_r v[r] · M[r, c]</c> for <see cref="MatrixKernels.AddVectorTimesMatrix"/>. A matrix
/// that fits in L1 goes by blocks of columns: their registers stay in registers while every row
/// streams through them, so each accumulator is read and written once per call. A larger one goes
/// by blocks of rows (<see cref="AddByRows"/>). Either way each column sums its rows in order, one
/// multiply-add each, so both give the same bits.
/// </summary>
internal static class VectorTimesMatrix
{
    /// <summary>The most floats a matrix has for the column blocks: 32 KB, an L1 data cache.</summary>
    private const int ColumnBlockedFloats = 8 * 1024;

    /// <summary>Needs <c>columns ≥ TLanes.Count</c>.</summary>
    public static void Add<TLanes, TVector>(ref float v, ref float m, ref float acc, nuint rows, nuint columns)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct
    {
        nuint width = (nuint)TLanes.Count;
        if (rows * columns > ColumnBlockedFloats && columns % (2 * width) == 0)
        {
            AddByRows<TLanes, TVector>(ref v, ref m, ref acc, rows, columns);
            return;
        }

        nuint c = 0;

        // Eight registers of columns: each row is read in longer contiguous runs and each broadcast
        // of v[r] feeds eight multiply-adds.
        for (; c + 8 * width <= columns; c += 8 * width)
        {
            TVector a0 = TLanes.Load(ref acc, c);
            TVector a1 = TLanes.Load(ref acc, c + width);
            TVector a2 = TLanes.Load(ref acc, c + 2 * width);
            TVector a3 = TLanes.Load(ref acc, c + 3 * width);
            TVector a4 = TLanes.Load(ref acc, c + 4 * width);
            TVector a5 = TLanes.Load(ref acc, c + 5 * width);
            TVector a6 = TLanes.Load(ref acc, c + 6 * width);
            TVector a7 = TLanes.Load(ref acc, c + 7 * width);
            ref float row = ref Unsafe.Add(ref m, c);
            for (nuint r = 0; r < rows; r++)
            {
                TVector scale = TLanes.Broadcast(Unsafe.Add(ref v, r));
                a0 = TLanes.MultiplyAdd(TLanes.Load(ref row, 0), scale, a0);
                a1 = TLanes.MultiplyAdd(TLanes.Load(ref row, width), scale, a1);
                a2 = TLanes.MultiplyAdd(TLanes.Load(ref row, 2 * width), scale, a2);
                a3 = TLanes.MultiplyAdd(TLanes.Load(ref row, 3 * width), scale, a3);
                a4 = TLanes.MultiplyAdd(TLanes.Load(ref row, 4 * width), scale, a4);
                a5 = TLanes.MultiplyAdd(TLanes.Load(ref row, 5 * width), scale, a5);
                a6 = TLanes.MultiplyAdd(TLanes.Load(ref row, 6 * width), scale, a6);
                a7 = TLanes.MultiplyAdd(TLanes.Load(ref row, 7 * width), scale, a7);
                row = ref Unsafe.Add(ref row, columns);
            }

            TLanes.Store(a0, ref acc, c);
            TLanes.Store(a1, ref acc, c + width);
            TLanes.Store(a2, ref acc, c + 2 * width);
            TLanes.Store(a3, ref acc, c + 3 * width);
            TLanes.Store(a4, ref acc, c + 4 * width);
            TLanes.Store(a5, ref acc, c + 5 * width);
            TLanes.Store(a6, ref acc, c + 6 * width);
            TLanes.Store(a7, ref acc, c + 7 * width);
        }

        // Four independent multiply-add chains hide the multiply-add latency.
        for (; c + 4 * width <= columns; c += 4 * width)
        {
            TVector a0 = TLanes.Load(ref acc, c);
            TVector a1 = TLanes.Load(ref acc, c + width);
            TVector a2 = TLanes.Load(ref acc, c + 2 * width);
            TVector a3 = TLanes.Load(ref acc, c + 3 * width);
            ref float row = ref Unsafe.Add(ref m, c);
            for (nuint r = 0; r < rows; r++)
            {
                TVector scale = TLanes.Broadcast(Unsafe.Add(ref v, r));
                a0 = TLanes.MultiplyAdd(TLanes.Load(ref row, 0), scale, a0);
                a1 = TLanes.MultiplyAdd(TLanes.Load(ref row, width), scale, a1);
                a2 = TLanes.MultiplyAdd(TLanes.Load(ref row, 2 * width), scale, a2);
                a3 = TLanes.MultiplyAdd(TLanes.Load(ref row, 3 * width), scale, a3);
                row = ref Unsafe.Add(ref row, columns);
            }

            TLanes.Store(a0, ref acc, c);
            TLanes.Store(a1, ref acc, c + width);
            TLanes.Store(a2, ref acc, c + 2 * width);
            TLanes.Store(a3, ref acc, c + 3 * width);
        }

        nuint rest = columns - c;
        nuint last = columns - width;
        // Two to four registers left: one pass over the rows with all of them, so that their
        // multiply-add chains overlap (a small layer's product is bound by their latency). The last
        // register ends at the row's end; where it overlaps the one before, both compute the same
        // lanes from the same loads in the same order, so storing both writes the same values.
        if (rest > 2 * width)
        {
            AddFourRegisters<TLanes, TVector>(ref v, ref m, ref acc, rows, columns, c, c + width, Math.Min(c + 2 * width, last), last);
        }
        else if (rest > width)
        {
            AddTwoRegisters<TLanes, TVector>(ref v, ref m, ref acc, rows, columns, c, last);
        }
        else if (rest == width)
        {
            TLanes.Store(ColumnSums<TLanes, TVector>(ref v, ref Unsafe.Add(ref m, c), TLanes.Load(ref acc, c), rows, columns), ref acc, c);
        }
        else if (rest > 0)
        {
            // The last register ends at the row's end; its lanes before column c are already done.
            TVector old = TLanes.Load(ref acc, last);
            TVector sums = ColumnSums<TLanes, TVector>(ref v, ref Unsafe.Add(ref m, last), old, rows, columns);
            TLanes.Store(TLanes.Join((int)(c - last), sums, old), ref acc, last);
        }
    }

    /// <summary>
    /// Blocks of four rows, each streamed once across all the columns, two registers at a time: the
    /// matrix is read front to back, so the prefetchers run ahead of it, where column blocks jump a
    /// whole row on every load (a 4 KB page at 1,024 columns, which stops a stream prefetcher). The
    /// accumulators go through L1 once per block of rows. Needs <c>columns</c> a multiple of two registers.
    /// </summary>
    private static void AddByRows<TLanes, TVector>(ref float v, ref float m, ref float acc, nuint rows, nuint columns)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct
    {
        nuint width = (nuint)TLanes.Count;
        nuint r = 0;
        for (; r + 4 <= rows; r += 4)
        {
            TVector s0 = TLanes.Broadcast(Unsafe.Add(ref v, r));
            TVector s1 = TLanes.Broadcast(Unsafe.Add(ref v, r + 1));
            TVector s2 = TLanes.Broadcast(Unsafe.Add(ref v, r + 2));
            TVector s3 = TLanes.Broadcast(Unsafe.Add(ref v, r + 3));
            ref float row0 = ref Unsafe.Add(ref m, r * columns);
            ref float row1 = ref Unsafe.Add(ref row0, columns);
            ref float row2 = ref Unsafe.Add(ref row1, columns);
            ref float row3 = ref Unsafe.Add(ref row2, columns);
            for (nuint c = 0; c < columns; c += 2 * width)
            {
                TVector a0 = TLanes.Load(ref acc, c);
                TVector a1 = TLanes.Load(ref acc, c + width);
                a0 = TLanes.MultiplyAdd(TLanes.Load(ref row0, c), s0, a0);
                a1 = TLanes.MultiplyAdd(TLanes.Load(ref row0, c + width), s0, a1);
                a0 = TLanes.MultiplyAdd(TLanes.Load(ref row1, c), s1, a0);
                a1 = TLanes.MultiplyAdd(TLanes.Load(ref row1, c + width), s1, a1);
                a0 = TLanes.MultiplyAdd(TLanes.Load(ref row2, c), s2, a0);
                a1 = TLanes.MultiplyAdd(TLanes.Load(ref row2, c + width), s2, a1);
                a0 = TLanes.MultiplyAdd(TLanes.Load(ref row3, c), s3, a0);
                a1 = TLanes.MultiplyAdd(TLanes.Load(ref row3, c + width), s3, a1);
                TLanes.Store(a0, ref acc, c);
                TLanes.Store(a1, ref acc, c + width);
            }
        }

        for (; r < rows; r++)
        {
            TVector scale = TLanes.Broadcast(Unsafe.Add(ref v, r));
            ref float row = ref Unsafe.Add(ref m, r * columns);
            for (nuint c = 0; c < columns; c += width)
            {
                TLanes.Store(TLanes.MultiplyAdd(TLanes.Load(ref row, c), scale, TLanes.Load(ref acc, c)), ref acc, c);
            }
        }
    }

    /// <summary>Two registers of columns from the given offsets (which may overlap), both accumulators loaded before either is stored.</summary>
    private static void AddTwoRegisters<TLanes, TVector>(ref float v, ref float m, ref float acc, nuint rows, nuint columns, nuint c0, nuint c1)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct
    {
        TVector a0 = TLanes.Load(ref acc, c0);
        TVector a1 = TLanes.Load(ref acc, c1);
        ref float row = ref m;
        for (nuint r = 0; r < rows; r++)
        {
            TVector scale = TLanes.Broadcast(Unsafe.Add(ref v, r));
            a0 = TLanes.MultiplyAdd(TLanes.Load(ref row, c0), scale, a0);
            a1 = TLanes.MultiplyAdd(TLanes.Load(ref row, c1), scale, a1);
            row = ref Unsafe.Add(ref row, columns);
        }

        TLanes.Store(a0, ref acc, c0);
        TLanes.Store(a1, ref acc, c1);
    }

    /// <summary>Four registers of columns from the given offsets (which may repeat or overlap), every accumulator loaded before any is stored.</summary>
    private static void AddFourRegisters<TLanes, TVector>(ref float v, ref float m, ref float acc, nuint rows, nuint columns, nuint c0, nuint c1, nuint c2, nuint c3)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct
    {
        TVector a0 = TLanes.Load(ref acc, c0);
        TVector a1 = TLanes.Load(ref acc, c1);
        TVector a2 = TLanes.Load(ref acc, c2);
        TVector a3 = TLanes.Load(ref acc, c3);
        ref float row = ref m;
        for (nuint r = 0; r < rows; r++)
        {
            TVector scale = TLanes.Broadcast(Unsafe.Add(ref v, r));
            a0 = TLanes.MultiplyAdd(TLanes.Load(ref row, c0), scale, a0);
            a1 = TLanes.MultiplyAdd(TLanes.Load(ref row, c1), scale, a1);
            a2 = TLanes.MultiplyAdd(TLanes.Load(ref row, c2), scale, a2);
            a3 = TLanes.MultiplyAdd(TLanes.Load(ref row, c3), scale, a3);
            row = ref Unsafe.Add(ref row, columns);
        }

        TLanes.Store(a0, ref acc, c0);
        TLanes.Store(a1, ref acc, c1);
        TLanes.Store(a2, ref acc, c2);
        TLanes.Store(a3, ref acc, c3);
    }

    /// <summary>Two, three columns: one dot product per column, four partial sums deep.</summary>
    public static void AddNarrow(ref float v, ref float m, ref float acc, nuint rows, nuint columns)
    {
        for (nuint c = 0; c < columns; c++)
        {
            float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f;
            nuint r = 0;
            for (; r + 4 <= rows; r += 4)
            {
                s0 += Unsafe.Add(ref v, r) * Unsafe.Add(ref m, r * columns + c);
                s1 += Unsafe.Add(ref v, r + 1) * Unsafe.Add(ref m, (r + 1) * columns + c);
                s2 += Unsafe.Add(ref v, r + 2) * Unsafe.Add(ref m, (r + 2) * columns + c);
                s3 += Unsafe.Add(ref v, r + 3) * Unsafe.Add(ref m, (r + 3) * columns + c);
            }

            for (; r < rows; r++)
            {
                s0 += Unsafe.Add(ref v, r) * Unsafe.Add(ref m, r * columns + c);
            }

            Unsafe.Add(ref acc, c) += (s0 + s1) + (s2 + s3);
        }
    }

    /// <summary><c>start + Σ_r v[r] · M[r, c..c+width)</c>, <paramref name="column"/> pointing at <c>M[0, c]</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector ColumnSums<TLanes, TVector>(ref float v, ref float column, TVector start, nuint rows, nuint columns)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct
    {
        TVector sum = start;
        for (nuint r = 0; r < rows; r++)
        {
            sum = TLanes.MultiplyAdd(TLanes.Load(ref column, r * columns), TLanes.Broadcast(Unsafe.Add(ref v, r)), sum);
        }

        return sum;
    }
}
