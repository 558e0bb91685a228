using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace CorpusQA.Classify.Kernels;

/// <summary>
/// Character n-gram buckets for the classifier features, many start positions at once: the code units at offsets
/// 0..n-1 are loaded as shifted vectors, widened to 32 bits and folded into per-lane hashes. One
/// Vector512 → Vector256 → Vector128 → scalar ladder; equal to <see cref="CharNGramHashReference"/> lane for lane.
/// </summary>
internal static class CharNGramHashKernel
{
    /// <summary>Writes text.Length - n + 1 buckets of <paramref name="bits"/> bits (1..31) and returns that count.</summary>
    public static int Hash(ReadOnlySpan<char> text, int n, int bits, Span<int> buckets)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n));
        if (bits is < 1 or > 31) throw new ArgumentOutOfRangeException(nameof(bits));
        int count = Math.Max(0, text.Length - n + 1);
        if (buckets.Length < count) throw new ArgumentException("bucket span too short", nameof(buckets));
        ref ushort src = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
        ref int dst = ref MemoryMarshal.GetReference(buckets);
        uint seed = CharNGramHashReference.Seed(n);
        int shift = 32 - bits;
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i + 32 <= count; i += 32)
            {
                var lo = Vector512.Create(seed);
                var hi = lo;
                for (int k = 0; k < n; k++)
                {
                    var (a, b) = Vector512.Widen(Vector512.LoadUnsafe(ref src, (nuint)(i + k)));
                    lo = (lo ^ a) * CharNGramHashReference.Prime;
                    hi = (hi ^ b) * CharNGramHashReference.Prime;
                }
                Vector512.ShiftRightLogical(Finish(lo), shift).AsInt32().StoreUnsafe(ref dst, (nuint)i);
                Vector512.ShiftRightLogical(Finish(hi), shift).AsInt32().StoreUnsafe(ref dst, (nuint)(i + 16));
            }
        }
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + 16 <= count; i += 16)
            {
                var lo = Vector256.Create(seed);
                var hi = lo;
                for (int k = 0; k < n; k++)
                {
                    var (a, b) = Vector256.Widen(Vector256.LoadUnsafe(ref src, (nuint)(i + k)));
                    lo = (lo ^ a) * CharNGramHashReference.Prime;
                    hi = (hi ^ b) * CharNGramHashReference.Prime;
                }
                Vector256.ShiftRightLogical(Finish(lo), shift).AsInt32().StoreUnsafe(ref dst, (nuint)i);
                Vector256.ShiftRightLogical(Finish(hi), shift).AsInt32().StoreUnsafe(ref dst, (nuint)(i + 8));
            }
        }
        if (Vector128.IsHardwareAccelerated)
        {
            for (; i + 8 <= count; i += 8)
            {
                var lo = Vector128.Create(seed);
                var hi = lo;
                for (int k = 0; k < n; k++)
                {
                    var (a, b) = Vector128.Widen(Vector128.LoadUnsafe(ref src, (nuint)(i + k)));
                    lo = (lo ^ a) * CharNGramHashReference.Prime;
                    hi = (hi ^ b) * CharNGramHashReference.Prime;
                }
                Vector128.ShiftRightLogical(Finish(lo), shift).AsInt32().StoreUnsafe(ref dst, (nuint)i);
                Vector128.ShiftRightLogical(Finish(hi), shift).AsInt32().StoreUnsafe(ref dst, (nuint)(i + 4));
            }
        }
        for (; i < count; i++)
        {
            uint h = seed;
            for (int k = 0; k < n; k++) h = (h ^ Unsafe.Add(ref src, i + k)) * CharNGramHashReference.Prime;
            Unsafe.Add(ref dst, i) = (int)(CharNGramHashReference.Finish(h) >> shift);
        }
        return count;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<uint> Finish(Vector512<uint> h)
    {
        h ^= Vector512.ShiftRightLogical(h, 16);
        h *= 0x85EBCA6Bu;
        h ^= Vector512.ShiftRightLogical(h, 13);
        h *= 0xC2B2AE35u;
        return h ^ Vector512.ShiftRightLogical(h, 16);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Finish(Vector256<uint> h)
    {
        h ^= Vector256.ShiftRightLogical(h, 16);
        h *= 0x85EBCA6Bu;
        h ^= Vector256.ShiftRightLogical(h, 13);
        h *= 0xC2B2AE35u;
        return h ^ Vector256.ShiftRightLogical(h, 16);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<uint> Finish(Vector128<uint> h)
    {
        h ^= Vector128.ShiftRightLogical(h, 16);
        h *= 0x85EBCA6Bu;
        h ^= Vector128.ShiftRightLogical(h, 13);
        h *= 0xC2B2AE35u;
        return h ^ Vector128.ShiftRightLogical(h, 16);
    }
}
