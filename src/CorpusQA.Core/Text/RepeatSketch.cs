using System.Numerics;
using System.Runtime.CompilerServices;

namespace CorpusQA.Core.Text;

/// <summary>
/// A small counting filter in front of <see cref="HashCounter"/>: one 2-bit saturating counter per bucket, about
/// eight buckets per key. Every occurrence of a key lands in the same bucket, so a key that occurs twice or more
/// always reads "may repeat" (no false negatives); a unique key reads "may repeat" only when another key shared its
/// bucket (≈ 1 in 8). Most n-grams of a document are unique, so only the few candidates reach the exact counter,
/// and the sketch (2 bits per bucket) stays in cache where a 16-byte-per-slot table would not.
/// </summary>
internal sealed class RepeatSketch
{
    private const int BucketsPerKey = 8;
    private ulong[] _words = new ulong[64];
    private int _shift = 64 - 11;

    /// <summary>Empties the sketch and sizes it for <paramref name="expectedKeys"/> additions.</summary>
    public void Reset(int expectedKeys)
    {
        int buckets = 2048;
        while (buckets < expectedKeys * BucketsPerKey) buckets <<= 1;
        int words = buckets >> 5; // 32 two-bit counters per word
        if (_words.Length < words) _words = new ulong[words];
        else Array.Clear(_words, 0, words);
        _shift = 64 - BitOperations.Log2((uint)buckets);
    }

    /// <summary>Counts one occurrence of <paramref name="key"/> (saturating at two).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(ulong key)
    {
        ulong bucket = (key * 0x9E3779B97F4A7C15UL) >> _shift;
        ref ulong word = ref _words[(int)(bucket >> 5)];
        int shift = (int)(bucket & 31) * 2;
        ulong count = (word >> shift) & 3;
        word += ((count >> 1) ^ 1) << shift; // +1 unless already at two
    }

    /// <summary>False when <paramref name="key"/> was certainly added at most once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MayRepeat(ulong key)
    {
        ulong bucket = (key * 0x9E3779B97F4A7C15UL) >> _shift;
        return ((_words[(int)(bucket >> 5)] >> ((int)(bucket & 31) * 2)) & 2) != 0;
    }
}
