using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace RnnGen.Kernels;

/// <summary>
/// The element-wise part of a gated step with Keras' default activations (recurrent sigmoid,
/// tanh) in one pass over the units, for generated span loops: the gates, the cell and the output
/// of a unit are computed while its values are in registers, where separate calls per operation
/// would each load and store every block again and pay a call each.
/// </summary>
/// <remarks>
/// Every result has the bits of the separate operations it replaces (the same sigmoid and tanh,
/// products and sums rounded one by one), so a model computes the same numbers whichever way it is
/// written. Units that do not fill a last register are done by one register that ends at the last
/// unit, computed from the inputs before the loop overwrites them, so its overlap with the loop is
/// written twice with the same values, even in place.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class GateKernels
{
    /// <summary>
    /// An LSTM cell with sigmoid gates and tanh: <c>gates</c> holds the pre-activations of blocks i, f,
    /// c, o (4U floats) and gets <c>[σ(i), σ(f), tanh(c), σ(o)]</c>; <c>cell = σ(f) ⊙ previousCell +
    /// σ(i) ⊙ tanh(z_c)</c>; <c>cellActivation = tanh(cell)</c>; <c>output = σ(o) ⊙ cellActivation</c>.
    /// <paramref name="cell"/> may be <paramref name="previousCell"/> itself (a step in place).
    /// </summary>
    /// <exception cref="ArgumentException">The spans are not 4U, U, U, U and U floats.</exception>
    public static void LstmSigmoidTanh(Span<float> gates, ReadOnlySpan<float> previousCell, Span<float> cell, Span<float> cellActivation, Span<float> output)
    {
        int units = cell.Length;
        Guard.Length(gates.Length, 4 * units, "4 × cell.Length: the i, f, c, o blocks", nameof(gates));
        Guard.Length(previousCell.Length, units, "cell.Length", nameof(previousCell));
        Guard.Length(cellActivation.Length, units, "cell.Length", nameof(cellActivation));
        Guard.Length(output.Length, units, "cell.Length", nameof(output));
        var spans = new LstmSpans(
            ref MemoryMarshal.GetReference(gates),
            ref MemoryMarshal.GetReference(previousCell),
            ref MemoryMarshal.GetReference(cell),
            ref MemoryMarshal.GetReference(cellActivation),
            ref MemoryMarshal.GetReference(output),
            (nuint)units);
        if (Vector512.IsHardwareAccelerated && units >= Vector512<float>.Count)
        {
            Lstm<Lanes512, Vector512<float>>(spans);
        }
        else if (Vector256.IsHardwareAccelerated && units >= Vector256<float>.Count)
        {
            Lstm<Lanes256, Vector256<float>>(spans);
        }
        else if (units >= Vector128<float>.Count)
        {
            Lstm<Lanes128, Vector128<float>>(spans);
        }
        else
        {
            for (nuint k = 0; k < (nuint)units; k++)
            {
                LstmUnit(spans, k);
            }
        }
    }

    /// <summary>
    /// A reset_after GRU step with sigmoid gates and tanh: <c>gates</c> holds <c>x·kernel + b_in</c> in blocks
    /// z, r, h (3U floats) and gets <c>[z, r, hh]</c>, with <c>[z, r] = σ(gates + projection)</c> and <c>hh =
    /// tanh(gates_h + r ⊙ projection_h)</c>, where <c>projection = h_{t-1}·recurrent_kernel + b_rec</c>;
    /// <c>output = z ⊙ previous + (1 − z) ⊙ hh</c> (<c>Lerp(hh, previous, z)</c>). <paramref name="output"/> may
    /// be <paramref name="previous"/> itself (a step in place).
    /// </summary>
    /// <exception cref="ArgumentException">The spans are not 3U, 3U, U and U floats.</exception>
    public static void GruSigmoidTanh(Span<float> gates, ReadOnlySpan<float> projection, ReadOnlySpan<float> previous, Span<float> output)
    {
        int units = output.Length;
        Guard.Length(gates.Length, 3 * units, "3 × output.Length: the z, r, h blocks", nameof(gates));
        Guard.Length(projection.Length, 3 * units, "3 × output.Length: the z, r, h blocks", nameof(projection));
        Guard.Length(previous.Length, units, "output.Length", nameof(previous));
        var spans = new GruSpans(
            ref MemoryMarshal.GetReference(gates),
            ref MemoryMarshal.GetReference(projection),
            ref MemoryMarshal.GetReference(previous),
            ref MemoryMarshal.GetReference(output),
            (nuint)units);
        if (Vector512.IsHardwareAccelerated && units >= Vector512<float>.Count)
        {
            Gru<Lanes512, Vector512<float>>(spans);
        }
        else if (Vector256.IsHardwareAccelerated && units >= Vector256<float>.Count)
        {
            Gru<Lanes256, Vector256<float>>(spans);
        }
        else if (units >= Vector128<float>.Count)
        {
            Gru<Lanes128, Vector128<float>>(spans);
        }
        else
        {
            for (nuint k = 0; k < (nuint)units; k++)
            {
                GruUnit(spans, k);
            }
        }
    }

    private static void Lstm<TLanes, TVector>(in LstmSpans s)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct
    {
        nuint width = (nuint)TLanes.Count;
        nuint last = s.Units - width;
        LstmResult<TVector> tail = LstmVector<TLanes, TVector>(s, last);
        for (nuint k = 0; k < last; k += width)
        {
            Store<TLanes, TVector>(s, k, LstmVector<TLanes, TVector>(s, k));
        }

        Store<TLanes, TVector>(s, last, tail);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static LstmResult<TVector> LstmVector<TLanes, TVector>(in LstmSpans s, nuint k)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct =>
        Cell<TLanes, TVector>(
            TLanes.Load(ref s.Gates, k),
            TLanes.Load(ref s.Gates, s.Units + k),
            TLanes.Load(ref s.Gates, 2 * s.Units + k),
            TLanes.Load(ref s.Gates, 3 * s.Units + k),
            TLanes.Load(ref s.PreviousCell, k));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static LstmResult<TVector> Cell<TLanes, TVector>(TVector zi, TVector zf, TVector zc, TVector zo, TVector previousCell)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct
    {
        TVector i = RationalActivations.Sigmoid<TLanes, TVector>(zi);
        TVector f = RationalActivations.Sigmoid<TLanes, TVector>(zf);
        TVector g = RationalActivations.Tanh<TLanes, TVector>(zc);
        TVector o = RationalActivations.Sigmoid<TLanes, TVector>(zo);
        TVector cell = NextCell<TLanes, TVector>(i, f, g, previousCell);
        TVector activated = RationalActivations.Tanh<TLanes, TVector>(cell);
        return new LstmResult<TVector>(i, f, g, o, cell, activated, TLanes.Multiply(o, activated));
    }

    /// <summary><c>c_t = f ⊙ c_{t-1} + i ⊙ g</c>, two products and a sum (Keras rounds each).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector NextCell<TLanes, TVector>(TVector i, TVector f, TVector g, TVector previousCell)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct =>
        TLanes.Add(TLanes.Multiply(f, previousCell), TLanes.Multiply(i, g));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store<TLanes, TVector>(in LstmSpans s, nuint k, in LstmResult<TVector> r)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct
    {
        TLanes.Store(r.I, ref s.Gates, k);
        TLanes.Store(r.F, ref s.Gates, s.Units + k);
        TLanes.Store(r.G, ref s.Gates, 2 * s.Units + k);
        TLanes.Store(r.O, ref s.Gates, 3 * s.Units + k);
        TLanes.Store(r.Cell, ref s.Cell, k);
        TLanes.Store(r.Activated, ref s.CellActivation, k);
        TLanes.Store(r.Output, ref s.Output, k);
    }

    /// <summary>Unit k on one lane: the same operations, so the same bits, as the vectors.</summary>
    private static void LstmUnit(in LstmSpans s, nuint k)
    {
        LstmResult<Vector128<float>> r = Cell<Lanes128, Vector128<float>>(
            Vector128.CreateScalarUnsafe(Unsafe.Add(ref s.Gates, k)),
            Vector128.CreateScalarUnsafe(Unsafe.Add(ref s.Gates, s.Units + k)),
            Vector128.CreateScalarUnsafe(Unsafe.Add(ref s.Gates, 2 * s.Units + k)),
            Vector128.CreateScalarUnsafe(Unsafe.Add(ref s.Gates, 3 * s.Units + k)),
            Vector128.CreateScalarUnsafe(Unsafe.Add(ref s.PreviousCell, k)));
        Unsafe.Add(ref s.Gates, k) = r.I.ToScalar();
        Unsafe.Add(ref s.Gates, s.Units + k) = r.F.ToScalar();
        Unsafe.Add(ref s.Gates, 2 * s.Units + k) = r.G.ToScalar();
        Unsafe.Add(ref s.Gates, 3 * s.Units + k) = r.O.ToScalar();
        Unsafe.Add(ref s.Cell, k) = r.Cell.ToScalar();
        Unsafe.Add(ref s.CellActivation, k) = r.Activated.ToScalar();
        Unsafe.Add(ref s.Output, k) = r.Output.ToScalar();
    }

    private static void Gru<TLanes, TVector>(in GruSpans s)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct
    {
        nuint width = (nuint)TLanes.Count;
        nuint last = s.Units - width;
        GruResult<TVector> tail = GruVector<TLanes, TVector>(s, last);
        for (nuint k = 0; k < last; k += width)
        {
            Store<TLanes, TVector>(s, k, GruVector<TLanes, TVector>(s, k));
        }

        Store<TLanes, TVector>(s, last, tail);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static GruResult<TVector> GruVector<TLanes, TVector>(in GruSpans s, nuint k)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct =>
        Gru<TLanes, TVector>(
            TLanes.Load(ref s.Gates, k),
            TLanes.Load(ref s.Gates, s.Units + k),
            TLanes.Load(ref s.Gates, 2 * s.Units + k),
            TLanes.Load(ref s.Projection, k),
            TLanes.Load(ref s.Projection, s.Units + k),
            TLanes.Load(ref s.Projection, 2 * s.Units + k),
            TLanes.Load(ref s.Previous, k));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static GruResult<TVector> Gru<TLanes, TVector>(TVector xz, TVector xr, TVector xh, TVector uz, TVector ur, TVector uh, TVector previous)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct
    {
        TVector z = RationalActivations.Sigmoid<TLanes, TVector>(TLanes.Add(xz, uz));
        TVector r = RationalActivations.Sigmoid<TLanes, TVector>(TLanes.Add(xr, ur));
        TVector candidate = RationalActivations.Tanh<TLanes, TVector>(TLanes.Add(TLanes.Multiply(r, uh), xh));
        return new GruResult<TVector>(z, r, candidate, TLanes.Lerp(candidate, previous, z));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store<TLanes, TVector>(in GruSpans s, nuint k, in GruResult<TVector> r)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct
    {
        TLanes.Store(r.Z, ref s.Gates, k);
        TLanes.Store(r.R, ref s.Gates, s.Units + k);
        TLanes.Store(r.Candidate, ref s.Gates, 2 * s.Units + k);
        TLanes.Store(r.Output, ref s.Output, k);
    }

    /// <summary>Unit k on one lane: the same operations, so the same bits, as the vectors.</summary>
    private static void GruUnit(in GruSpans s, nuint k)
    {
        GruResult<Vector128<float>> r = Gru<Lanes128, Vector128<float>>(
            Vector128.CreateScalarUnsafe(Unsafe.Add(ref s.Gates, k)),
            Vector128.CreateScalarUnsafe(Unsafe.Add(ref s.Gates, s.Units + k)),
            Vector128.CreateScalarUnsafe(Unsafe.Add(ref s.Gates, 2 * s.Units + k)),
            Vector128.CreateScalarUnsafe(Unsafe.Add(ref s.Projection, k)),
            Vector128.CreateScalarUnsafe(Unsafe.Add(ref s.Projection, s.Units + k)),
            Vector128.CreateScalarUnsafe(Unsafe.Add(ref s.Projection, 2 * s.Units + k)),
            Vector128.CreateScalarUnsafe(Unsafe.Add(ref s.Previous, k)));
        Unsafe.Add(ref s.Gates, k) = r.Z.ToScalar();
        Unsafe.Add(ref s.Gates, s.Units + k) = r.R.ToScalar();
        Unsafe.Add(ref s.Gates, 2 * s.Units + k) = r.Candidate.ToScalar();
        Unsafe.Add(ref s.Output, k) = r.Output.ToScalar();
    }

    /// <summary>The four spans of a GRU step, from their first elements, and U.</summary>
    private readonly ref struct GruSpans(ref float gates, ref float projection, ref float previous, ref float output, nuint units)
    {
        public readonly ref float Gates = ref gates;
        public readonly ref float Projection = ref projection;
        public readonly ref float Previous = ref previous;
        public readonly ref float Output = ref output;
        public readonly nuint Units = units;
    }

    private readonly record struct GruResult<TVector>(TVector Z, TVector R, TVector Candidate, TVector Output);

    /// <summary>The five spans of an LSTM cell, from their first elements, and U.</summary>
    private readonly ref struct LstmSpans(ref float gates, ref float previousCell, ref float cell, ref float cellActivation, ref float output, nuint units)
    {
        public readonly ref float Gates = ref gates;
        public readonly ref float PreviousCell = ref previousCell;
        public readonly ref float Cell = ref cell;
        public readonly ref float CellActivation = ref cellActivation;
        public readonly ref float Output = ref output;
        public readonly nuint Units = units;
    }

    private readonly record struct LstmResult<TVector>(TVector I, TVector F, TVector G, TVector O, TVector Cell, TVector Activated, TVector Output);
}
