using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace CorpusQA.Core.Kernels;

/// <summary>
/// Length of the longest prefix whose characters all lie in [low1, high1] or [low2, high2]. Normalization
/// uses it to copy runs of characters that need no work (ASCII and CJK Unified Ideographs) in bulk: mixed
/// Chinese/English text switches class every 3-4 characters, so per-character branches mispredict often
/// while one vector compare covers 8-32 characters of either class.
/// </summary>
internal static class TwoRangePrefixKernel
{
    public static int Length(ReadOnlySpan<char> text, char low1, char high1, char low2, char high2)
    {
        ref ushort start = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
        int i = 0;
        ushort w1 = (ushort)(high1 - low1), w2 = (ushort)(high2 - low2);
        if (Vector512.IsHardwareAccelerated)
        {
            var l1 = Vector512.Create((ushort)low1); var r1 = Vector512.Create(w1);
            var l2 = Vector512.Create((ushort)low2); var r2 = Vector512.Create(w2);
            for (; i + Vector512<ushort>.Count <= text.Length; i += Vector512<ushort>.Count)
            {
                var v = Vector512.LoadUnsafe(ref start, (nuint)i);
                var inside = Vector512.LessThanOrEqual(v - l1, r1) | Vector512.LessThanOrEqual(v - l2, r2);
                if (inside != Vector512<ushort>.AllBitsSet)
                    return i + FirstZero(inside.ExtractMostSignificantBits());
            }
        }
        if (Vector256.IsHardwareAccelerated)
        {
            var l1 = Vector256.Create((ushort)low1); var r1 = Vector256.Create(w1);
            var l2 = Vector256.Create((ushort)low2); var r2 = Vector256.Create(w2);
            for (; i + Vector256<ushort>.Count <= text.Length; i += Vector256<ushort>.Count)
            {
                var v = Vector256.LoadUnsafe(ref start, (nuint)i);
                var inside = Vector256.LessThanOrEqual(v - l1, r1) | Vector256.LessThanOrEqual(v - l2, r2);
                if (inside != Vector256<ushort>.AllBitsSet)
                    return i + FirstZero(inside.ExtractMostSignificantBits());
            }
        }
        if (Vector128.IsHardwareAccelerated)
        {
            var l1 = Vector128.Create((ushort)low1); var r1 = Vector128.Create(w1);
            var l2 = Vector128.Create((ushort)low2); var r2 = Vector128.Create(w2);
            for (; i + Vector128<ushort>.Count <= text.Length; i += Vector128<ushort>.Count)
            {
                var v = Vector128.LoadUnsafe(ref start, (nuint)i);
                var inside = Vector128.LessThanOrEqual(v - l1, r1) | Vector128.LessThanOrEqual(v - l2, r2);
                if (inside != Vector128<ushort>.AllBitsSet)
                    return i + FirstZero(inside.ExtractMostSignificantBits());
            }
        }
        return i + TwoRangePrefixReference.Length(text.Slice(i), low1, high1, low2, high2);
    }

    private static int FirstZero(ulong insideBits) => System.Numerics.BitOperations.TrailingZeroCount(~insideBits);
}
