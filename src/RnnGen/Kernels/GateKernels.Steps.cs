using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace RnnGen.Kernels;

/// <summary>
/// A whole streaming step of a gated layer with a bias and Keras' default activations, for generated
/// <c>Step</c>: the input projection, the recurrent product and the cell in one call. Where the units
/// fill one or two registers (4, 8, 16 or 32 with AVX-512; 4, 8 or 16 with AVX2) every gate's sums stay
/// in registers from the bias to the activation, so a small layer's step pays no loads and stores
/// between its parts and no call for each (an LSTM(8) step took 70 ns in four calls). Any other size
/// makes the calls the step made before.
/// </summary>
/// <remarks>
/// Both ways compute the same operations in the same order, so the bits are the same: each column
/// sums the bias, then the input's rows, then the recurrent rows, one multiply-add each, as
/// <see cref="MatrixKernels.AddVectorTimesMatrix"/> does; the cell is <see cref="LstmSigmoidTanh"/>'s
/// or <see cref="GruSigmoidTanh"/>'s. Every buffer is left as those calls leave it.
/// </remarks>
public static partial class GateKernels
{
    /// <summary>
    /// One LSTM step: <c>gates = bias + input·kernel + hidden·recurrentKernel</c>, then
    /// <see cref="LstmSigmoidTanh"/> with <paramref name="cell"/> and <paramref name="hidden"/> updated in place
    /// (<c>h_{t-1}</c>, <c>c_{t-1}</c> on entry, <c>h_t</c>, <c>c_t</c> on return).
    /// </summary>
    /// <exception cref="ArgumentException">The spans are not F, [F, 4U], [U, 4U], 4U, U, U, 4U and U floats (F = input.Length, U = hidden.Length).</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LstmStepSigmoidTanh(
        ReadOnlySpan<float> input,
        ReadOnlySpan<float> kernel,
        ReadOnlySpan<float> recurrentKernel,
        ReadOnlySpan<float> bias,
        Span<float> hidden,
        Span<float> cell,
        Span<float> gates,
        Span<float> cellActivation)
    {
        int units = hidden.Length;
        Guard.Length(kernel.Length, input.Length * 4 * units, "input.Length × 4 · hidden.Length: the kernel [F, 4U]", nameof(kernel));
        Guard.Length(recurrentKernel.Length, units * 4 * units, "hidden.Length × 4 · hidden.Length: the recurrent kernel [U, 4U]", nameof(recurrentKernel));
        Guard.Length(bias.Length, 4 * units, "4 × hidden.Length: the bias of the i, f, c, o blocks", nameof(bias));
        Guard.Length(cell.Length, units, "hidden.Length", nameof(cell));
        Guard.Length(gates.Length, 4 * units, "4 × hidden.Length: the i, f, c, o blocks", nameof(gates));
        Guard.Length(cellActivation.Length, units, "hidden.Length", nameof(cellActivation));
        // Inlined into a generated step, whose lengths are constants, the guards fold away and the JIT
        // keeps one of these cases: the fallback is then the very calls the step made before.
        switch (RegisterBitsFor(units))
        {
            case 512:
                LstmInRegisters<Lanes512, Vector512<float>>(input, kernel, recurrentKernel, bias, hidden, cell, gates, cellActivation);
                break;
            case 256:
                LstmInRegisters<Lanes256, Vector256<float>>(input, kernel, recurrentKernel, bias, hidden, cell, gates, cellActivation);
                break;
            case 128:
                LstmInRegisters<Lanes128, Vector128<float>>(input, kernel, recurrentKernel, bias, hidden, cell, gates, cellActivation);
                break;
            default:
                bias.CopyTo(gates);
                MatrixKernels.AddVectorTimesMatrix(input, kernel, gates);
                MatrixKernels.AddVectorTimesMatrix(hidden, recurrentKernel, gates);
                LstmSigmoidTanh(gates, cell, cell, cellActivation, hidden);
                break;
        }
    }

    /// <summary>
    /// One reset_after GRU step: <c>gates = b_in + input·kernel</c>, <c>projection = b_rec + hidden·recurrentKernel</c>
    /// (bias <c>[2, 3U]</c>, rows b_in and b_rec), then <see cref="GruSigmoidTanh"/> with <paramref name="hidden"/>
    /// updated in place (<c>h_{t-1}</c> on entry, <c>h_t</c> on return).
    /// </summary>
    /// <exception cref="ArgumentException">The spans are not F, [F, 3U], [U, 3U], 6U, U, 3U and 3U floats (F = input.Length, U = hidden.Length).</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void GruStepSigmoidTanh(
        ReadOnlySpan<float> input,
        ReadOnlySpan<float> kernel,
        ReadOnlySpan<float> recurrentKernel,
        ReadOnlySpan<float> bias,
        Span<float> hidden,
        Span<float> gates,
        Span<float> projection)
    {
        int units = hidden.Length;
        Guard.Length(kernel.Length, input.Length * 3 * units, "input.Length × 3 · hidden.Length: the kernel [F, 3U]", nameof(kernel));
        Guard.Length(recurrentKernel.Length, units * 3 * units, "hidden.Length × 3 · hidden.Length: the recurrent kernel [U, 3U]", nameof(recurrentKernel));
        Guard.Length(bias.Length, 6 * units, "6 × hidden.Length: the bias [2, 3U], rows b_in and b_rec", nameof(bias));
        Guard.Length(gates.Length, 3 * units, "3 × hidden.Length: the z, r, h blocks", nameof(gates));
        Guard.Length(projection.Length, 3 * units, "3 × hidden.Length: the z, r, h blocks", nameof(projection));
        switch (RegisterBitsFor(units))
        {
            case 512:
                GruInRegisters<Lanes512, Vector512<float>>(input, kernel, recurrentKernel, bias, hidden, gates, projection);
                break;
            case 256:
                GruInRegisters<Lanes256, Vector256<float>>(input, kernel, recurrentKernel, bias, hidden, gates, projection);
                break;
            case 128:
                GruInRegisters<Lanes128, Vector128<float>>(input, kernel, recurrentKernel, bias, hidden, gates, projection);
                break;
            default:
                bias[..(3 * units)].CopyTo(gates);
                MatrixKernels.AddVectorTimesMatrix(input, kernel, gates);
                bias[(3 * units)..].CopyTo(projection);
                MatrixKernels.AddVectorTimesMatrix(hidden, recurrentKernel, projection);
                GruSigmoidTanh(gates, projection, hidden, hidden);
                break;
        }
    }

    /// <summary>
    /// The widest accelerated register, in bits, whose units fill one or two of them exactly, or 0 where none
    /// does (a third register's gates would not fit in AVX2's 16). A constant once inlined into a generated step.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int RegisterBitsFor(int units) =>
        Vector512.IsHardwareAccelerated && Fills(units, Vector512<float>.Count) ? 512
        : Vector256.IsHardwareAccelerated && Fills(units, Vector256<float>.Count) ? 256
        : Vector128.IsHardwareAccelerated && Fills(units, Vector128<float>.Count) ? 128
        : 0;

    private static bool Fills(int units, int width) => units == width || units == 2 * width;

    /// <summary>
    /// The step of units filling one or two registers of <typeparamref name="TLanes"/>, by the spans' first elements.
    /// Two registers go in turn, each summing its own columns: one pass for both registers' sums measured
    /// slower at every width (GRU(16) with AVX2 76 against 68 ns, LSTM(32) with AVX-512 182 against 154 ns).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void LstmInRegisters<TLanes, TVector>(
        ReadOnlySpan<float> input,
        ReadOnlySpan<float> kernel,
        ReadOnlySpan<float> recurrentKernel,
        ReadOnlySpan<float> bias,
        Span<float> hidden,
        Span<float> cell,
        Span<float> gates,
        Span<float> cellActivation)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct
    {
        var s = new StepSpans(input, kernel, recurrentKernel, bias, hidden, gates);
        ref float c = ref MemoryMarshal.GetReference(cell);
        ref float ac = ref MemoryMarshal.GetReference(cellActivation);
        if (hidden.Length == TLanes.Count)
        {
            LstmInOneRegister<TLanes, TVector>(s, ref c, ref ac);
        }
        else
        {
            LstmInTwoRegisters<TLanes, TVector>(s, ref c, ref ac);
        }
    }

    // Neither is inlined: in a generated step's body, with AVX2's 16 registers, their sums and activations
    // spilled (measured: LSTM(8) Step 96 against 56 ns with AVX2). Each has a body of its own, so that the
    // other's registers do not shape its allocation (beside a two-register form that summed both registers
    // in one pass, the one-register LSTM(8) step ran 20–40 % slower with AVX2).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void LstmInOneRegister<TLanes, TVector>(in StepSpans s, ref float cell, ref float cellActivation)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct =>
        TLanes.Store(LstmRegister<TLanes, TVector>(s, ref cell, ref cellActivation, 0), ref s.Hidden, 0);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void LstmInTwoRegisters<TLanes, TVector>(in StepSpans s, ref float cell, ref float cellActivation)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct
    {
        // The second register's sums read all of h_{t-1}, so the first register's h_t waits for them in a register.
        TVector first = LstmRegister<TLanes, TVector>(s, ref cell, ref cellActivation, 0);
        nuint w = (nuint)TLanes.Count;
        TLanes.Store(LstmRegister<TLanes, TVector>(s, ref cell, ref cellActivation, w), ref s.Hidden, w);
        TLanes.Store(first, ref s.Hidden, 0);
    }

    /// <summary>The register of units from <paramref name="k"/>: its sums and its cell, every result stored but h_t, which it returns.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector LstmRegister<TLanes, TVector>(in StepSpans s, ref float cell, ref float cellActivation, nuint k)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct
    {
        nuint u = s.Units;
        TVector i = TLanes.Load(ref s.Bias, k), f = TLanes.Load(ref s.Bias, u + k), g = TLanes.Load(ref s.Bias, 2 * u + k), o = TLanes.Load(ref s.Bias, 3 * u + k);
        AddRows<TLanes, TVector>(ref s.Input, s.Features, ref Unsafe.Add(ref s.Kernel, k), u, ref i, ref f, ref g, ref o);
        AddRows<TLanes, TVector>(ref s.Hidden, u, ref Unsafe.Add(ref s.RecurrentKernel, k), u, ref i, ref f, ref g, ref o);
        return LstmCell<TLanes, TVector>(s, ref cell, ref cellActivation, k, i, f, g, o);
    }

    /// <summary>
    /// The cell of the register of units from <paramref name="k"/>: <see cref="Cell"/>'s operations in its order, each
    /// result stored as soon as it is computed but h_t, which it returns. Returned in Cell's seven-field struct, they
    /// went through the stack: the JIT's code for an LSTM(8) step with AVX2 touched the stack 45 times, 17 now.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector LstmCell<TLanes, TVector>(in StepSpans s, ref float cell, ref float cellActivation, nuint k, TVector zi, TVector zf, TVector zc, TVector zo)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct
    {
        nuint u = s.Units;
        TVector i = RationalActivations.Sigmoid<TLanes, TVector>(zi);
        TLanes.Store(i, ref s.Gates, k);
        TVector f = RationalActivations.Sigmoid<TLanes, TVector>(zf);
        TLanes.Store(f, ref s.Gates, u + k);
        TVector g = RationalActivations.Tanh<TLanes, TVector>(zc);
        TLanes.Store(g, ref s.Gates, 2 * u + k);
        TVector o = RationalActivations.Sigmoid<TLanes, TVector>(zo);
        TLanes.Store(o, ref s.Gates, 3 * u + k);
        TVector c = NextCell<TLanes, TVector>(i, f, g, TLanes.Load(ref cell, k));
        TLanes.Store(c, ref cell, k);
        TVector activated = RationalActivations.Tanh<TLanes, TVector>(c);
        TLanes.Store(activated, ref cellActivation, k);
        return TLanes.Multiply(o, activated);
    }

    /// <summary>The GRU's form of <see cref="LstmInRegisters"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void GruInRegisters<TLanes, TVector>(
        ReadOnlySpan<float> input,
        ReadOnlySpan<float> kernel,
        ReadOnlySpan<float> recurrentKernel,
        ReadOnlySpan<float> bias,
        Span<float> hidden,
        Span<float> gates,
        Span<float> projection)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct
    {
        GruInRegisters<TLanes, TVector>(new StepSpans(input, kernel, recurrentKernel, bias, hidden, gates), ref MemoryMarshal.GetReference(projection), hidden.Length / TLanes.Count);
    }

    // Out of line, as for the LSTM. Unlike the LSTM's, the one- and two-register forms share this body: apart,
    // the two-register code touched the stack 87 times against 68, and GRU(16) with AVX2 took 77 against 66 ns
    // (the JIT's register allocation, not the operations, which are the same).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void GruInRegisters<TLanes, TVector>(in StepSpans s, ref float projection, int blocks)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct
    {
        TVector first = GruRegister<TLanes, TVector>(s, ref projection, 0);
        if (blocks == 2)
        {
            // As for the LSTM: the first register's h_t waits in a register for the second's sums.
            TLanes.Store(GruRegister<TLanes, TVector>(s, ref projection, (nuint)TLanes.Count), ref s.Hidden, (nuint)TLanes.Count);
        }

        TLanes.Store(first, ref s.Hidden, 0);
    }

    /// <summary>The register of units from <paramref name="k"/>: its sums and its cell as GruSigmoidTanh computes it, every result stored but h_t, which it returns.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector GruRegister<TLanes, TVector>(in StepSpans s, ref float projection, nuint k)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct
    {
        nuint u = s.Units;
        TVector xz = TLanes.Load(ref s.Bias, k);
        TVector xr = TLanes.Load(ref s.Bias, u + k);
        TVector xh = TLanes.Load(ref s.Bias, 2 * u + k);
        AddRows<TLanes, TVector>(ref s.Input, s.Features, ref Unsafe.Add(ref s.Kernel, k), u, ref xz, ref xr, ref xh);
        TVector uz = TLanes.Load(ref s.Bias, 3 * u + k);
        TVector ur = TLanes.Load(ref s.Bias, 4 * u + k);
        TVector uh = TLanes.Load(ref s.Bias, 5 * u + k);
        AddRows<TLanes, TVector>(ref s.Hidden, u, ref Unsafe.Add(ref s.RecurrentKernel, k), u, ref uz, ref ur, ref uh);
        GruResult<TVector> r = Gru<TLanes, TVector>(xz, xr, xh, uz, ur, uh, TLanes.Load(ref s.Hidden, k));
        TLanes.Store(uz, ref projection, k);
        TLanes.Store(ur, ref projection, u + k);
        TLanes.Store(uh, ref projection, 2 * u + k);
        TLanes.Store(r.Z, ref s.Gates, k);
        TLanes.Store(r.R, ref s.Gates, u + k);
        TLanes.Store(r.Candidate, ref s.Gates, 2 * u + k);
        return r.Output;
    }

    /// <summary><c>a_g += Σ_r v[r] · m[r, g·U ..]</c> for four blocks, one register each, rows in order: <paramref name="m"/> points at the register's first column.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddRows<TLanes, TVector>(ref float v, nuint rows, ref float m, nuint units, ref TVector a0, ref TVector a1, ref TVector a2, ref TVector a3)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct
    {
        for (nuint r = 0; r < rows; r++)
        {
            TVector scale = TLanes.Broadcast(Unsafe.Add(ref v, r));
            a0 = TLanes.MultiplyAdd(TLanes.Load(ref m, 0), scale, a0);
            a1 = TLanes.MultiplyAdd(TLanes.Load(ref m, units), scale, a1);
            a2 = TLanes.MultiplyAdd(TLanes.Load(ref m, 2 * units), scale, a2);
            a3 = TLanes.MultiplyAdd(TLanes.Load(ref m, 3 * units), scale, a3);
            m = ref Unsafe.Add(ref m, 4 * units);
        }
    }

    /// <summary>Three blocks' form of the four-block <c>AddRows</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddRows<TLanes, TVector>(ref float v, nuint rows, ref float m, nuint units, ref TVector a0, ref TVector a1, ref TVector a2)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct
    {
        for (nuint r = 0; r < rows; r++)
        {
            TVector scale = TLanes.Broadcast(Unsafe.Add(ref v, r));
            a0 = TLanes.MultiplyAdd(TLanes.Load(ref m, 0), scale, a0);
            a1 = TLanes.MultiplyAdd(TLanes.Load(ref m, units), scale, a1);
            a2 = TLanes.MultiplyAdd(TLanes.Load(ref m, 2 * units), scale, a2);
            m = ref Unsafe.Add(ref m, 3 * units);
        }
    }

    /// <summary>A gated step's spans from their first elements: input, weights, the state h and the gates, with F and U.</summary>
    private readonly ref struct StepSpans
    {
        public readonly ref float Input;
        public readonly ref float Kernel;
        public readonly ref float RecurrentKernel;
        public readonly ref float Bias;
        public readonly ref float Hidden;
        public readonly ref float Gates;
        public readonly nuint Features;
        public readonly nuint Units;

        public StepSpans(ReadOnlySpan<float> input, ReadOnlySpan<float> kernel, ReadOnlySpan<float> recurrentKernel, ReadOnlySpan<float> bias, Span<float> hidden, Span<float> gates)
        {
            Input = ref MemoryMarshal.GetReference(input);
            Kernel = ref MemoryMarshal.GetReference(kernel);
            RecurrentKernel = ref MemoryMarshal.GetReference(recurrentKernel);
            Bias = ref MemoryMarshal.GetReference(bias);
            Hidden = ref MemoryMarshal.GetReference(hidden);
            Gates = ref MemoryMarshal.GetReference(gates);
            Features = (nuint)input.Length;
            Units = (nuint)hidden.Length;
        }
    }
}
