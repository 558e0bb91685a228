using CorpusQA.Segmentation.Dictionary;
using CorpusQA.Segmentation.Hmm;
using CorpusQA.Segmentation.Text;

namespace CorpusQA.Segmentation.Dag;

/// <summary>jieba's <c>__cut_DAG</c> (with HMM) and <c>__cut_DAG_NO_HMM</c> over one han block.</summary>
internal static class AccurateCut
{
    /// <summary>Cuts <c>text[start..end)</c>, a maximal run of <see cref="CharClass.IsHanBlock"/> characters.</summary>
    internal static void Cut(DictionarySnapshot dict, HmmModel model, ReadOnlySpan<char> text, int start, int end,
                             bool hmm, List<TokenSpan> output, Scratch scratch)
    {
        ReadOnlySpan<char> block = text[start..end];
        int n = block.Length;
        Span<int> bestEnd = scratch.RouteEnd(n + 1);
        Route.Calc(dict, block, scratch.RouteProb(n + 1), bestEnd);
        if (hmm)
        {
            WithHmm(dict, model, text, start, n, bestEnd, output, scratch);
        }
        else
        {
            WithoutHmm(text, start, n, bestEnd, output);
        }
    }

    /// <summary>Runs of single-character words are joined, then re-cut by the HMM unless the run is itself a word.</summary>
    private static void WithHmm(DictionarySnapshot dict, HmmModel model, ReadOnlySpan<char> text, int start, int n,
                                ReadOnlySpan<int> bestEnd, List<TokenSpan> output, Scratch scratch)
    {
        int bufStart = -1;
        int x = 0;
        while (x < n)
        {
            int y = bestEnd[x] + 1;
            if (y - x == 1)
            {
                if (bufStart < 0)
                {
                    bufStart = x;
                }
            }
            else
            {
                if (bufStart >= 0)
                {
                    FlushSingles(dict, model, text, start + bufStart, start + x, output, scratch);
                    bufStart = -1;
                }
                output.Add(new TokenSpan(start + x, y - x));
            }
            x = y;
        }
        if (bufStart >= 0)
        {
            FlushSingles(dict, model, text, start + bufStart, start + n, output, scratch);
        }
    }

    private static void FlushSingles(DictionarySnapshot dict, HmmModel model, ReadOnlySpan<char> text, int start, int end,
                                     List<TokenSpan> output, Scratch scratch)
    {
        if (end - start == 1)
        {
            output.Add(new TokenSpan(start, 1));
        }
        else if (dict.FrequencyOr(text[start..end], 0) == 0)
        {
            FinalSeg.Cut(model, dict, text, start, end, output, scratch);
        }
        else
        {
            for (int i = start; i < end; i++)
            {
                output.Add(new TokenSpan(i, 1));
            }
        }
    }

    /// <summary>Only consecutive single ASCII letters/digits are joined; everything else is the route's word.</summary>
    private static void WithoutHmm(ReadOnlySpan<char> text, int start, int n, ReadOnlySpan<int> bestEnd, List<TokenSpan> output)
    {
        int engStart = -1;
        int x = 0;
        while (x < n)
        {
            int y = bestEnd[x] + 1;
            if (y - x == 1 && CharClass.IsAsciiAlphanumeric(text[start + x]))
            {
                if (engStart < 0)
                {
                    engStart = x;
                }
            }
            else
            {
                if (engStart >= 0)
                {
                    output.Add(new TokenSpan(start + engStart, x - engStart));
                    engStart = -1;
                }
                output.Add(new TokenSpan(start + x, y - x));
            }
            x = y;
        }
        if (engStart >= 0)
        {
            output.Add(new TokenSpan(start + engStart, n - engStart));
        }
    }
}
