using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace CorpusQA.Core.Kernels;

/// <summary>
/// The MinHash inner loop: for every 32-bit shingle hash x and every permutation lane i,
/// <c>mins[i] = min(mins[i], x * multipliers[i] + addends[i])</c> with wrapping 32-bit arithmetic.
/// </summary>
/// <remarks>
/// The permutation family is multiply-add over 2^32 with odd random multipliers: a bijection of the
/// (already uniformly hashed) input per lane, like datasketch's (a·x + b) mod p but without the modular
/// reduction, so every vector width does it in three instructions per 16/8/4 lanes (multiply-low, add,
/// unsigned min). 32-bit lanes double the lanes per vector over 64-bit ones and keep the 32-bit signature
/// values datasketch keeps. Lanes are processed in register-resident blocks while the hashes stream past,
/// so the running minima are loaded and stored once per call rather than once per shingle.
/// </remarks>
internal static class MinHashPermutationKernel
{
    /// <summary>Updates <paramref name="mins"/> in place with every hash in <paramref name="hashes"/>.</summary>
    /// <remarks>
    /// AggressiveOptimization: compiled fully optimized once, outside tiering. With dynamic PGO the tier-1
    /// code of this kernel measured up to 3× slower when called from the signer.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void UpdateMins(ReadOnlySpan<uint> hashes, ReadOnlySpan<uint> multipliers, ReadOnlySpan<uint> addends, Span<uint> mins)
    {
        int lanes = mins.Length;
        if (multipliers.Length != lanes || addends.Length != lanes)
            throw new ArgumentException("multipliers, addends and mins must have the same length.");
        if (hashes.IsEmpty || lanes == 0)
            return;

        int lane = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; lane + 4 * Vector512<uint>.Count <= lanes; lane += 4 * Vector512<uint>.Count)
                Block512x4(hashes, multipliers.Slice(lane), addends.Slice(lane), mins.Slice(lane));
            for (; lane + 2 * Vector512<uint>.Count <= lanes; lane += 2 * Vector512<uint>.Count)
                Block512x2(hashes, multipliers.Slice(lane), addends.Slice(lane), mins.Slice(lane));
            for (; lane + Vector512<uint>.Count <= lanes; lane += Vector512<uint>.Count)
                Block512(hashes, multipliers.Slice(lane), addends.Slice(lane), mins.Slice(lane));
        }
        if (Vector256.IsHardwareAccelerated)
        {
            for (; lane + 2 * Vector256<uint>.Count <= lanes; lane += 2 * Vector256<uint>.Count)
                Block256x2(hashes, multipliers.Slice(lane), addends.Slice(lane), mins.Slice(lane));
            for (; lane + Vector256<uint>.Count <= lanes; lane += Vector256<uint>.Count)
                Block256(hashes, multipliers.Slice(lane), addends.Slice(lane), mins.Slice(lane));
        }
        if (Vector128.IsHardwareAccelerated)
        {
            for (; lane + Vector128<uint>.Count <= lanes; lane += Vector128<uint>.Count)
                Block128(hashes, multipliers.Slice(lane), addends.Slice(lane), mins.Slice(lane));
        }
        if (lane < lanes)
            MinHashPermutationReference.UpdateMins(hashes, multipliers.Slice(lane), addends.Slice(lane), mins.Slice(lane));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block512x4(ReadOnlySpan<uint> hashes, ReadOnlySpan<uint> a, ReadOnlySpan<uint> b, Span<uint> mins)
    {
        int w = Vector512<uint>.Count;
        var a0 = Vector512.Create(a.Slice(0, w));
        var a1 = Vector512.Create(a.Slice(w, w));
        var a2 = Vector512.Create(a.Slice(2 * w, w));
        var a3 = Vector512.Create(a.Slice(3 * w, w));
        var b0 = Vector512.Create(b.Slice(0, w));
        var b1 = Vector512.Create(b.Slice(w, w));
        var b2 = Vector512.Create(b.Slice(2 * w, w));
        var b3 = Vector512.Create(b.Slice(3 * w, w));
        var m0 = Vector512.Create((ReadOnlySpan<uint>)mins.Slice(0, w));
        var m1 = Vector512.Create((ReadOnlySpan<uint>)mins.Slice(w, w));
        var m2 = Vector512.Create((ReadOnlySpan<uint>)mins.Slice(2 * w, w));
        var m3 = Vector512.Create((ReadOnlySpan<uint>)mins.Slice(3 * w, w));
        foreach (uint h in hashes)
        {
            var x = Vector512.Create(h);
            m0 = Vector512.Min(m0, x * a0 + b0);
            m1 = Vector512.Min(m1, x * a1 + b1);
            m2 = Vector512.Min(m2, x * a2 + b2);
            m3 = Vector512.Min(m3, x * a3 + b3);
        }
        m0.CopyTo(mins);
        m1.CopyTo(mins.Slice(w));
        m2.CopyTo(mins.Slice(2 * w));
        m3.CopyTo(mins.Slice(3 * w));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block512x2(ReadOnlySpan<uint> hashes, ReadOnlySpan<uint> a, ReadOnlySpan<uint> b, Span<uint> mins)
    {
        int w = Vector512<uint>.Count;
        var a0 = Vector512.Create(a.Slice(0, w));
        var a1 = Vector512.Create(a.Slice(w, w));
        var b0 = Vector512.Create(b.Slice(0, w));
        var b1 = Vector512.Create(b.Slice(w, w));
        var m0 = Vector512.Create((ReadOnlySpan<uint>)mins.Slice(0, w));
        var m1 = Vector512.Create((ReadOnlySpan<uint>)mins.Slice(w, w));
        foreach (uint h in hashes)
        {
            var x = Vector512.Create(h);
            m0 = Vector512.Min(m0, x * a0 + b0);
            m1 = Vector512.Min(m1, x * a1 + b1);
        }
        m0.CopyTo(mins);
        m1.CopyTo(mins.Slice(w));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block512(ReadOnlySpan<uint> hashes, ReadOnlySpan<uint> a, ReadOnlySpan<uint> b, Span<uint> mins)
    {
        var a0 = Vector512.Create(a);
        var b0 = Vector512.Create(b);
        var m0 = Vector512.Create((ReadOnlySpan<uint>)mins);
        foreach (uint h in hashes)
            m0 = Vector512.Min(m0, Vector512.Create(h) * a0 + b0);
        m0.CopyTo(mins);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block256x2(ReadOnlySpan<uint> hashes, ReadOnlySpan<uint> a, ReadOnlySpan<uint> b, Span<uint> mins)
    {
        int w = Vector256<uint>.Count;
        var a0 = Vector256.Create(a.Slice(0, w));
        var a1 = Vector256.Create(a.Slice(w, w));
        var b0 = Vector256.Create(b.Slice(0, w));
        var b1 = Vector256.Create(b.Slice(w, w));
        var m0 = Vector256.Create((ReadOnlySpan<uint>)mins.Slice(0, w));
        var m1 = Vector256.Create((ReadOnlySpan<uint>)mins.Slice(w, w));
        foreach (uint h in hashes)
        {
            var x = Vector256.Create(h);
            m0 = Vector256.Min(m0, x * a0 + b0);
            m1 = Vector256.Min(m1, x * a1 + b1);
        }
        m0.CopyTo(mins);
        m1.CopyTo(mins.Slice(w));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block256(ReadOnlySpan<uint> hashes, ReadOnlySpan<uint> a, ReadOnlySpan<uint> b, Span<uint> mins)
    {
        var a0 = Vector256.Create(a);
        var b0 = Vector256.Create(b);
        var m0 = Vector256.Create((ReadOnlySpan<uint>)mins);
        foreach (uint h in hashes)
            m0 = Vector256.Min(m0, Vector256.Create(h) * a0 + b0);
        m0.CopyTo(mins);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Block128(ReadOnlySpan<uint> hashes, ReadOnlySpan<uint> a, ReadOnlySpan<uint> b, Span<uint> mins)
    {
        var a0 = Vector128.Create(a);
        var b0 = Vector128.Create(b);
        var m0 = Vector128.Create((ReadOnlySpan<uint>)mins);
        foreach (uint h in hashes)
            m0 = Vector128.Min(m0, Vector128.Create(h) * a0 + b0);
        m0.CopyTo(mins);
    }
}
