namespace CorpusQA.Core.Kernels;

/// <summary>Scalar reference of <see cref="TwoRangePrefixKernel"/>; also its tail path.</summary>
internal static class TwoRangePrefixReference
{
    public static int Length(ReadOnlySpan<char> text, char low1, char high1, char low2, char high2)
    {
        int i = 0;
        while (i < text.Length && ((text[i] >= low1 && text[i] <= high1) || (text[i] >= low2 && text[i] <= high2)))
            i++;
        return i;
    }
}
