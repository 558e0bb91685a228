namespace CorpusQA.Core.LanguageModel;

/// <summary>
/// A document's perplexity profile, summed paragraph by paragraph: the perplexity of the whole document, of its
/// worst paragraph of at least <see cref="MinParagraphChars"/> characters, and the share of characters in such
/// paragraphs above <see cref="HighPerplexity"/>. Characters are the normalized code units the model scores
/// (see <see cref="LmText"/>); perplexity is per token, a token being a character or a line's &lt;/s&gt;.
/// </summary>
public struct PerplexityProfile
{
    /// <summary>Paragraphs shorter than this (titles, list items, fragments) are too noisy to judge on their own.</summary>
    public const int MinParagraphChars = 20;

    /// <summary>
    /// The bound of <c>high_perplexity_char_fraction</c>, chosen on the bundled model (docs/lm.md): clean held-out
    /// paragraphs sit well below it, shuffled and random text well above.
    /// </summary>
    public const double HighPerplexity = 1000;

    private LmScore _total;
    private long _highChars;

    /// <summary>The document score (all paragraphs).</summary>
    public readonly LmScore Total => _total;

    /// <summary>Perplexity of the worst paragraph of ≥ <see cref="MinParagraphChars"/> characters; 0 when there is none.</summary>
    public double MaxParagraphPerplexity { get; private set; }

    /// <summary>
    /// The lowest <see cref="LmScore.ContextGain"/> of a paragraph of ≥ <see cref="MinParagraphChars"/> characters;
    /// the document's when there is none.
    /// </summary>
    public readonly double MinParagraphContextGain => _hasParagraph ? _minGain : _total.ContextGain;

    private double _minGain;
    private bool _hasParagraph;

    /// <summary>Characters of the paragraphs (≥ <see cref="MinParagraphChars"/>) above <see cref="HighPerplexity"/> / all characters.</summary>
    public readonly double HighPerplexityCharFraction => _total.Chars > 0 ? (double)_highChars / _total.Chars : 0;

    /// <summary>Adds one paragraph's score.</summary>
    public void Add(LmScore paragraph)
    {
        _total += paragraph;
        if (paragraph.Chars < MinParagraphChars) return;
        double perplexity = paragraph.Perplexity;
        MaxParagraphPerplexity = Math.Max(MaxParagraphPerplexity, perplexity);
        double gain = paragraph.ContextGain;
        _minGain = _hasParagraph ? Math.Min(_minGain, gain) : gain;
        _hasParagraph = true;
        if (perplexity > HighPerplexity) _highChars += paragraph.Chars;
    }

    /// <summary>
    /// The profile of a raw text, paragraphs being runs of non-blank lines (the <c>DocView.Paragraphs</c> rule), for
    /// callers without a DocView (<c>corpusqa lm score</c>).
    /// </summary>
    public static PerplexityProfile Of(CharLanguageModel model, ReadOnlySpan<char> text)
    {
        var profile = default(PerplexityProfile);
        LmScore paragraph = default;
        while (true)
        {
            int newline = text.IndexOf('\n');
            var line = newline < 0 ? text : text[..newline];
            if (line.IsWhiteSpace())
            {
                if (paragraph.Tokens > 0) profile.Add(paragraph);
                paragraph = default;
            }
            else paragraph += model.ScoreLine(line);

            if (newline < 0) break;
            text = text[(newline + 1)..];
        }

        if (paragraph.Tokens > 0) profile.Add(paragraph);
        return profile;
    }
}
