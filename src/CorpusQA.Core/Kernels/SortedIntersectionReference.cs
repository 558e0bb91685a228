namespace CorpusQA.Core.Kernels;

/// <summary>Scalar reference of <see cref="SortedIntersectionKernel"/>; also its tail path.</summary>
internal static class SortedIntersectionReference
{
    /// <summary>|a ∩ b| of two ascending arrays of distinct values, by one merge.</summary>
    public static int Count(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { common++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return common;
    }
}
