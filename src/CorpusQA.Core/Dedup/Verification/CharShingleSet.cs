using System.Buffers;
using System.IO.Hashing;
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
            for (int i = 0; i < count; i++)
                scratch[i] = Hash(text.Slice(i, n));
            var hashes = scratch.AsSpan(0, count);
            hashes.Sort();
            int unique = 0;
            for (int i = 0; i < hashes.Length; i++)
            {
                if (unique == 0 || hashes[i] != hashes[unique - 1])
                    hashes[unique++] = hashes[i];
            }
            return hashes.Slice(0, unique).ToArray();
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(scratch);
        }
    }

    /// <summary>|A ∩ B| / |A ∪ B| of two sorted unique hash arrays; two empty sets are identical (1).</summary>
    public static double Jaccard(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        if (a.Length == 0 && b.Length == 0)
            return 1;
        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { common++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return (double)common / (a.Length + b.Length - common);
    }

    /// <summary>Exact character n-gram Jaccard of two normalized texts (the evaluation uses the engine's own code).</summary>
    public static double Jaccard(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int n) => Jaccard(Of(a, n), Of(b, n));

    private static ulong Hash(ReadOnlySpan<char> window) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(window));
}
