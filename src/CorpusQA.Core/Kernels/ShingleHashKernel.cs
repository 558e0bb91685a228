using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace CorpusQA.Core.Kernels;

/// <summary>
/// XXH3's 9-16-byte path for eight consecutive UTF-16 windows at once (AVX-512), folded to 32 bits. Window k
/// reads the 64-bit words at characters k and k + (L − 8)/2; eight such words are assembled from
/// zero-extended 8-character loads, and the 64×64→128-bit multiply is built from four 32×32→64 products.
/// The scalar path is <c>ShingleHasher.HashWindows</c>; tests compare both with System.IO.Hashing's XxHash3.
/// </summary>
internal static class ShingleHashKernel
{
    public const int Block = 8;

    public static bool IsAccelerated =>
        Avx512F.IsSupported && Avx512DQ.IsSupported && Avx512BW.IsSupported && BitConverter.IsLittleEndian;

    /// <summary>Hashes whole blocks of 8 windows from the start; returns how many windows it did (0 without AVX-512).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int HashBlocks(ReadOnlySpan<char> text, int windowBytes, ulong bitflip1, ulong bitflip2, Span<uint> destination)
    {
        if (!IsAccelerated || windowBytes is < 10 or > 16 || windowBytes % 2 != 0)
            return 0;
        int d = (windowBytes - 8) / 2;                    // character offset of the second word
        ref ushort chars = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
        ref uint output = ref MemoryMarshal.GetReference(destination);
        var flip1 = Vector512.Create(bitflip1);
        var flip2 = Vector512.Create(bitflip2);
        var length = Vector512.Create((ulong)windowBytes);
        var prime = Vector512.Create(0x165667919E3779F9UL);
        var low32 = Vector512.Create(0xFFFFFFFFUL);
        var byteSwap = Vector512.Create((byte)7, 6, 5, 4, 3, 2, 1, 0, 15, 14, 13, 12, 11, 10, 9, 8,
            7, 6, 5, 4, 3, 2, 1, 0, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 15, 14, 13, 12, 11, 10, 9, 8,
            7, 6, 5, 4, 3, 2, 1, 0, 15, 14, 13, 12, 11, 10, 9, 8);
        int i = 0;
        // The last 8-character load starts at i + d + 3 and must end inside the text.
        for (; i + Block <= destination.Length && i + d + 3 + 8 <= text.Length; i += Block)
        {
            var lo = Word(ref chars, i) ^ flip1;
            var hi = Word(ref chars, i + d) ^ flip2;

            var ll = Avx512F.Multiply(lo.AsUInt32(), hi.AsUInt32());
            var lh = Avx512F.Multiply(lo.AsUInt32(), (hi >>> 32).AsUInt32());
            var hl = Avx512F.Multiply((lo >>> 32).AsUInt32(), hi.AsUInt32());
            var hh = Avx512F.Multiply((lo >>> 32).AsUInt32(), (hi >>> 32).AsUInt32());
            var mid = (ll >>> 32) + (lh & low32) + (hl & low32);
            var productHigh = hh + (lh >>> 32) + (hl >>> 32) + (mid >>> 32);
            var productLow = (mid << 32) | (ll & low32);

            var swapped = Avx512BW.Shuffle(lo.AsByte(), byteSwap).AsUInt64();
            var acc = length + swapped + hi + (productLow ^ productHigh);
            acc ^= acc >>> 37;
            acc *= prime;
            acc ^= acc >>> 32;
            var folded = Avx512F.ConvertToVector256UInt32(acc ^ (acc >>> 32));
            folded.StoreUnsafe(ref output, (nuint)i);
        }
        return i;
    }

    /// <summary>The 64-bit little-endian words at characters start..start+7 (each covering 4 characters).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> Word(ref ushort chars, int start)
    {
        var c0 = Avx512F.ConvertToVector512UInt64(Vector128.LoadUnsafe(ref chars, (nuint)start));
        var c1 = Avx512F.ConvertToVector512UInt64(Vector128.LoadUnsafe(ref chars, (nuint)(start + 1)));
        var c2 = Avx512F.ConvertToVector512UInt64(Vector128.LoadUnsafe(ref chars, (nuint)(start + 2)));
        var c3 = Avx512F.ConvertToVector512UInt64(Vector128.LoadUnsafe(ref chars, (nuint)(start + 3)));
        return c0 | (c1 << 16) | (c2 << 32) | (c3 << 48);
    }
}
