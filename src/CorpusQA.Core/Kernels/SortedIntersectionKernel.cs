using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace CorpusQA.Core.Kernels;

/// <summary>
/// |a ∩ b| of two ascending arrays of distinct 64-bit values (the exact Jaccard of two n-gram hash sets), eight by
/// eight: a block of a is compared with all eight rotations of a block of b (AVX-512), the matches are counted, and
/// the block whose last value is smaller moves on (both when equal). Every pair of overlapping blocks is compared
/// exactly once, so every common value is counted once. The scalar merge spends most of its time on a branch that
/// goes either way at random; here there is one such branch per eight values. Equal to
/// <see cref="SortedIntersectionReference"/> (which finishes the tails).
/// </summary>
internal static class SortedIntersectionKernel
{
    public static int Count(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        if (!Avx512F.IsSupported || a.Length < 8 || b.Length < 8) return SortedIntersectionReference.Count(a, b);
        ref ulong pa = ref MemoryMarshal.GetReference(a);
        ref ulong pb = ref MemoryMarshal.GetReference(b);
        int i = 0, j = 0, common = 0;
        int lastA = a.Length - 8, lastB = b.Length - 8;
        while (i <= lastA && j <= lastB)
        {
            var va = Vector512.LoadUnsafe(ref pa, (nuint)i);
            var vb = Vector512.LoadUnsafe(ref pb, (nuint)j);
            var hits = Vector512.Equals(va, vb);
            hits |= Vector512.Equals(va, Avx512F.AlignRight64(vb, vb, 1));
            hits |= Vector512.Equals(va, Avx512F.AlignRight64(vb, vb, 2));
            hits |= Vector512.Equals(va, Avx512F.AlignRight64(vb, vb, 3));
            hits |= Vector512.Equals(va, Avx512F.AlignRight64(vb, vb, 4));
            hits |= Vector512.Equals(va, Avx512F.AlignRight64(vb, vb, 5));
            hits |= Vector512.Equals(va, Avx512F.AlignRight64(vb, vb, 6));
            hits |= Vector512.Equals(va, Avx512F.AlignRight64(vb, vb, 7));
            common += BitOperations.PopCount(hits.ExtractMostSignificantBits());
            ulong maxA = Unsafe.Add(ref pa, i + 7), maxB = Unsafe.Add(ref pb, j + 7);
            if (maxA <= maxB) i += 8;
            if (maxB <= maxA) j += 8;
        }
        // What is left: every common value with an index below i in a or below j in b is counted, none other.
        return common + SortedIntersectionReference.Count(a[i..], b[j..]);
    }
}
