namespace CorpusQA.Core.Dedup;

/// <summary>
/// The MinHash permutations h_i(x) = a_i·x + b_i (mod 2^64), a_i odd, drawn from SplitMix64 seeded by
/// <see cref="DedupOptions.Seed"/>: deterministic across machines and runs. The signature keeps the high
/// 32 bits of each minimum, as Dietzfelbinger's multiply-add-shift does.
/// </summary>
internal sealed class PermutationFamily
{
    public PermutationFamily(int count, ulong seed)
    {
        Multipliers = new ulong[count];
        Addends = new ulong[count];
        ulong state = seed ^ 0x6A09E667F3BCC909UL;
        for (int i = 0; i < count; i++)
        {
            Multipliers[i] = SplitMix64(ref state) | 1UL;
            Addends[i] = SplitMix64(ref state);
        }
    }

    public ulong[] Multipliers { get; }
    public ulong[] Addends { get; }

    /// <summary>Seed of the 64-bit shingle hash, derived so it is independent of the permutations.</summary>
    public static ulong ShingleSeed(ulong seed)
    {
        ulong state = seed ^ 0xBB67AE8584CAA73BUL;
        return SplitMix64(ref state);
    }

    internal static ulong SplitMix64(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
