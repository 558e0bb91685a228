using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace CorpusQA.Core.Kernels;

/// <summary>
/// The MinHash inner loop: for every shingle hash x and every permutation lane i,
/// <c>mins[i] = min(mins[i], x * multipliers[i] + addends[i])</c> with wrapping 64-bit arithmetic.
/// </summary>
/// <remarks>
/// The permutation family is multiply-add over 2^64 with odd random multipliers (Dietzfelbinger's
/// multiply-add-shift scheme; the caller keeps the high 32 bits of each minimum). It is a bijection of
/// the 64-bit shingle hash per lane and needs only a 64-bit multiply, an add and an unsigned min per lane,
/// which every vector width can do, unlike datasketch's mod (2^61-1) reduction.
/// Lanes are processed in register-resident blocks while the hashes stream past, so the running minima
/// are loaded and stored once per call rather than once per shingle.
/// </remarks>
internal static class MinHashPermutationKernel
{
    /// <summary>Updates <paramref name="mins"/> in place with every hash in <paramref name="hashes"/>.</summary>
    public static void UpdateMins(ReadOnlySpan<ulong> hashes, ReadOnlySpan<ulong> multipliers, ReadOnlySpan<ulong> addends, Span<ulong> mins)
    {
        int lanes = mins.Length;
        if (multipliers.Length != lanes || addends.Length != lanes)
            throw new ArgumentException("multipliers, addends and mins must have the same length.");
        if (hashes.IsEmpty || lanes == 0)
            return;

        int lane = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; lane + 2 * Vector512<ulong>.Count <= lanes; lane += 2 * Vector512<ulong>.Count)
                Block512x2(hashes, multipliers.Slice(lane), addends.Slice(lane), mins.Slice(lane));
            for (; lane + Vector512<ulong>.Count <= lanes; lane += Vector512<ulong>.Count)
                Block512(hashes, multipliers.Slice(lane), addends.Slice(lane), mins.Slice(lane));
        }
        if (Vector256.IsHardwareAccelerated)
        {
            for (; lane + 2 * Vector256<ulong>.Count <= lanes; lane += 2 * Vector256<ulong>.Count)
                Block256x2(hashes, multipliers.Slice(lane), addends.Slice(lane), mins.Slice(lane));
            for (; lane + Vector256<ulong>.Count <= lanes; lane += Vector256<ulong>.Count)
                Block256(hashes, multipliers.Slice(lane), addends.Slice(lane), mins.Slice(lane));
        }
        if (Vector128.IsHardwareAccelerated)
        {
            for (; lane + Vector128<ulong>.Count <= lanes; lane += Vector128<ulong>.Count)
                Block128(hashes, multipliers.Slice(lane), addends.Slice(lane), mins.Slice(lane));
        }
        if (lane < lanes)
            MinHashPermutationReference.UpdateMins(hashes, multipliers.Slice(lane), addends.Slice(lane), mins.Slice(lane));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block512x2(ReadOnlySpan<ulong> hashes, ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, Span<ulong> mins)
    {
        int w = Vector512<ulong>.Count;
        var a0 = Vector512.Create(a.Slice(0, w));
        var a1 = Vector512.Create(a.Slice(w, w));
        var b0 = Vector512.Create(b.Slice(0, w));
        var b1 = Vector512.Create(b.Slice(w, w));
        var m0 = Vector512.Create((ReadOnlySpan<ulong>)mins.Slice(0, w));
        var m1 = Vector512.Create((ReadOnlySpan<ulong>)mins.Slice(w, w));
        foreach (ulong h in hashes)
        {
            var x = Vector512.Create(h);
            m0 = Vector512.Min(m0, x * a0 + b0);
            m1 = Vector512.Min(m1, x * a1 + b1);
        }
        m0.CopyTo(mins);
        m1.CopyTo(mins.Slice(w));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block512(ReadOnlySpan<ulong> hashes, ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, Span<ulong> mins)
    {
        var a0 = Vector512.Create(a);
        var b0 = Vector512.Create(b);
        var m0 = Vector512.Create((ReadOnlySpan<ulong>)mins);
        foreach (ulong h in hashes)
            m0 = Vector512.Min(m0, Vector512.Create(h) * a0 + b0);
        m0.CopyTo(mins);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block256x2(ReadOnlySpan<ulong> hashes, ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, Span<ulong> mins)
    {
        int w = Vector256<ulong>.Count;
        var a0 = Vector256.Create(a.Slice(0, w));
        var a1 = Vector256.Create(a.Slice(w, w));
        var b0 = Vector256.Create(b.Slice(0, w));
        var b1 = Vector256.Create(b.Slice(w, w));
        var m0 = Vector256.Create((ReadOnlySpan<ulong>)mins.Slice(0, w));
        var m1 = Vector256.Create((ReadOnlySpan<ulong>)mins.Slice(w, w));
        foreach (ulong h in hashes)
        {
            var x = Vector256.Create(h);
            m0 = Vector256.Min(m0, x * a0 + b0);
            m1 = Vector256.Min(m1, x * a1 + b1);
        }
        m0.CopyTo(mins);
        m1.CopyTo(mins.Slice(w));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block256(ReadOnlySpan<ulong> hashes, ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, Span<ulong> mins)
    {
        var a0 = Vector256.Create(a);
        var b0 = Vector256.Create(b);
        var m0 = Vector256.Create((ReadOnlySpan<ulong>)mins);
        foreach (ulong h in hashes)
            m0 = Vector256.Min(m0, Vector256.Create(h) * a0 + b0);
        m0.CopyTo(mins);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block128(ReadOnlySpan<ulong> hashes, ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b, Span<ulong> mins)
    {
        var a0 = Vector128.Create(a);
        var b0 = Vector128.Create(b);
        var m0 = Vector128.Create((ReadOnlySpan<ulong>)mins);
        foreach (ulong h in hashes)
            m0 = Vector128.Min(m0, Vector128.Create(h) * a0 + b0);
        m0.CopyTo(mins);
    }
}
