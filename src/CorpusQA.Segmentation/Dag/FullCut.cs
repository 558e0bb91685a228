using CorpusQA.Segmentation.Dictionary;
using CorpusQA.Segmentation.Text;

namespace CorpusQA.Segmentation.Dag;

/// <summary>
/// jieba 0.42's <c>__cut_all</c> over one han block: every dictionary word of two or more
/// characters, single characters not covered by an earlier word, and runs of single ASCII
/// letters/digits glued into one token (<c>eng_buf</c>).
/// </summary>
internal static class FullCut
{
    /// <summary>
    /// Cuts the han block <c>text[start..end)</c>. When <c>joins</c> is not null it receives the index
    /// of every output span that jieba glues to the next one (<c>eng_buf</c> can collect pieces that
    /// are not adjacent in the text).
    /// </summary>
    internal static void Cut(DictionarySnapshot dict, ReadOnlySpan<char> text, int start, int end,
                             List<TokenSpan> output, List<int>? joins, Scratch scratch)
    {
        ReadOnlySpan<char> block = text[start..end];
        int n = block.Length;
        int[] ends = scratch.Ends(n);
        int oldJ = -1;
        bool engScan = false;
        int pieceStart = 0, pieceEnd = 0; // the eng_buf piece being extended
        List<TokenSpan> earlierPieces = scratch.EngPieces;
        earlierPieces.Clear();
        for (int k = 0; k < n; k++)
        {
            int count = Route.WordEnds(dict, block, k, ends);
            if (engScan && !CharClass.IsAsciiAlphanumeric(block[k]))
            {
                engScan = false;
                FlushEng(output, joins, earlierPieces, start + pieceStart, pieceEnd - pieceStart);
            }
            if (count == 1 && k > oldJ)
            {
                int wordEnd = ends[0] + 1;
                if (CharClass.IsAsciiAlphanumeric(block[k]))
                {
                    if (!engScan)
                    {
                        engScan = true;
                        pieceStart = k;
                        pieceEnd = wordEnd;
                    }
                    else if (k == pieceEnd)
                    {
                        pieceEnd = wordEnd;
                    }
                    else
                    {
                        // eng_buf += word with a gap: jieba glues text that is not contiguous.
                        earlierPieces.Add(new TokenSpan(start + pieceStart, pieceEnd - pieceStart));
                        pieceStart = k;
                        pieceEnd = wordEnd;
                    }
                }
                if (!engScan)
                {
                    output.Add(new TokenSpan(start + k, wordEnd - k));
                }
                oldJ = ends[0];
            }
            else
            {
                for (int e = 0; e < count; e++)
                {
                    int j = ends[e];
                    if (j > k)
                    {
                        output.Add(new TokenSpan(start + k, j + 1 - k));
                        oldJ = j;
                    }
                }
            }
        }
        if (engScan)
        {
            FlushEng(output, joins, earlierPieces, start + pieceStart, pieceEnd - pieceStart);
        }
    }

    /// <summary>
    /// Yields eng_buf. Normally one span; when jieba glued pieces that are not adjacent in the text,
    /// each piece is a span and <paramref name="joins"/> records that they form one token.
    /// </summary>
    private static void FlushEng(List<TokenSpan> output, List<int>? joins, List<TokenSpan> earlierPieces, int start, int length)
    {
        foreach (TokenSpan piece in earlierPieces)
        {
            joins?.Add(output.Count);
            output.Add(piece);
        }
        earlierPieces.Clear();
        output.Add(new TokenSpan(start, length));
    }
}
