using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace CorpusQA.Core.Kernels;

/// <summary>
/// The normalizer's fast path over a block of 16 characters: copies the longest prefix that normalization
/// leaves unchanged and returns its length. A character is unchanged when it is printable ASCII or lies in
/// [<c>low2</c>, <c>high2</c>] (CJK ideographs when Traditional is not folded), or when it is a single
/// space between two such characters (collapsing keeps it). All 16 characters are stored; only the
/// returned prefix is meaningful, the rest is overwritten by what follows.
/// </summary>
internal static class PlainBlockKernel
{
    public const int BlockLength = 16;

    /// <param name="source">At least 16 characters.</param>
    /// <param name="destination">At least 16 characters.</param>
    /// <param name="afterPlain">Whether the character written just before is plain and not a space.</param>
    /// <param name="low2">Start of the second plain range.</param>
    /// <param name="high2">End of the second plain range.</param>
    public static int CopyPrefix(ReadOnlySpan<char> source, Span<char> destination, bool afterPlain, char low2, char high2)
    {
        if (source.Length < BlockLength || destination.Length < BlockLength)
            throw new ArgumentException("blocks are 16 characters");
        ref ushort src = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(source));
        ref ushort dst = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(destination));
        uint plain, space;
        if (Vector256.IsHardwareAccelerated)
        {
            var v = Vector256.LoadUnsafe(ref src);
            v.StoreUnsafe(ref dst);
            plain = (uint)(Vector256.LessThanOrEqual(v - Vector256.Create((ushort)'!'), Vector256.Create((ushort)('~' - '!')))
                | Vector256.LessThanOrEqual(v - Vector256.Create((ushort)low2), Vector256.Create((ushort)(high2 - low2)))).ExtractMostSignificantBits();
            space = (uint)Vector256.Equals(v, Vector256.Create((ushort)' ')).ExtractMostSignificantBits();
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            var lo = Vector128.LoadUnsafe(ref src);
            var hi = Vector128.LoadUnsafe(ref src, 8);
            lo.StoreUnsafe(ref dst);
            hi.StoreUnsafe(ref dst, 8);
            plain = PlainBits(lo, low2, high2) | (PlainBits(hi, low2, high2) << 8);
            space = (uint)Vector128.Equals(lo, Vector128.Create((ushort)' ')).ExtractMostSignificantBits()
                | ((uint)Vector128.Equals(hi, Vector128.Create((ushort)' ')).ExtractMostSignificantBits() << 8);
        }
        else
        {
            return PlainBlockReference.CopyPrefix(source, destination, afterPlain, low2, high2);
        }
        return PrefixLength(plain, space, afterPlain);
    }

    private static uint PlainBits(Vector128<ushort> v, char low2, char high2) =>
        (uint)(Vector128.LessThanOrEqual(v - Vector128.Create((ushort)'!'), Vector128.Create((ushort)('~' - '!')))
            | Vector128.LessThanOrEqual(v - Vector128.Create((ushort)low2), Vector128.Create((ushort)(high2 - low2)))).ExtractMostSignificantBits();

    /// <summary>Bit k of <c>ok</c>: plain, or a space with a plain character on both sides (inside the block).</summary>
    internal static int PrefixLength(uint plain, uint space, bool afterPlain)
    {
        uint before = (plain << 1) | (afterPlain ? 1u : 0u);
        uint after = plain >> 1;                          // bit 15 has no follower in the block: not ok
        uint ok = (plain | (space & before & after)) & 0xFFFF;
        return BitOperations.TrailingZeroCount(~ok);
    }
}
