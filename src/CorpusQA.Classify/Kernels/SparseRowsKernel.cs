using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace CorpusQA.Classify.Kernels;

/// <summary>
/// A sparse feature vector times an 8-column weight matrix, one row (one cache line of 32 bytes) per feature:
/// every stored feature costs one row load and one fused multiply-add of eight lanes, instead of one scattered
/// load per output. Vector256 → Vector128 → scalar ladder; equal to <see cref="SparseRowsReference"/> bit for bit
/// (the same fused multiply-add per lane, in the same order).
/// </summary>
internal static class SparseRowsKernel
{
    public static void Accumulate(ReadOnlySpan<float> rows, ReadOnlySpan<int> indices, ReadOnlySpan<float> values, Span<float> acc)
    {
        const int width = SparseRowsReference.Width;
        if (acc.Length < width) throw new ArgumentException("accumulator too short", nameof(acc));
        if (values.Length < indices.Length) throw new ArgumentException("fewer values than indices", nameof(values));
        ref float w = ref MemoryMarshal.GetReference(rows);
        ref float a = ref MemoryMarshal.GetReference(acc);
        int n = indices.Length;
        if (Vector256.IsHardwareAccelerated)
        {
            var sum = Vector256.LoadUnsafe(ref a);
            for (int i = 0; i < n; i++)
            {
                int row = CheckedRow(indices[i], rows.Length);
                sum = Vector256.FusedMultiplyAdd(Vector256.Create(values[i]), Vector256.LoadUnsafe(ref w, (nuint)row), sum);
            }
            sum.StoreUnsafe(ref a);
            return;
        }
        if (Vector128.IsHardwareAccelerated)
        {
            var lo = Vector128.LoadUnsafe(ref a);
            var hi = Vector128.LoadUnsafe(ref a, 4);
            for (int i = 0; i < n; i++)
            {
                int row = CheckedRow(indices[i], rows.Length);
                var v = Vector128.Create(values[i]);
                lo = Vector128.FusedMultiplyAdd(v, Vector128.LoadUnsafe(ref w, (nuint)row), lo);
                hi = Vector128.FusedMultiplyAdd(v, Vector128.LoadUnsafe(ref w, (nuint)(row + 4)), hi);
            }
            lo.StoreUnsafe(ref a);
            hi.StoreUnsafe(ref a, 4);
            return;
        }
        for (int i = 0; i < n; i++)
        {
            int row = CheckedRow(indices[i], rows.Length);
            for (int k = 0; k < width; k++) acc[k] = MathF.FusedMultiplyAdd(values[i], rows[row + k], acc[k]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int CheckedRow(int index, int length)
    {
        int row = index * SparseRowsReference.Width;
        if ((uint)index > (uint)(length / SparseRowsReference.Width - 1)) throw new ArgumentOutOfRangeException(nameof(index));
        return row;
    }
}
