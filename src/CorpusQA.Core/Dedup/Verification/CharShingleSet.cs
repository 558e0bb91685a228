using System.Buffers;
using System.IO.Hashing;
using System.Numerics;
using System.Runtime.InteropServices;

namespace CorpusQA.Core.Dedup.Verification;

/// <summary>
/// The character n-gram set of a normalized text as sorted, unique XxHash3-64 hashes of the n-gram windows'
/// UTF-16 bytes: no string per n-gram, and Jaccard becomes one merge of two sorted arrays. Two distinct
/// n-grams share a hash with probability 2^-64, so a pair's Jaccard is off by a collision with probability
/// about (|A| + |B|)² · 2^-64 (below 10^-11 for 10,000-character texts).
/// </summary>
internal static class CharShingleSet
{
    /// <summary>
    /// Sorted unique n-gram hashes, with the signer's short-text rule: a text shorter than n is one shingle
    /// (the whole text), an empty text has none.
    /// </summary>
    public static ulong[] Of(ReadOnlySpan<char> text, int n)
    {
        if (text.Length == 0)
            return [];
        if (text.Length < n)
            return [Hash(text)];
        int count = text.Length - n + 1;
        ulong[] scratch = ArrayPool<ulong>.Shared.Rent(count);
        try
        {
            var bytes = MemoryMarshal.AsBytes(text);
            int windowBytes = 2 * n;
            if (windowBytes is >= 9 and <= 16)
            {
                // The signer's inlined XXH3 9-16-byte path (equal to XxHash3.HashToUInt64, tested), n = 5..8.
                for (int i = 0; i < count; i++)
                    scratch[i] = ShingleHasher.Hash9To16(bytes.Slice(2 * i, windowBytes), 0);
            }
            else
            {
                for (int i = 0; i < count; i++)
                    scratch[i] = Hash(text.Slice(i, n));
            }
            return SortedUnique(scratch.AsSpan(0, count));
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(scratch);
        }
    }

    /// <summary>
    /// Sorted distinct values of uniformly distributed hashes: one counting-sort pass on the top bits (about
    /// four values per bucket), then each small bucket sorted in place. About three times faster than a
    /// comparison sort of the whole span, which dominated the cost of building a set.
    /// </summary>
    internal static ulong[] SortedUnique(Span<ulong> hashes)
    {
        int bits = Math.Clamp(BitOperations.Log2((uint)Math.Max(hashes.Length / 4, 1)) + 1, 1, 16);
        int buckets = 1 << bits;
        int shift = 64 - bits;
        int[] starts = ArrayPool<int>.Shared.Rent(buckets + 1);
        ulong[] sorted = ArrayPool<ulong>.Shared.Rent(hashes.Length);
        try
        {
            var start = starts.AsSpan(0, buckets + 1);
            start.Clear();
            foreach (ulong h in hashes)
                start[(int)(h >> shift) + 1]++;
            for (int b = 1; b <= buckets; b++)
                start[b] += start[b - 1];
            foreach (ulong h in hashes)
                sorted[start[(int)(h >> shift)]++] = h;
            // start[b] now holds the end of bucket b; bucket b begins at the end of bucket b - 1.
            int unique = 0, from = 0;
            for (int b = 0; b < buckets; b++)
            {
                var bucket = sorted.AsSpan(from, start[b] - from);
                from = start[b];
                if (bucket.Length > 1)
                    bucket.Sort();
                foreach (ulong h in bucket)
                {
                    if (unique == 0 || h != hashes[unique - 1])
                        hashes[unique++] = h;
                }
            }
            return hashes.Slice(0, unique).ToArray();
        }
        finally
        {
            ArrayPool<int>.Shared.Return(starts);
            ArrayPool<ulong>.Shared.Return(sorted);
        }
    }

    /// <summary>|A ∩ B| / |A ∪ B| of two sorted unique hash arrays; two empty sets are identical (1).</summary>
    public static double Jaccard(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        if (a.Length == 0 && b.Length == 0)
            return 1;
        int common = Kernels.SortedIntersectionKernel.Count(a, b);
        return (double)common / (a.Length + b.Length - common);
    }

    /// <summary>Exact character n-gram Jaccard of two normalized texts (the evaluation uses the engine's own code).</summary>
    public static double Jaccard(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int n) => Jaccard(Of(a, n), Of(b, n));

    private static ulong Hash(ReadOnlySpan<char> window) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(window));
}
