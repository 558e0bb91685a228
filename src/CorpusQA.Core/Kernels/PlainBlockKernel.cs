using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace CorpusQA.Core.Kernels;

/// <summary>
/// The normalizer's fast path over a block of 32 characters: copies the longest prefix that normalization
/// leaves unchanged and returns its length. A character is unchanged when it is printable ASCII or lies in
/// [<c>low2</c>, <c>high2</c>] (CJK ideographs when Traditional is not folded), or when it is a single
/// space between two such characters that are not both CJK ideographs (collapsing keeps it; between two
/// ideographs it vanishes, which the slow path does). All 32 characters are stored; only the returned prefix is
/// meaningful, the rest is overwritten by what follows.
/// </summary>
internal static class PlainBlockKernel
{
    public const int BlockLength = 32;

    /// <param name="source">At least 32 characters.</param>
    /// <param name="destination">At least 32 characters.</param>
    /// <param name="afterPlain">Whether the character written just before is plain and not a space.</param>
    /// <param name="afterCjk">Whether the character written just before came from a CJK character (a space after it and before an ideograph vanishes).</param>
    /// <param name="low2">Start of the second plain range.</param>
    /// <param name="high2">End of the second plain range.</param>
    public static int CopyPrefix(ReadOnlySpan<char> source, Span<char> destination, bool afterPlain, bool afterCjk, char low2, char high2)
    {
        if (source.Length < BlockLength || destination.Length < BlockLength)
            throw new ArgumentException("blocks are 32 characters");
        ref ushort src = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(source));
        ref ushort dst = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(destination));
        uint plain, space, ideograph;
        if (Vector512.IsHardwareAccelerated)
        {
            var v = Vector512.LoadUnsafe(ref src);
            v.StoreUnsafe(ref dst);
            plain = (uint)(Vector512.LessThanOrEqual(v - Vector512.Create((ushort)'!'), Vector512.Create((ushort)('~' - '!')))
                | Vector512.LessThanOrEqual(v - Vector512.Create((ushort)low2), Vector512.Create((ushort)(high2 - low2)))).ExtractMostSignificantBits();
            space = (uint)Vector512.Equals(v, Vector512.Create((ushort)' ')).ExtractMostSignificantBits();
            ideograph = (uint)Vector512.LessThanOrEqual(v - Vector512.Create((ushort)IdeographLow), Vector512.Create((ushort)(IdeographHigh - IdeographLow))).ExtractMostSignificantBits();
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            var lo = Vector256.LoadUnsafe(ref src);
            var hi = Vector256.LoadUnsafe(ref src, 16);
            lo.StoreUnsafe(ref dst);
            hi.StoreUnsafe(ref dst, 16);
            plain = PlainBits(lo, low2, high2) | (PlainBits(hi, low2, high2) << 16);
            space = (uint)Vector256.Equals(lo, Vector256.Create((ushort)' ')).ExtractMostSignificantBits()
                | ((uint)Vector256.Equals(hi, Vector256.Create((ushort)' ')).ExtractMostSignificantBits() << 16);
            ideograph = IdeographBits(lo) | (IdeographBits(hi) << 16);
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            plain = 0;
            space = 0;
            ideograph = 0;
            for (int part = 0; part < 4; part++)
            {
                var v = Vector128.LoadUnsafe(ref src, (nuint)(8 * part));
                v.StoreUnsafe(ref dst, (nuint)(8 * part));
                plain |= PlainBits(v, low2, high2) << (8 * part);
                space |= (uint)Vector128.Equals(v, Vector128.Create((ushort)' ')).ExtractMostSignificantBits() << (8 * part);
                ideograph |= (uint)Vector128.LessThanOrEqual(v - Vector128.Create((ushort)IdeographLow), Vector128.Create((ushort)(IdeographHigh - IdeographLow))).ExtractMostSignificantBits() << (8 * part);
            }
        }
        else
        {
            return PlainBlockReference.CopyPrefix(source, destination, afterPlain, afterCjk, low2, high2);
        }
        return PrefixLength(plain, space, ideograph, afterPlain, afterCjk);
    }

    /// <summary>The CJK ideographs the block path may copy (the whole CJK class is <c>CjkSpacing.IsCjk</c>).</summary>
    internal const char IdeographLow = '\u4E00', IdeographHigh = '\u9FFF';

    private static uint IdeographBits(Vector256<ushort> v) =>
        (uint)Vector256.LessThanOrEqual(v - Vector256.Create((ushort)IdeographLow), Vector256.Create((ushort)(IdeographHigh - IdeographLow))).ExtractMostSignificantBits();

    private static uint PlainBits(Vector256<ushort> v, char low2, char high2) =>
        (uint)(Vector256.LessThanOrEqual(v - Vector256.Create((ushort)'!'), Vector256.Create((ushort)('~' - '!')))
            | Vector256.LessThanOrEqual(v - Vector256.Create((ushort)low2), Vector256.Create((ushort)(high2 - low2)))).ExtractMostSignificantBits();

    private static uint PlainBits(Vector128<ushort> v, char low2, char high2) =>
        (uint)(Vector128.LessThanOrEqual(v - Vector128.Create((ushort)'!'), Vector128.Create((ushort)('~' - '!')))
            | Vector128.LessThanOrEqual(v - Vector128.Create((ushort)low2), Vector128.Create((ushort)(high2 - low2)))).ExtractMostSignificantBits();

    /// <summary>
    /// Bit k of <c>ok</c>: plain, or a space with a plain character on both sides (inside the block) that are not
    /// both CJK (a space between ideographs vanishes, so it is not copied unchanged).
    /// </summary>
    internal static int PrefixLength(uint plain, uint space, uint ideograph, bool afterPlain, bool afterCjk)
    {
        uint before = (plain << 1) | (afterPlain ? 1u : 0u);
        uint after = plain >> 1;                          // bit 31 has no follower in the block: not ok
        uint cjkBefore = (ideograph << 1) | (afterCjk ? 1u : 0u);
        uint cjkAfter = ideograph >> 1;
        uint ok = plain | (space & before & after & ~(cjkBefore & cjkAfter));
        return ok == uint.MaxValue ? BlockLength : BitOperations.TrailingZeroCount(~ok);
    }
}
