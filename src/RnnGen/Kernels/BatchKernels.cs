using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace RnnGen.Kernels;

/// <summary>
/// The products of PredictBatch's and BackwardBatch's tiles: many sequences' vectors at one step, stacked
/// as the rows of a matrix, times a weight matrix (or, for a weight gradient, transposed times the
/// tile's gradients), so that each weight is read once per step for the whole tile rather than once per
/// sequence. For generated code: the rows of the left matrix and of the result lie
/// <c>stride</c> floats apart (a tile's inputs are whole sequences apart in the caller's span; a gate
/// block is one part of a wider row), and shapes that the spans cannot hold are refused before
/// anything is read or written.
/// </summary>
/// <remarks>
/// Register-blocked: four rows by four registers of columns are accumulated in sixteen registers
/// while the weight rows stream through them, so each weight row chunk loaded feeds sixteen
/// multiply-adds and each left value broadcast feeds four. Fewer rows or columns are done by smaller
/// blocks of the same loop, and columns that do not fill a register in scalar code. The widest
/// accelerated register that the columns fill is used (the JIT keeps one branch).
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class BatchKernels
{
    /// <summary>Rows of the result held in registers at once.</summary>
    private const int RowBlock = 4;

    /// <summary>Registers of columns held in registers at once, per row.</summary>
    private const int ColumnBlock = 4;
    /// <summary>
    /// <c>result[r, j] += Σ_k left[r, k] · right[k, j]</c> for <paramref name="rows"/> rows: row r of
    /// <c>left</c> is <c>left[r * leftStride ..][..inner]</c>, row r of <c>result</c> is
    /// <c>result[r * resultStride ..][..columns]</c>, and row k of <c>right</c> is
    /// <c>right[k * rightStride ..][..columns]</c>: a Keras kernel <c>[inner, columns]</c> row-major, or one
    /// gate block's columns of a wider one.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is negative, or a stride is smaller than its row (<paramref name="inner"/>, <paramref name="columns"/>).</exception>
    /// <exception cref="ArgumentException">A span is shorter than its matrix, counted without overflow.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddMatrixProduct(ReadOnlySpan<float> left, int leftStride, ReadOnlySpan<float> right, int rightStride, Span<float> result, int resultStride, int rows, int inner, int columns)
    {
        RequireShape(left.Length, leftStride, right.Length, rightStride, result.Length, resultStride, rows, inner, columns);
        if (rows == 0 || columns == 0)
        {
            return;
        }

        ref float a = ref MemoryMarshal.GetReference(left);
        ref float b = ref MemoryMarshal.GetReference(right);
        ref float c = ref MemoryMarshal.GetReference(result);
        if (Vector512.IsHardwareAccelerated && columns >= Vector512<float>.Count)
        {
            Add<Lanes512, Vector512<float>>(ref a, (nuint)leftStride, ref b, (nuint)rightStride, ref c, (nuint)resultStride, (nuint)rows, (nuint)inner, (nuint)columns);
        }
        else if (Vector256.IsHardwareAccelerated && columns >= Vector256<float>.Count)
        {
            Add<Lanes256, Vector256<float>>(ref a, (nuint)leftStride, ref b, (nuint)rightStride, ref c, (nuint)resultStride, (nuint)rows, (nuint)inner, (nuint)columns);
        }
        else if (Vector128.IsHardwareAccelerated && columns >= Vector128<float>.Count)
        {
            Add<Lanes128, Vector128<float>>(ref a, (nuint)leftStride, ref b, (nuint)rightStride, ref c, (nuint)resultStride, (nuint)rows, (nuint)inner, (nuint)columns);
        }
        else
        {
            AddScalarColumns(ref a, (nuint)leftStride, ref b, (nuint)rightStride, ref c, (nuint)resultStride, (nuint)rows, (nuint)inner, (nuint)columns, 0);
        }
    }

    /// <summary>
    /// <c>result[i, j] += Σ_r left[r, i] · right[r, j]</c>, i.e. <c>result += leftᵀ·right</c>, for
    /// <paramref name="rows"/> rows of the tile: row r of <c>left</c> is <c>left[r * leftStride ..][..leftColumns]</c>,
    /// row r of <c>right</c> is <c>right[r * rightStride ..][..columns]</c>, and row i of <c>result</c> is
    /// <c>result[i * resultStride ..][..columns]</c>. BackwardBatch's weight gradients: a step's inputs
    /// (or previous states) of every sequence of a tile, transposed, times their pre-activation gradients,
    /// <c>dkernel += x_tᵀ·da_t</c>, summed over the tile in one call that reads and writes the gradient once.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is negative, or a stride is smaller than its row (<paramref name="leftColumns"/>, <paramref name="columns"/>).</exception>
    /// <exception cref="ArgumentException">A span is shorter than its matrix, counted without overflow.</exception>
    public static void AddTransposedProduct(ReadOnlySpan<float> left, int leftStride, ReadOnlySpan<float> right, int rightStride, Span<float> result, int resultStride, int rows, int leftColumns, int columns)
    {
        RequireTransposedShape(left.Length, leftStride, right.Length, rightStride, result.Length, resultStride, rows, leftColumns, columns);
        if (rows == 0 || leftColumns == 0 || columns == 0)
        {
            return;
        }

        ref float a = ref MemoryMarshal.GetReference(left);
        ref float b = ref MemoryMarshal.GetReference(right);
        ref float c = ref MemoryMarshal.GetReference(result);
        if (Vector512.IsHardwareAccelerated && columns >= Vector512<float>.Count)
        {
            AddTransposed<Lanes512, Vector512<float>>(ref a, (nuint)leftStride, ref b, (nuint)rightStride, ref c, (nuint)resultStride, (nuint)rows, (nuint)leftColumns, (nuint)columns);
        }
        else if (Vector256.IsHardwareAccelerated && columns >= Vector256<float>.Count)
        {
            AddTransposed<Lanes256, Vector256<float>>(ref a, (nuint)leftStride, ref b, (nuint)rightStride, ref c, (nuint)resultStride, (nuint)rows, (nuint)leftColumns, (nuint)columns);
        }
        else if (Vector128.IsHardwareAccelerated && columns >= Vector128<float>.Count)
        {
            AddTransposed<Lanes128, Vector128<float>>(ref a, (nuint)leftStride, ref b, (nuint)rightStride, ref c, (nuint)resultStride, (nuint)rows, (nuint)leftColumns, (nuint)columns);
        }
        else
        {
            AddTransposedScalarColumns(ref a, (nuint)leftStride, ref b, (nuint)rightStride, ref c, (nuint)resultStride, (nuint)rows, (nuint)leftColumns, (nuint)columns, 0);
        }
    }

    /// <summary>
    /// <c>result[j, i] = matrix[i, j]</c>: <paramref name="matrix"/> is <c>[rows, columns]</c> row-major,
    /// <paramref name="result"/> <c>[columns, rows]</c>. BackwardBatch transposes each weight that BPTT
    /// multiplies by its transpose (<c>dh_{t-1} = da_t·recurrent_kernelᵀ</c>, <c>dx = dz·kernelᵀ</c>) once per
    /// call, so that those products over a tile read weight rows as <see cref="AddMatrixProduct"/> does. Plain
    /// loops: it runs once per call, against a product per step per tile that reads what it writes.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rows"/> or <paramref name="columns"/> is negative.</exception>
    /// <exception cref="ArgumentException">A span's length is not <c>rows * columns</c>, counted without overflow.</exception>
    public static void Transpose(ReadOnlySpan<float> matrix, int rows, int columns, Span<float> result)
    {
        ThrowIfNegative(rows, nameof(rows));
        ThrowIfNegative(columns, nameof(columns));
        long length = (long)rows * columns;
        if (matrix.Length != length || result.Length != length)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Expected {length} floats ({rows} rows of {columns}) in both spans, but the matrix has {matrix.Length} and the result {result.Length}."),
                matrix.Length != length ? nameof(matrix) : nameof(result));
        }

        for (int i = 0; i < rows; i++)
        {
            ReadOnlySpan<float> row = matrix.Slice(i * columns, columns);
            for (int j = 0; j < columns; j++)
            {
                result[j * rows + i] = row[j];
            }
        }
    }

    /// <summary>
    /// <c>matrix[r, j] = row[j]</c> for <paramref name="rows"/> rows <paramref name="stride"/> floats apart:
    /// a bias as the start of every sequence's affine map.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rows"/> is negative, or <paramref name="stride"/> is smaller than the row.</exception>
    /// <exception cref="ArgumentException"><paramref name="matrix"/> is shorter than its rows, counted without overflow.</exception>
    public static void CopyToRows(ReadOnlySpan<float> row, Span<float> matrix, int stride, int rows)
    {
        int width = row.Length;
        RequireRows(matrix.Length, stride, rows, width, nameof(matrix), nameof(stride));
        for (int r = 0; r < rows; r++)
        {
            row.CopyTo(matrix.Slice(r * stride, width));
        }
    }

    /// <summary>
    /// Needs <c>columns ≥ TLanes.Count</c>: row blocks of four, then single rows, each over every
    /// column. A block streams the whole weight matrix once (from L2 when it is larger than L1: 16
    /// bytes a cycle at Vector512, well within L2's bandwidth), while its left rows stay in L1.
    /// </summary>
    private static void Add<TLanes, TVector>(ref float a, nuint aStride, ref float b, nuint bStride, ref float c, nuint cStride, nuint rows, nuint inner, nuint columns)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct
    {
        nuint width = (nuint)TLanes.Count;
        nuint r = 0;
        for (; r + RowBlock <= rows; r += RowBlock)
        {
            ref float aRows = ref Unsafe.Add(ref a, r * aStride);
            ref float cRows = ref Unsafe.Add(ref c, r * cStride);
            nuint j = 0;
            for (; j + ColumnBlock * width <= columns; j += ColumnBlock * width)
            {
                Block4x4<TLanes, TVector>(ref aRows, aStride, ref Unsafe.Add(ref b, j), bStride, ref Unsafe.Add(ref cRows, j), cStride, inner);
            }

            for (; j + width <= columns; j += width)
            {
                Block4x1<TLanes, TVector>(ref aRows, aStride, ref Unsafe.Add(ref b, j), bStride, ref Unsafe.Add(ref cRows, j), cStride, inner);
            }

            AddScalarColumns(ref aRows, aStride, ref b, bStride, ref cRows, cStride, RowBlock, inner, columns, j);
        }

        for (; r < rows; r++)
        {
            ref float aRow = ref Unsafe.Add(ref a, r * aStride);
            ref float cRow = ref Unsafe.Add(ref c, r * cStride);
            nuint j = 0;
            for (; j + ColumnBlock * width <= columns; j += ColumnBlock * width)
            {
                Block1x4<TLanes, TVector>(ref aRow, ref Unsafe.Add(ref b, j), bStride, ref Unsafe.Add(ref cRow, j), inner);
            }

            for (; j + width <= columns; j += width)
            {
                TVector sum = TLanes.Load(ref cRow, j);
                ref float column = ref Unsafe.Add(ref b, j);
                for (nuint k = 0; k < inner; k++)
                {
                    sum = TLanes.MultiplyAdd(TLanes.Load(ref column, k * bStride), TLanes.Broadcast(Unsafe.Add(ref aRow, k)), sum);
                }

                TLanes.Store(sum, ref cRow, j);
            }

            AddScalarColumns(ref aRow, aStride, ref b, bStride, ref cRow, cStride, 1, inner, columns, j);
        }
    }

    /// <summary>Four rows × four registers of columns: sixteen accumulators, each weight chunk loaded once per k.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block4x4<TLanes, TVector>(ref float a0, nuint aStride, ref float b, nuint bStride, ref float c0, nuint cStride, nuint inner)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct
    {
        nuint w = (nuint)TLanes.Count;
        ref float c1 = ref Unsafe.Add(ref c0, cStride);
        ref float c2 = ref Unsafe.Add(ref c1, cStride);
        ref float c3 = ref Unsafe.Add(ref c2, cStride);
        ref float a1 = ref Unsafe.Add(ref a0, aStride);
        ref float a2 = ref Unsafe.Add(ref a1, aStride);
        ref float a3 = ref Unsafe.Add(ref a2, aStride);
        TVector s00 = TLanes.Load(ref c0, 0), s01 = TLanes.Load(ref c0, w), s02 = TLanes.Load(ref c0, 2 * w), s03 = TLanes.Load(ref c0, 3 * w);
        TVector s10 = TLanes.Load(ref c1, 0), s11 = TLanes.Load(ref c1, w), s12 = TLanes.Load(ref c1, 2 * w), s13 = TLanes.Load(ref c1, 3 * w);
        TVector s20 = TLanes.Load(ref c2, 0), s21 = TLanes.Load(ref c2, w), s22 = TLanes.Load(ref c2, 2 * w), s23 = TLanes.Load(ref c2, 3 * w);
        TVector s30 = TLanes.Load(ref c3, 0), s31 = TLanes.Load(ref c3, w), s32 = TLanes.Load(ref c3, 2 * w), s33 = TLanes.Load(ref c3, 3 * w);
        ref float row = ref b;
        for (nuint k = 0; k < inner; k++)
        {
            TVector b0 = TLanes.Load(ref row, 0), b1 = TLanes.Load(ref row, w), b2 = TLanes.Load(ref row, 2 * w), b3 = TLanes.Load(ref row, 3 * w);
            TVector x = TLanes.Broadcast(Unsafe.Add(ref a0, k));
            s00 = TLanes.MultiplyAdd(b0, x, s00);
            s01 = TLanes.MultiplyAdd(b1, x, s01);
            s02 = TLanes.MultiplyAdd(b2, x, s02);
            s03 = TLanes.MultiplyAdd(b3, x, s03);
            x = TLanes.Broadcast(Unsafe.Add(ref a1, k));
            s10 = TLanes.MultiplyAdd(b0, x, s10);
            s11 = TLanes.MultiplyAdd(b1, x, s11);
            s12 = TLanes.MultiplyAdd(b2, x, s12);
            s13 = TLanes.MultiplyAdd(b3, x, s13);
            x = TLanes.Broadcast(Unsafe.Add(ref a2, k));
            s20 = TLanes.MultiplyAdd(b0, x, s20);
            s21 = TLanes.MultiplyAdd(b1, x, s21);
            s22 = TLanes.MultiplyAdd(b2, x, s22);
            s23 = TLanes.MultiplyAdd(b3, x, s23);
            x = TLanes.Broadcast(Unsafe.Add(ref a3, k));
            s30 = TLanes.MultiplyAdd(b0, x, s30);
            s31 = TLanes.MultiplyAdd(b1, x, s31);
            s32 = TLanes.MultiplyAdd(b2, x, s32);
            s33 = TLanes.MultiplyAdd(b3, x, s33);
            row = ref Unsafe.Add(ref row, bStride);
        }

        TLanes.Store(s00, ref c0, 0);
        TLanes.Store(s01, ref c0, w);
        TLanes.Store(s02, ref c0, 2 * w);
        TLanes.Store(s03, ref c0, 3 * w);
        TLanes.Store(s10, ref c1, 0);
        TLanes.Store(s11, ref c1, w);
        TLanes.Store(s12, ref c1, 2 * w);
        TLanes.Store(s13, ref c1, 3 * w);
        TLanes.Store(s20, ref c2, 0);
        TLanes.Store(s21, ref c2, w);
        TLanes.Store(s22, ref c2, 2 * w);
        TLanes.Store(s23, ref c2, 3 * w);
        TLanes.Store(s30, ref c3, 0);
        TLanes.Store(s31, ref c3, w);
        TLanes.Store(s32, ref c3, 2 * w);
        TLanes.Store(s33, ref c3, 3 * w);
    }

    /// <summary>Four rows × one register of columns.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block4x1<TLanes, TVector>(ref float a0, nuint aStride, ref float b, nuint bStride, ref float c0, nuint cStride, nuint inner)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct
    {
        ref float c1 = ref Unsafe.Add(ref c0, cStride);
        ref float c2 = ref Unsafe.Add(ref c1, cStride);
        ref float c3 = ref Unsafe.Add(ref c2, cStride);
        ref float a1 = ref Unsafe.Add(ref a0, aStride);
        ref float a2 = ref Unsafe.Add(ref a1, aStride);
        ref float a3 = ref Unsafe.Add(ref a2, aStride);
        TVector s0 = TLanes.Load(ref c0, 0), s1 = TLanes.Load(ref c1, 0), s2 = TLanes.Load(ref c2, 0), s3 = TLanes.Load(ref c3, 0);
        ref float row = ref b;
        for (nuint k = 0; k < inner; k++)
        {
            TVector weights = TLanes.Load(ref row, 0);
            s0 = TLanes.MultiplyAdd(weights, TLanes.Broadcast(Unsafe.Add(ref a0, k)), s0);
            s1 = TLanes.MultiplyAdd(weights, TLanes.Broadcast(Unsafe.Add(ref a1, k)), s1);
            s2 = TLanes.MultiplyAdd(weights, TLanes.Broadcast(Unsafe.Add(ref a2, k)), s2);
            s3 = TLanes.MultiplyAdd(weights, TLanes.Broadcast(Unsafe.Add(ref a3, k)), s3);
            row = ref Unsafe.Add(ref row, bStride);
        }

        TLanes.Store(s0, ref c0, 0);
        TLanes.Store(s1, ref c1, 0);
        TLanes.Store(s2, ref c2, 0);
        TLanes.Store(s3, ref c3, 0);
    }

    /// <summary>One row × four registers of columns.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block1x4<TLanes, TVector>(ref float a, ref float b, nuint bStride, ref float c, nuint inner)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct
    {
        nuint w = (nuint)TLanes.Count;
        TVector s0 = TLanes.Load(ref c, 0), s1 = TLanes.Load(ref c, w), s2 = TLanes.Load(ref c, 2 * w), s3 = TLanes.Load(ref c, 3 * w);
        ref float row = ref b;
        for (nuint k = 0; k < inner; k++)
        {
            TVector x = TLanes.Broadcast(Unsafe.Add(ref a, k));
            s0 = TLanes.MultiplyAdd(TLanes.Load(ref row, 0), x, s0);
            s1 = TLanes.MultiplyAdd(TLanes.Load(ref row, w), x, s1);
            s2 = TLanes.MultiplyAdd(TLanes.Load(ref row, 2 * w), x, s2);
            s3 = TLanes.MultiplyAdd(TLanes.Load(ref row, 3 * w), x, s3);
            row = ref Unsafe.Add(ref row, bStride);
        }

        TLanes.Store(s0, ref c, 0);
        TLanes.Store(s1, ref c, w);
        TLanes.Store(s2, ref c, 2 * w);
        TLanes.Store(s3, ref c, 3 * w);
    }

    /// <summary>
    /// Needs <c>columns ≥ TLanes.Count</c>: blocks of four result rows (four columns of the left matrix),
    /// then single ones, each over every column. A block holds its part of the result in registers while
    /// the tile's rows stream through: each right row chunk loaded feeds four multiply-adds per register
    /// and each left value broadcast feeds four, as in <see cref="Add{TLanes, TVector}"/>.
    /// </summary>
    private static void AddTransposed<TLanes, TVector>(ref float a, nuint aStride, ref float b, nuint bStride, ref float c, nuint cStride, nuint rows, nuint leftColumns, nuint columns)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct
    {
        nuint width = (nuint)TLanes.Count;
        nuint i = 0;
        for (; i + RowBlock <= leftColumns; i += RowBlock)
        {
            ref float aColumns = ref Unsafe.Add(ref a, i);
            ref float cRows = ref Unsafe.Add(ref c, i * cStride);
            nuint j = 0;
            for (; j + ColumnBlock * width <= columns; j += ColumnBlock * width)
            {
                TransposedBlock4x4<TLanes, TVector>(ref aColumns, aStride, ref Unsafe.Add(ref b, j), bStride, ref Unsafe.Add(ref cRows, j), cStride, rows);
            }

            for (; j + width <= columns; j += width)
            {
                TransposedBlock4x1<TLanes, TVector>(ref aColumns, aStride, ref Unsafe.Add(ref b, j), bStride, ref Unsafe.Add(ref cRows, j), cStride, rows);
            }

            AddTransposedScalarColumns(ref aColumns, aStride, ref b, bStride, ref cRows, cStride, rows, RowBlock, columns, j);
        }

        for (; i < leftColumns; i++)
        {
            ref float aColumn = ref Unsafe.Add(ref a, i);
            ref float cRow = ref Unsafe.Add(ref c, i * cStride);
            nuint j = 0;
            for (; j + width <= columns; j += width)
            {
                TVector sum = TLanes.Load(ref cRow, j);
                ref float column = ref Unsafe.Add(ref b, j);
                for (nuint r = 0; r < rows; r++)
                {
                    sum = TLanes.MultiplyAdd(TLanes.Load(ref column, r * bStride), TLanes.Broadcast(Unsafe.Add(ref aColumn, r * aStride)), sum);
                }

                TLanes.Store(sum, ref cRow, j);
            }

            AddTransposedScalarColumns(ref aColumn, aStride, ref b, bStride, ref cRow, cStride, rows, 1, columns, j);
        }
    }

    /// <summary>Four result rows × four registers of columns: sixteen accumulators, each right chunk loaded once per tile row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void TransposedBlock4x4<TLanes, TVector>(ref float a, nuint aStride, ref float b, nuint bStride, ref float c0, nuint cStride, nuint rows)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct
    {
        nuint w = (nuint)TLanes.Count;
        ref float c1 = ref Unsafe.Add(ref c0, cStride);
        ref float c2 = ref Unsafe.Add(ref c1, cStride);
        ref float c3 = ref Unsafe.Add(ref c2, cStride);
        TVector s00 = TLanes.Load(ref c0, 0), s01 = TLanes.Load(ref c0, w), s02 = TLanes.Load(ref c0, 2 * w), s03 = TLanes.Load(ref c0, 3 * w);
        TVector s10 = TLanes.Load(ref c1, 0), s11 = TLanes.Load(ref c1, w), s12 = TLanes.Load(ref c1, 2 * w), s13 = TLanes.Load(ref c1, 3 * w);
        TVector s20 = TLanes.Load(ref c2, 0), s21 = TLanes.Load(ref c2, w), s22 = TLanes.Load(ref c2, 2 * w), s23 = TLanes.Load(ref c2, 3 * w);
        TVector s30 = TLanes.Load(ref c3, 0), s31 = TLanes.Load(ref c3, w), s32 = TLanes.Load(ref c3, 2 * w), s33 = TLanes.Load(ref c3, 3 * w);
        ref float leftRow = ref a;
        ref float row = ref b;
        for (nuint r = 0; r < rows; r++)
        {
            TVector b0 = TLanes.Load(ref row, 0), b1 = TLanes.Load(ref row, w), b2 = TLanes.Load(ref row, 2 * w), b3 = TLanes.Load(ref row, 3 * w);
            TVector x = TLanes.Broadcast(leftRow);
            s00 = TLanes.MultiplyAdd(b0, x, s00);
            s01 = TLanes.MultiplyAdd(b1, x, s01);
            s02 = TLanes.MultiplyAdd(b2, x, s02);
            s03 = TLanes.MultiplyAdd(b3, x, s03);
            x = TLanes.Broadcast(Unsafe.Add(ref leftRow, 1));
            s10 = TLanes.MultiplyAdd(b0, x, s10);
            s11 = TLanes.MultiplyAdd(b1, x, s11);
            s12 = TLanes.MultiplyAdd(b2, x, s12);
            s13 = TLanes.MultiplyAdd(b3, x, s13);
            x = TLanes.Broadcast(Unsafe.Add(ref leftRow, 2));
            s20 = TLanes.MultiplyAdd(b0, x, s20);
            s21 = TLanes.MultiplyAdd(b1, x, s21);
            s22 = TLanes.MultiplyAdd(b2, x, s22);
            s23 = TLanes.MultiplyAdd(b3, x, s23);
            x = TLanes.Broadcast(Unsafe.Add(ref leftRow, 3));
            s30 = TLanes.MultiplyAdd(b0, x, s30);
            s31 = TLanes.MultiplyAdd(b1, x, s31);
            s32 = TLanes.MultiplyAdd(b2, x, s32);
            s33 = TLanes.MultiplyAdd(b3, x, s33);
            leftRow = ref Unsafe.Add(ref leftRow, aStride);
            row = ref Unsafe.Add(ref row, bStride);
        }

        TLanes.Store(s00, ref c0, 0);
        TLanes.Store(s01, ref c0, w);
        TLanes.Store(s02, ref c0, 2 * w);
        TLanes.Store(s03, ref c0, 3 * w);
        TLanes.Store(s10, ref c1, 0);
        TLanes.Store(s11, ref c1, w);
        TLanes.Store(s12, ref c1, 2 * w);
        TLanes.Store(s13, ref c1, 3 * w);
        TLanes.Store(s20, ref c2, 0);
        TLanes.Store(s21, ref c2, w);
        TLanes.Store(s22, ref c2, 2 * w);
        TLanes.Store(s23, ref c2, 3 * w);
        TLanes.Store(s30, ref c3, 0);
        TLanes.Store(s31, ref c3, w);
        TLanes.Store(s32, ref c3, 2 * w);
        TLanes.Store(s33, ref c3, 3 * w);
    }

    /// <summary>Four result rows × one register of columns.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void TransposedBlock4x1<TLanes, TVector>(ref float a, nuint aStride, ref float b, nuint bStride, ref float c0, nuint cStride, nuint rows)
        where TLanes : IFloatLanes<TVector>
        where TVector : struct
    {
        ref float c1 = ref Unsafe.Add(ref c0, cStride);
        ref float c2 = ref Unsafe.Add(ref c1, cStride);
        ref float c3 = ref Unsafe.Add(ref c2, cStride);
        TVector s0 = TLanes.Load(ref c0, 0), s1 = TLanes.Load(ref c1, 0), s2 = TLanes.Load(ref c2, 0), s3 = TLanes.Load(ref c3, 0);
        ref float leftRow = ref a;
        ref float row = ref b;
        for (nuint r = 0; r < rows; r++)
        {
            TVector values = TLanes.Load(ref row, 0);
            s0 = TLanes.MultiplyAdd(values, TLanes.Broadcast(leftRow), s0);
            s1 = TLanes.MultiplyAdd(values, TLanes.Broadcast(Unsafe.Add(ref leftRow, 1)), s1);
            s2 = TLanes.MultiplyAdd(values, TLanes.Broadcast(Unsafe.Add(ref leftRow, 2)), s2);
            s3 = TLanes.MultiplyAdd(values, TLanes.Broadcast(Unsafe.Add(ref leftRow, 3)), s3);
            leftRow = ref Unsafe.Add(ref leftRow, aStride);
            row = ref Unsafe.Add(ref row, bStride);
        }

        TLanes.Store(s0, ref c0, 0);
        TLanes.Store(s1, ref c1, 0);
        TLanes.Store(s2, ref c2, 0);
        TLanes.Store(s3, ref c3, 0);
    }

    /// <summary>Columns <c>[first, columns)</c> of <paramref name="resultRows"/> result rows of leftᵀ·right in scalar code, one dot product over the tile's rows each.</summary>
    private static void AddTransposedScalarColumns(ref float a, nuint aStride, ref float b, nuint bStride, ref float c, nuint cStride, nuint rows, nuint resultRows, nuint columns, nuint first)
    {
        for (nuint i = 0; i < resultRows; i++)
        {
            ref float cRow = ref Unsafe.Add(ref c, i * cStride);
            for (nuint j = first; j < columns; j++)
            {
                float sum = Unsafe.Add(ref cRow, j);
                for (nuint r = 0; r < rows; r++)
                {
                    sum += Unsafe.Add(ref a, r * aStride + i) * Unsafe.Add(ref b, r * bStride + j);
                }

                Unsafe.Add(ref cRow, j) = sum;
            }
        }
    }

    /// <summary>Columns <c>[first, columns)</c> of <paramref name="rows"/> rows in scalar code, one dot product each.</summary>
    private static void AddScalarColumns(ref float a, nuint aStride, ref float b, nuint bStride, ref float c, nuint cStride, nuint rows, nuint inner, nuint columns, nuint first)
    {
        for (nuint r = 0; r < rows; r++)
        {
            ref float aRow = ref Unsafe.Add(ref a, r * aStride);
            ref float cRow = ref Unsafe.Add(ref c, r * cStride);
            for (nuint j = first; j < columns; j++)
            {
                float sum = Unsafe.Add(ref cRow, j);
                for (nuint k = 0; k < inner; k++)
                {
                    sum += Unsafe.Add(ref aRow, k) * Unsafe.Add(ref b, k * bStride + j);
                }

                Unsafe.Add(ref cRow, j) = sum;
            }
        }
    }

    /// <summary>Throws unless every span holds its matrix: the checks in 64 bits, negative sizes first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void RequireShape(int leftLength, int leftStride, int rightLength, int rightStride, int resultLength, int resultStride, int rows, int inner, int columns)
    {
        if ((rows | inner | columns) < 0
            || leftStride < inner
            || rightStride < columns
            || resultStride < columns
            || RowsLength(rows, leftStride, inner) > leftLength
            || RowsLength(inner, rightStride, columns) > rightLength
            || RowsLength(rows, resultStride, columns) > resultLength)
        {
            ThrowShape(leftLength, leftStride, rightLength, rightStride, resultLength, resultStride, rows, inner, columns);
        }
    }

    /// <summary>Throws unless every span holds its matrix of leftᵀ·right: the checks in 64 bits, negative sizes first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void RequireTransposedShape(int leftLength, int leftStride, int rightLength, int rightStride, int resultLength, int resultStride, int rows, int leftColumns, int columns)
    {
        if ((rows | leftColumns | columns) < 0
            || leftStride < leftColumns
            || rightStride < columns
            || resultStride < columns
            || RowsLength(rows, leftStride, leftColumns) > leftLength
            || RowsLength(rows, rightStride, columns) > rightLength
            || RowsLength(leftColumns, resultStride, columns) > resultLength)
        {
            ThrowTransposedShape(leftLength, leftStride, rightLength, rightStride, resultLength, resultStride, rows, leftColumns, columns);
        }
    }

    [DoesNotReturn]
    private static void ThrowTransposedShape(int leftLength, int leftStride, int rightLength, int rightStride, int resultLength, int resultStride, int rows, int leftColumns, int columns)
    {
        ThrowIfNegative(rows, nameof(rows));
        ThrowIfNegative(leftColumns, nameof(leftColumns));
        ThrowIfNegative(columns, nameof(columns));
        ThrowIfStrideTooSmall(leftStride, leftColumns, nameof(leftStride));
        ThrowIfStrideTooSmall(rightStride, columns, nameof(rightStride));
        ThrowIfStrideTooSmall(resultStride, columns, nameof(resultStride));
        ThrowTooShort(leftLength, RowsLength(rows, leftStride, leftColumns), $"left: {rows} rows of {leftColumns}, {leftStride} apart", "left");
        ThrowTooShort(rightLength, RowsLength(rows, rightStride, columns), $"right: {rows} rows of {columns}, {rightStride} apart", "right");
        ThrowTooShort(resultLength, RowsLength(leftColumns, resultStride, columns), $"result: {leftColumns} rows of {columns}, {resultStride} apart", "result");
        throw new System.Diagnostics.UnreachableException();
    }

    private static void RequireRows(int length, int stride, int rows, int width, string paramName, string strideName)
    {
        if (rows < 0 || stride < width || RowsLength(rows, stride, width) > length)
        {
            ThrowIfNegative(rows, nameof(rows));
            ThrowIfStrideTooSmall(stride, width, strideName);
            ThrowTooShort(length, RowsLength(rows, stride, width), $"{rows} rows of {width}, {stride} apart", paramName);
        }
    }

    /// <summary>Floats from the first row's start to the last row's end: <c>(rows − 1) · stride + width</c>, or 0 without rows.</summary>
    private static long RowsLength(int rows, int stride, int width) => rows <= 0 ? 0 : (rows - 1L) * stride + width;

    [DoesNotReturn]
    private static void ThrowShape(int leftLength, int leftStride, int rightLength, int rightStride, int resultLength, int resultStride, int rows, int inner, int columns)
    {
        ThrowIfNegative(rows, nameof(rows));
        ThrowIfNegative(inner, nameof(inner));
        ThrowIfNegative(columns, nameof(columns));
        ThrowIfStrideTooSmall(leftStride, inner, nameof(leftStride));
        ThrowIfStrideTooSmall(rightStride, columns, nameof(rightStride));
        ThrowIfStrideTooSmall(resultStride, columns, nameof(resultStride));
        ThrowTooShort(leftLength, RowsLength(rows, leftStride, inner), $"left: {rows} rows of {inner}, {leftStride} apart", "left");
        ThrowTooShort(rightLength, RowsLength(inner, rightStride, columns), $"right: {inner} rows of {columns}, {rightStride} apart", "right");
        ThrowTooShort(resultLength, RowsLength(rows, resultStride, columns), $"result: {rows} rows of {columns}, {resultStride} apart", "result");
        throw new System.Diagnostics.UnreachableException();
    }

    // Not ArgumentOutOfRangeException.ThrowIfNegative: its message formats the value in the current culture.
    private static void ThrowIfNegative(int size, string paramName)
    {
        if (size < 0)
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                string.Create(CultureInfo.InvariantCulture, $"Expected a size of 0 or more, but {paramName} is {size}."));
        }
    }

    private static void ThrowIfStrideTooSmall(int stride, int width, string paramName)
    {
        if (stride < width)
        {
            throw new ArgumentOutOfRangeException(
                paramName,
                string.Create(CultureInfo.InvariantCulture, $"Expected a stride of at least the row's {width} floats, but {paramName} is {stride}."));
        }
    }

    private static void ThrowTooShort(int length, long needed, string shape, string paramName)
    {
        if (needed > length)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Expected at least {needed} floats ({shape}), but the span has {length}."),
                paramName);
        }
    }
}
