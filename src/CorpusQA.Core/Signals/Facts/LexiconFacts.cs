using CorpusQA.Core.Documents;
using CorpusQA.Core.Text;

namespace CorpusQA.Core.Signals.Facts;

/// <summary>Hits of the embedded word lists: stopwords, flagged (porn/gambling/scam) terms, conversion artifacts.</summary>
internal sealed class LexiconFacts : IDocFacts
{
    private bool[] _tokenStarts = new bool[1024];
    private bool[] _tokenEnds = new bool[1024];

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
        MarkTokenBoundaries(doc);
        FlaggedTerms = CountFlagged(doc.Text);
        ConversionArtifacts = CountConversionArtifacts(doc);
    }

    private void MarkTokenBoundaries(DocView doc)
    {
        int size = doc.Text.Length + 1;
        if (_tokenStarts.Length < size)
        {
            _tokenStarts = new bool[Math.Max(size, _tokenStarts.Length * 2)];
            _tokenEnds = new bool[_tokenStarts.Length];
        }
        Array.Clear(_tokenStarts, 0, size);
        Array.Clear(_tokenEnds, 0, size);
        foreach (var token in doc.Tokens)
        {
            _tokenStarts[token.Start] = true;
            _tokenEnds[token.End] = true;
        }
    }

    private int CountFlagged(ReadOnlySpan<char> text)
    {
        var matcher = Lexicons.Flagged;
        int count = 0, lastEnd = 0;
        foreach (var match in matcher.Matches(text))
        {
            int start = match.End - matcher.Patterns[match.Pattern].Length;
            if (start < lastEnd || !_tokenStarts[start] || !_tokenEnds[match.End]) continue;
            count++;
            lastEnd = match.End;
        }
        return count;
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
