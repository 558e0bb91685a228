namespace CorpusQA.Core.Kernels;

/// <summary>Scalar reference of <see cref="MinHashPermutationKernel"/>; also its tail path.</summary>
internal static class MinHashPermutationReference
{
    public static void UpdateMins(ReadOnlySpan<uint> hashes, ReadOnlySpan<uint> multipliers, ReadOnlySpan<uint> addends, Span<uint> mins)
    {
        if (multipliers.Length != mins.Length || addends.Length != mins.Length)
            throw new ArgumentException("multipliers, addends and mins must have the same length.");
        for (int lane = 0; lane < mins.Length; lane++)
        {
            uint a = multipliers[lane], b = addends[lane], min = mins[lane];
            foreach (uint h in hashes)
            {
                uint v = unchecked(h * a + b);
                if (v < min)
                    min = v;
            }
            mins[lane] = min;
        }
    }
}
