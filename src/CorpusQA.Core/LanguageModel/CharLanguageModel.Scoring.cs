namespace CorpusQA.Core.LanguageModel;

public sealed partial class CharLanguageModel
{
    /// <summary>
    /// Scores one raw line (no '\n' inside) as the sequence &lt;s&gt; … &lt;/s&gt; after <see cref="LmText"/>
    /// normalization, done on the fly; a line that normalizes to nothing scores nothing (0 tokens).
    /// </summary>
    public LmScore ScoreLine(ReadOnlySpan<char> line)
    {
        var fold = LmText.Fold;
        var state = BeginLine();
        double log10 = 0, unigram = 0, u;
        int chars = 0;
        bool pendingSpace = false;
        foreach (char raw in line)
        {
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

            log10 += Log10Prob(ref state, c, out u);
            unigram += u;
            chars++;
        }

        if (chars == 0) return default;
        log10 += Log10Prob(ref state, LmText.SentenceEnd, out u);
        unigram += u;
        return new LmScore(log10, chars + 1, chars, unigram);
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
        LmScore total = default;
        while (true)
        {
            int newline = text.IndexOf('\n');
            if (newline < 0)
            {
                total += ScoreLine(text);
                return total;
            }

            total += ScoreLine(text[..newline]);
            text = text[(newline + 1)..];
        }
    }
}
