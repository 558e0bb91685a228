using CorpusQA.Core.Documents;
using CorpusQA.Core.Text;
using CorpusQA.Segmentation;

namespace CorpusQA.Core.Signals.Facts;

/// <summary>Hits of the embedded word lists: stopwords, flagged (porn/gambling/scam) terms, conversion artifacts.</summary>
internal sealed class LexiconFacts : IDocFacts
{
    /// <summary>Word tokens that are stopwords.</summary>
    public int Stopwords { get; private set; }

    /// <summary>Flagged-term matches that start and end on token boundaries, non-overlapping.</summary>
    public int FlaggedTerms { get; private set; }

    /// <summary>Known conversion artifacts: over-conversions always, Taiwan terms only in Simplified-majority text.</summary>
    public int ConversionArtifacts { get; private set; }

    public void Compute(DocView doc)
    {
        var stopwords = Lexicons.Stopwords;
        int stop = 0;
        int tokens = doc.Tokens.Length;
        var isWord = doc.TokenIsWord.AsSpan(0, tokens);
        var hashes = doc.TokenHashes.AsSpan(0, tokens);
        for (int i = 0; i < isWord.Length; i++)
            if (isWord[i] && stopwords.Contains(hashes[i])) stop++;
        Stopwords = stop;
        FlaggedTerms = CountFlagged(doc.Text, doc.Tokens);
        ConversionArtifacts = CountConversionArtifacts(doc);
    }

    private static int CountFlagged(ReadOnlySpan<char> text, ReadOnlySpan<TokenSpan> tokens)
    {
        var matcher = Lexicons.Flagged;
        int count = 0, lastEnd = 0;
        foreach (var match in matcher.Matches(text))
        {
            int start = match.End - matcher.Patterns[match.Pattern].Length;
            if (start < lastEnd || !IsTokenBoundary(tokens, start, atEnd: false) || !IsTokenBoundary(tokens, match.End, atEnd: true))
                continue;
            count++;
            lastEnd = match.End;
        }
        return count;
    }

    /// <summary>
    /// Whether some token starts (or, with <paramref name="atEnd"/>, ends) at <paramref name="position"/>. Tokens are
    /// in text order and do not overlap, so starts and ends both ascend; matches are rare, so a binary search per match
    /// beats marking every token boundary of every document.
    /// </summary>
    private static bool IsTokenBoundary(ReadOnlySpan<TokenSpan> tokens, int position, bool atEnd)
    {
        int lo = 0, hi = tokens.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            int at = atEnd ? tokens[mid].End : tokens[mid].Start;
            if (at == position) return true;
            if (at < position) lo = mid + 1;
            else hi = mid - 1;
        }
        return false;
    }

    private static int CountConversionArtifacts(DocView doc)
    {
        var terms = Lexicons.Conversion;
        bool simplifiedMajority = doc.Chars.SimplifiedOnly > doc.Chars.TraditionalOnly;
        int count = 0, lastEnd = 0;
        foreach (var match in terms.Matcher.Matches(doc.Text))
        {
            // Non-overlapping: 程式設計師 contains 程式設計 and 程式, one artifact all the same.
            int start = match.End - terms.Matcher.Patterns[match.Pattern].Length;
            if (start < lastEnd || !(simplifiedMajority || terms.IsOverConversion(match.Pattern))) continue;
            count++;
            lastEnd = match.End;
        }
        return count;
    }
}
