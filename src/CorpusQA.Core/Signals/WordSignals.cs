using CorpusQA.Core.Documents;
using static CorpusQA.Core.Signals.SignalSources;

namespace CorpusQA.Core.Signals;

internal sealed class StopwordCount() : QualitySignal("stopword_count", SignalFamily.Words,
    "Word tokens in the stopwords-iso Chinese list.", Gopher + " stop-word filter; list from npm stopwords-iso")
{
    public override double Compute(DocView doc) => doc.Lexicon.Stopwords;
}

internal sealed class StopwordFraction() : QualitySignal("stopword_fraction", SignalFamily.Words,
    "Stopword tokens / word tokens.", RedPajama + " (rps_doc_stop_word_fraction)")
{
    public override double Compute(DocView doc) => Ratio(doc.Lexicon.Stopwords, doc.WordCount);
}

internal sealed class AlphaTokenFraction() : QualitySignal("alpha_token_fraction", SignalFamily.Words,
    "Tokens containing a letter (Han, Latin, kana...; not digits alone) / non-white-space tokens (the rest: numbers, punctuation, symbols).",
    Gopher + " max_non_alpha_words_ratio; " + FineWeb2)
{
    public override double Compute(DocView doc) => Ratio(doc.AlphabeticTokenCount, doc.Tokens.Length);
}

internal sealed class FlaggedWordRatio() : QualitySignal("flagged_word_ratio", SignalFamily.Words,
    "Porn/gambling/scam terms (Data/flagged_words.txt) matched on jieba word boundaries / word tokens.",
    RedPajama + " (rps_doc_ldnoobw_words; Chinese list by CorpusQA)")
{
    public override double Compute(DocView doc) => Ratio(doc.Lexicon.FlaggedTerms, doc.WordCount);
}

internal sealed class FlaggedWordsPerLine() : QualitySignal("flagged_words_per_line", SignalFamily.Words,
    "Flagged-term matches / non-blank lines.", ChineseWebText + " sensitive-word filter")
{
    public override double Compute(DocView doc) => Ratio(doc.Lexicon.FlaggedTerms, doc.Lines.Length);
}
