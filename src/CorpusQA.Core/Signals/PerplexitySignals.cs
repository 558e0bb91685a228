using CorpusQA.Core.Documents;
using CorpusQA.Core.LanguageModel;
using static CorpusQA.Core.Signals.SignalSources;

namespace CorpusQA.Core.Signals;

internal sealed class CharPerplexity() : QualitySignal("char_perplexity", SignalFamily.Perplexity,
    "Perplexity per character of the bundled character 5-gram LM (Kneser-Ney; Traditional folded to Simplified, digits to 0; one </s> per line counts as a token); 0 for an empty text.",
    CharLm)
{
    public override double Compute(DocView doc) => doc.Perplexity.Profile.Total.Perplexity;
}

internal sealed class CharPerplexityMaxParagraph() : QualitySignal("char_perplexity_max_paragraph", SignalFamily.Perplexity,
    $"char_perplexity of the worst paragraph of at least {PerplexityProfile.MinParagraphChars} characters; 0 when no paragraph is that long.",
    CharLm)
{
    public override double Compute(DocView doc) => doc.Perplexity.Profile.MaxParagraphPerplexity;
}

internal sealed class HighPerplexityCharFraction() : QualitySignal("high_perplexity_char_fraction", SignalFamily.Perplexity,
    $"Characters in paragraphs (≥ {PerplexityProfile.MinParagraphChars} characters) whose char_perplexity exceeds {PerplexityProfile.HighPerplexity:0} / scored characters.",
    CharLm)
{
    public override double Compute(DocView doc) => doc.Perplexity.Profile.HighPerplexityCharFraction;
}

internal sealed class CharLmContextGain() : QualitySignal("char_lm_context_gain", SignalFamily.Perplexity,
    "What the LM's context adds per token: (log10 p(text) − log10 p_unigram(text)) / tokens, both under the bundled character LM (SLOR, Pauls & Klein 2012; Lau, Clark & Lappin 2017); low for shuffled or random text even when its characters are common, and not lowered by rare characters alone; 0 for an empty text.",
    CharLm)
{
    public override double Compute(DocView doc) => doc.Perplexity.Profile.Total.ContextGain;
}

internal sealed class CharLmContextGainMinParagraph() : QualitySignal("char_lm_context_gain_min_paragraph", SignalFamily.Perplexity,
    $"char_lm_context_gain of the worst paragraph of at least {PerplexityProfile.MinParagraphChars} characters; the document's when no paragraph is that long.",
    CharLm)
{
    public override double Compute(DocView doc) => doc.Perplexity.Profile.MinParagraphContextGain;
}

internal sealed class CharLmWordBoundaryGain() : QualitySignal("char_lm_word_boundary_gain", SignalFamily.Perplexity,
    "char_lm_context_gain at the CJK ideographs that begin a jieba word (not a line's first character): where one word follows another the model's only context is the previous word, so this is what word order is worth; low for word-shuffled text whose words are each intact; 0 when no such character.",
    CharLm)
{
    public override double Compute(DocView doc) => doc.Perplexity.Profile.Total.WordBoundaryGain;
}

internal sealed class CharLmWordOrderRandomness() : QualitySignal("char_lm_word_order_randomness", SignalFamily.Perplexity,
    "How plausible it is that the word order is random: at up to ~256 word boundaries (CJK ideographs that begin a jieba word) the LM predicts, in the same context, the real first character and the first character of the word 3 boundaries earlier; the one-sided p-value (normal approximation, logistic form) of the paired t test that the real one gains more over its unigram. Near 0 for fluent text of any register (the vocabulary is the document's own on both sides), spread over 0..1 for word-shuffled text; 0 with fewer than 8 tested boundaries.",
    CharLm)
{
    public override double Compute(DocView doc) => doc.Perplexity.WordOrder.RandomOrderScore;
}

internal sealed class CharLmWeakWordOrder() : QualitySignal("char_lm_weak_word_order", SignalFamily.Perplexity,
    "How plausible it is that word order is worth less here than in fluent text: the same paired samples as char_lm_word_order_randomness, tested against a minimum mean difference of 0.15 log10 instead of 0 (one-sided p-value, normal approximation, logistic form). Near 0 for fluent text of any register (clean train medians 0.42-0.76), near 1 for long word-shuffled text whose real words still win slightly; 0 with fewer than 8 tested boundaries.",
    CharLm)
{
    public override double Compute(DocView doc) => doc.Perplexity.WordOrder.WeakOrderScore;
}

internal sealed class CharLmWordOrderShuffledLlr() : QualitySignal("char_lm_word_order_llr", SignalFamily.Perplexity,
    "Evidence that the word order is shuffled: the natural-log likelihood ratio, shuffled against fluent, of the mean paired difference of char_lm_word_order_randomness's samples, each hypothesis a normal prior on a document's true mean fitted on the train split (fluent 0.875 ± 0.47, shuffled 0.009 ± 0.05) widened by the mean's sampling variance. Positive favours shuffled; near 0 when the samples are too few to tell (short texts are not dropped for lacking evidence of order); clamped to ±50; 0 with fewer than 8 tested boundaries.",
    CharLm)
{
    public override double Compute(DocView doc) => doc.Perplexity.WordOrder.ShuffledLogLikelihoodRatio;
}
