using CorpusQA.Core.Documents;
using CorpusQA.Core.Signals.Facts;
using CorpusQA.Core.Text;
using static CorpusQA.Core.Signals.SignalSources;

namespace CorpusQA.Core.Signals;

/// <summary>
/// All quality signals in a fixed order: the column order of signals.parquet and the index order of the value
/// spans that <see cref="ComputeAll"/> fills and rules read. Thread-safe (signals are stateless).
/// </summary>
public sealed class SignalRegistry
{
    private readonly QualitySignal[] _signals;
    private readonly Dictionary<string, int> _indexByName;

    private SignalRegistry(QualitySignal[] signals)
    {
        _signals = signals;
        _indexByName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < signals.Length; i++)
            if (!_indexByName.TryAdd(signals[i].Name, i))
                throw new InvalidOperationException($"duplicate signal name '{signals[i].Name}'");
    }

    /// <summary>The registry of every CorpusQA signal.</summary>
    public static SignalRegistry Default { get; } = new(CreateAll());

    /// <summary>The signals in column order.</summary>
    public IReadOnlyList<QualitySignal> Signals => _signals;

    /// <summary>Number of signals (the length of a value span).</summary>
    public int Count => _signals.Length;

    /// <summary>Column index of the signal named <paramref name="name"/>, or -1.</summary>
    public int IndexOf(string name) => _indexByName.TryGetValue(name, out int i) ? i : -1;

    /// <summary>Computes every signal of <paramref name="view"/> into <paramref name="values"/> (length ≥ <see cref="Count"/>).</summary>
    public void ComputeAll(DocView view, Span<double> values)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (values.Length < _signals.Length)
            throw new ArgumentException($"need room for {_signals.Length} values, got {values.Length}", nameof(values));
        for (int i = 0; i < _signals.Length; i++) values[i] = _signals[i].Compute(view);
    }

    private static QualitySignal[] CreateAll()
    {
        var all = new List<QualitySignal>
        {
            // size
            new CharCount(), new ByteCount(), new LineCount(), new ParagraphCount(), new SentenceCount(),
            new WordCount(), new MeanWordLength(), new MeanLineLength(), new MaxLineLength(),
            // script and characters
            new CharKindCount("han_count", CharKind.Han, "Han characters", ChineseWebText + " (length filter)"),
            new CharKindRatio("han_ratio", CharKind.Han, "Han characters", ChineseWebText + " (proportion of Chinese characters)"),
            new CharKindRatio("cjk_punct_ratio", CharKind.CjkPunctuation, "CJK and full-width punctuation", Own),
            new CharKindRatio("ascii_punct_ratio", CharKind.AsciiPunctuation, "ASCII/Latin-1 punctuation", Own),
            new CharKindRatio("latin_ratio", CharKind.Latin, "Latin letters (ASCII, accented, full-width)", Own),
            new CharKindRatio("digit_ratio", CharKind.Digit, "Digits (ASCII and full-width)", RedPajama + " / " + DataJuicer),
            new WhitespaceRatio(),
            new CharKindRatio("symbol_ratio", CharKind.Symbol, "Symbols (math, currency, arrows, box drawing, emoji)", DataJuicer + " special_characters"),
            new CharKindRatio("kana_ratio", CharKind.Kana, "Hiragana and katakana", Own),
            new CharKindRatio("hangul_ratio", CharKind.Hangul, "Hangul", Own),
            new TraditionalOnlyRatio(), new SimplifiedOnlyRatio(), new FullWidthAlnumRatio(),
            new CharKindCount("private_use_count", CharKind.PrivateUse, "private-use code points", Own),
            new CharKindCount("control_char_count", CharKind.Control, "control characters other than tab, LF and CR", Own),
            new CharKindCount("replacement_char_count", CharKind.Replacement, "U+FFFD replacement characters", Own),
            // encoding damage
            new MojibakeRatio(), new PinyinAnnotationCount(), new PinyinAnnotationRatio(), new ScriptMinorityRatio(),
            new ConversionArtifactCount(),
            // repetition
            new DuplicateLineFraction(), new DuplicateLineCharFraction(), new DuplicateParagraphFraction(),
            new DuplicateParagraphCharFraction(),
        };
        for (int n = NGramRepetition.MinTopNGram; n <= NGramRepetition.MaxTopNGram; n++) all.Add(new TopNGramCharFraction(n));
        for (int n = NGramRepetition.MinDupNGram; n <= NGramRepetition.MaxDupNGram; n++) all.Add(new DuplicateNGramCharFraction(n));
        all.AddRange(
        [
            new CharGramRepetition(), new UniqueWordRatio(), new UnigramEntropy(),
            // lines
            new TerminalPunctuationLineFraction(), new BulletLineFraction(), new EllipsisLineFraction(),
            new ShortLineFraction(), new BoilerplateLineFraction(), new BoilerplateLineCount(), new NewlineWordRatio(),
            // words
            new StopwordCount(), new StopwordFraction(), new AlphaTokenFraction(), new FlaggedWordRatio(),
            new FlaggedWordsPerLine(),
            // personal data
            new ResidentIdCount(), new MobileCount(), new BankCardCount(), new EmailCount(), new UrlCount(),
            new IPv4Count(), new IPv6Count(), new QqNumberCount(), new WeChatIdCount(),
            // perplexity
            new CharPerplexity(), new CharPerplexityMaxParagraph(), new HighPerplexityCharFraction(),
            new CharLmContextGain(), new CharLmContextGainMinParagraph(), new CharLmWordBoundaryGain(),
            new CharLmWordOrderRandomness(), new CharLmWeakWordOrder(), new CharLmWordOrderShuffledLlr(),
        ]);
        return [.. all];
    }
}
