namespace CorpusQA.Core.Kernels;

/// <summary>Scalar reference of <see cref="MinHashPermutationKernel"/>; also its tail path.</summary>
internal static class MinHashPermutationReference
{
    public static void UpdateMins(ReadOnlySpan<ulong> hashes, ReadOnlySpan<ulong> multipliers, ReadOnlySpan<ulong> addends, Span<ulong> mins)
    {
        if (multipliers.Length != mins.Length || addends.Length != mins.Length)
            throw new ArgumentException("multipliers, addends and mins must have the same length.");
        for (int lane = 0; lane < mins.Length; lane++)
        {
            ulong a = multipliers[lane], b = addends[lane], min = mins[lane];
            foreach (ulong h in hashes)
            {
                ulong v = unchecked(h * a + b);
                if (v < min)
                    min = v;
            }
            mins[lane] = min;
        }
    }
}
