namespace CorpusQA.Classify.Kernels;

/// <summary>
/// The scalar definition of <see cref="CharNGramHashKernel"/>: for every start position i, the character n-gram
/// text[i..i+n) hashed FNV-1a style over UTF-16 code units from a seed that depends on n, finished with murmur3's
/// fmix32, and reduced to a bucket by its top <c>bits</c> bits.
/// </summary>
internal static class CharNGramHashReference
{
    public const uint Prime = 0x01000193;

    public static uint Seed(int n) => 0x811C9DC5u ^ ((uint)n * 0x9E3779B9u);

    public static uint Finish(uint h)
    {
        h ^= h >> 16;
        h *= 0x85EBCA6Bu;
        h ^= h >> 13;
        h *= 0xC2B2AE35u;
        h ^= h >> 16;
        return h;
    }

    /// <summary>Writes text.Length - n + 1 buckets (none when the text is shorter than n).</summary>
    public static int Hash(ReadOnlySpan<char> text, int n, int bits, Span<int> buckets)
    {
        int count = Math.Max(0, text.Length - n + 1);
        uint seed = Seed(n);
        for (int i = 0; i < count; i++)
        {
            uint h = seed;
            for (int k = 0; k < n; k++) h = (h ^ text[i + k]) * Prime;
            buckets[i] = (int)(Finish(h) >> (32 - bits));
        }
        return count;
    }
}
