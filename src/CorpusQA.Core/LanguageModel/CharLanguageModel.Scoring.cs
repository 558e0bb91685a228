using CorpusQA.Segmentation;

namespace CorpusQA.Core.LanguageModel;

public sealed partial class CharLanguageModel
{
    /// <summary>
    /// Scores one raw line (no '\n' inside) as the sequence &lt;s&gt; … &lt;/s&gt; after <see cref="LmText"/>
    /// normalization, done on the fly; a line that normalizes to nothing scores nothing (0 tokens).
    /// </summary>
    public LmScore ScoreLine(ReadOnlySpan<char> line)
    {
        int cursor = 0;
        return ScoreLine(line, 0, [], ref cursor);
    }

    /// <summary>
    /// <see cref="ScoreLine(ReadOnlySpan{char})"/>, and the context gain summed over the CJK ideographs that begin a
    /// word of <paramref name="words"/> (spans of the document, ascending; the line starts at <paramref name="lineStart"/>),
    /// except a line's first character: where one word follows another, the only context the model has is the
    /// previous word, so this is what word order is worth to it. <paramref name="cursor"/> walks
    /// <paramref name="words"/> across the lines of a document.
    /// </summary>
    public LmScore ScoreLine(ReadOnlySpan<char> line, int lineStart, ReadOnlySpan<TokenSpan> words, ref int cursor)
    {
        var test = default(WordOrderTest);
        return ScoreLine(line, lineStart, words, ref cursor, ref test);
    }

    /// <summary>
    /// <see cref="ScoreLine(ReadOnlySpan{char}, int, ReadOnlySpan{TokenSpan}, ref int)"/>, running the paired
    /// word-order test <paramref name="test"/> (when enabled) at the word boundaries: one more query per sampled
    /// boundary, on a copy of the state, so the scores are those of the plain pass.
    /// </summary>
    public LmScore ScoreLine(ReadOnlySpan<char> line, int lineStart, ReadOnlySpan<TokenSpan> words, ref int cursor, ref WordOrderTest test)
    {
        bool testing = test.Enabled;
        var fold = LmText.Fold;
        var state = BeginLine();
        double log10 = 0, unigram = 0, boundary = 0, p, u;
        int chars = 0, boundaryChars = 0;
        bool pendingSpace = false;
        for (int i = 0; i < line.Length; i++)
        {
            char raw = line[i];
            char c = fold[raw];
            if (c == LmText.Space)
            {
                pendingSpace = chars > 0;
                continue;
            }

            if (pendingSpace)
            {
                log10 += Log10Prob(ref state, ' ', out u);
                unigram += u;
                chars++;
                pendingSpace = false;
            }

            bool wordStart = chars > 0 && raw is >= '\u4E00' and <= '\u9FFF' && IsWordStart(words, lineStart + i, ref cursor);
            int alternative = wordStart && testing ? test.Alternative() : -1;
            double alternativeGain = 0;
            if (alternative >= 0)
            {
                var fork = state;
                alternativeGain = Log10Prob(ref fork, alternative, out double ua) - ua;
            }

            log10 += p = Log10Prob(ref state, c, out u);
            unigram += u;
            if (wordStart)
            {
                boundary += p - u;
                boundaryChars++;
                if (testing) test.Record(c, alternative >= 0, p - u - alternativeGain);
            }

            chars++;
        }

        if (chars == 0) return default;
        log10 += Log10Prob(ref state, LmText.SentenceEnd, out u);
        unigram += u;
        return new LmScore(log10, chars + 1, chars, unigram, boundary, boundaryChars);
    }

    /// <summary>Whether a word of <paramref name="words"/> starts at <paramref name="position"/> (positions asked in ascending order).</summary>
    private static bool IsWordStart(ReadOnlySpan<TokenSpan> words, int position, ref int cursor)
    {
        while (cursor < words.Length && words[cursor].Start < position) cursor++;
        return cursor < words.Length && words[cursor].Start == position;
    }

    /// <summary>Scores an already normalized line (the output of <see cref="LmText.NormalizeLine"/>).</summary>
    public LmScore ScoreNormalizedLine(ReadOnlySpan<char> normalized)
    {
        if (normalized.IsEmpty) return default;
        var state = BeginLine();
        double log10 = 0, unigram = 0, u;
        foreach (char c in normalized)
        {
            log10 += Log10Prob(ref state, c, out u);
            unigram += u;
        }

        log10 += Log10Prob(ref state, LmText.SentenceEnd, out u);
        unigram += u;
        return new LmScore(log10, normalized.Length + 1, normalized.Length, unigram);
    }

    /// <summary>Scores every line of <paramref name="text"/> (split on '\n') and sums.</summary>
    public LmScore ScoreText(ReadOnlySpan<char> text)
    {
        int cursor = 0;
        return ScoreText(text, 0, [], ref cursor);
    }

    /// <summary>
    /// <see cref="ScoreText(ReadOnlySpan{char})"/> with the word-boundary gain of
    /// <see cref="ScoreLine(ReadOnlySpan{char}, int, ReadOnlySpan{TokenSpan}, ref int)"/>; <paramref name="text"/>
    /// starts at <paramref name="offset"/> of the document the word spans refer to.
    /// </summary>
    public LmScore ScoreText(ReadOnlySpan<char> text, int offset, ReadOnlySpan<TokenSpan> words, ref int cursor)
    {
        var test = default(WordOrderTest);
        return ScoreText(text, offset, words, ref cursor, ref test);
    }

    /// <summary><see cref="ScoreText(ReadOnlySpan{char}, int, ReadOnlySpan{TokenSpan}, ref int)"/> running the word-order test <paramref name="test"/> across its lines.</summary>
    public LmScore ScoreText(ReadOnlySpan<char> text, int offset, ReadOnlySpan<TokenSpan> words, ref int cursor, ref WordOrderTest test)
    {
        LmScore total = default;
        while (true)
        {
            int newline = text.IndexOf('\n');
            if (newline < 0)
            {
                total += ScoreLine(text, offset, words, ref cursor, ref test);
                return total;
            }

            total += ScoreLine(text[..newline], offset, words, ref cursor, ref test);
            text = text[(newline + 1)..];
            offset += newline + 1;
        }
    }
}
