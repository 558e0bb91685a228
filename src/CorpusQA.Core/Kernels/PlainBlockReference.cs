namespace CorpusQA.Core.Kernels;

/// <summary>Scalar reference of <see cref="PlainBlockKernel"/>; also its path without vector hardware.</summary>
internal static class PlainBlockReference
{
    public static int CopyPrefix(ReadOnlySpan<char> source, Span<char> destination, bool afterPlain, bool afterCjk, char low2, char high2)
    {
        int n = PlainBlockKernel.BlockLength;
        source.Slice(0, n).CopyTo(destination);
        for (int k = 0; k < n; k++)
        {
            if (IsPlain(source[k], low2, high2))
                continue;
            bool before = k == 0 ? afterPlain : IsPlain(source[k - 1], low2, high2);
            bool after = k + 1 < n && IsPlain(source[k + 1], low2, high2);
            bool cjkBefore = k == 0 ? afterCjk : IsIdeograph(source[k - 1]);
            bool cjkAfter = k + 1 < n && IsIdeograph(source[k + 1]);
            if (source[k] == ' ' && before && after && !(cjkBefore && cjkAfter))
                continue;
            return k;
        }
        return n;
    }

    private static bool IsIdeograph(char c) => c >= PlainBlockKernel.IdeographLow && c <= PlainBlockKernel.IdeographHigh;

    private static bool IsPlain(char c, char low2, char high2) => (c >= '!' && c <= '~') || (c >= low2 && c <= high2);
}
