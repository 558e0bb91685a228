namespace CorpusQA.Core.Dedup;

/// <summary>
/// The MinHash permutations h_i(y) = a_i·y + b_i (mod 2^32), a_i odd, drawn from SplitMix64 seeded by
/// <see cref="DedupOptions.Seed"/>: deterministic across machines and runs. y is the 64-bit shingle hash
/// folded to 32 bits (<see cref="Fold"/>).
/// </summary>
internal sealed class PermutationFamily
{
    public PermutationFamily(int count, ulong seed)
    {
        Multipliers = new uint[count];
        Addends = new uint[count];
        ulong state = seed ^ 0x6A09E667F3BCC909UL;
        for (int i = 0; i < count; i++)
        {
            ulong draw = SplitMix64(ref state);
            Multipliers[i] = (uint)(draw >> 32) | 1u;
            Addends[i] = (uint)draw;
        }
    }

    public uint[] Multipliers { get; }
    public uint[] Addends { get; }

    /// <summary>The 32-bit permutation input of a 64-bit shingle hash: both halves xor-ed, so all 64 bits count.</summary>
    public static uint Fold(ulong hash) => (uint)(hash ^ (hash >> 32));

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
