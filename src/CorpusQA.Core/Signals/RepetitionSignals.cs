using CorpusQA.Core.Documents;
using static CorpusQA.Core.Signals.SignalSources;

namespace CorpusQA.Core.Signals;

internal sealed class DuplicateLineFraction() : QualitySignal("dup_line_fraction", SignalFamily.Repetition,
    "Non-blank lines (trimmed) equal to an earlier line / non-blank lines.", Gopher + "; " + FineWeb2)
{
    public override double Compute(DocView doc) => Ratio(doc.LineFacts.DuplicateLines, doc.Lines.Length);
}

internal sealed class DuplicateLineCharFraction() : QualitySignal("dup_line_char_fraction", SignalFamily.Repetition,
    "Characters of the duplicate lines / text length (UTF-16 code units).", Gopher)
{
    public override double Compute(DocView doc) => Ratio(doc.LineFacts.DuplicateLineChars, doc.Text.Length);
}

internal sealed class DuplicateParagraphFraction() : QualitySignal("dup_paragraph_fraction", SignalFamily.Repetition,
    "Paragraphs equal to an earlier paragraph / paragraphs.", Gopher)
{
    public override double Compute(DocView doc) => Ratio(doc.LineFacts.DuplicateParagraphs, doc.Paragraphs.Length);
}

internal sealed class DuplicateParagraphCharFraction() : QualitySignal("dup_paragraph_char_fraction", SignalFamily.Repetition,
    "Characters of the duplicate paragraphs / text length.", Gopher)
{
    public override double Compute(DocView doc) => Ratio(doc.LineFacts.DuplicateParagraphChars, doc.Text.Length);
}

internal sealed class TopNGramCharFraction(int n) : QualitySignal($"top_{n}gram_char_fraction", SignalFamily.Repetition,
    $"Characters of the most frequent repeated jieba-token {n}-gram × its count / text length (0 when no {n}-gram repeats).",
    Gopher + "; " + FineWeb2)
{
    public override double Compute(DocView doc) => Ratio(doc.Repetition.NGrams.TopNGramChars(n), doc.Text.Length);
}

internal sealed class DuplicateNGramCharFraction(int n) : QualitySignal($"dup_{n}gram_char_fraction", SignalFamily.Repetition,
    $"Characters in jieba-token {n}-grams already seen (scanning left to right, skipping past each repeat) / text length.",
    Gopher + "; " + FineWeb2)
{
    public override double Compute(DocView doc) => Ratio(doc.Repetition.NGrams.DuplicateNGramChars(n), doc.Text.Length);
}

internal sealed class CharGramRepetition() : QualitySignal("char_13gram_repetition", SignalFamily.Repetition,
    "Non-white-space characters covered by a character 13-gram that occurs at least twice / non-white-space characters.",
    ChineseWebText)
{
    public override double Compute(DocView doc) => doc.Repetition.CharGramRepetition;
}

internal sealed class UniqueWordRatio() : QualitySignal("unique_word_ratio", SignalFamily.Repetition,
    "Distinct word tokens / word tokens.", RedPajama + " (rps_doc_frac_unique_words)")
{
    public override double Compute(DocView doc) => Ratio(doc.Repetition.DistinctWords, doc.WordCount);
}

internal sealed class UnigramEntropy() : QualitySignal("unigram_entropy", SignalFamily.Repetition,
    "Shannon entropy (natural log) of the word-token frequency distribution.", RedPajama + " (rps_doc_unigram_entropy)")
{
    public override double Compute(DocView doc) => doc.Repetition.UnigramEntropy;
}
