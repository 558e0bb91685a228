using CorpusQA.Core.Documents;
using static CorpusQA.Core.Signals.SignalSources;

namespace CorpusQA.Core.Signals;

internal sealed class CharCount() : QualitySignal("char_count", SignalFamily.Size,
    "Unicode code points in the text.", DataJuicer + " text_length")
{
    public override double Compute(DocView doc) => doc.Chars.CodePoints;
}

internal sealed class ByteCount() : QualitySignal("byte_count", SignalFamily.Size,
    "Length of the text in UTF-8 bytes.", Own)
{
    public override double Compute(DocView doc) => doc.Chars.Utf8Bytes;
}

internal sealed class LineCount() : QualitySignal("line_count", SignalFamily.Size,
    "Non-blank lines.", RedPajama + " (rps_doc_num_lines)")
{
    public override double Compute(DocView doc) => doc.Lines.Length;
}

internal sealed class ParagraphCount() : QualitySignal("paragraph_count", SignalFamily.Size,
    "Paragraphs: runs of non-blank lines separated by blank lines.", Gopher)
{
    public override double Compute(DocView doc) => doc.Paragraphs.Length;
}

internal sealed class SentenceCount() : QualitySignal("sentence_count", SignalFamily.Size,
    "Sentences: runs of 。！？!? (and '.' before white space) after some content, plus trailing unterminated text.",
    Own)
{
    public override double Compute(DocView doc) => doc.SentenceCount;
}

internal sealed class WordCount() : QualitySignal("word_count", SignalFamily.Size,
    "jieba tokens (accurate mode, HMM) containing a Han character, letter or digit.", Gopher + ", jieba words")
{
    public override double Compute(DocView doc) => doc.WordCount;
}

internal sealed class MeanWordLength() : QualitySignal("mean_word_length", SignalFamily.Size,
    "Mean length of the word tokens in UTF-16 code units (≈ characters).", Gopher + "; " + FineWeb2)
{
    public override double Compute(DocView doc) => Ratio(doc.WordChars, doc.WordCount);
}

internal sealed class MeanLineLength() : QualitySignal("mean_line_length", SignalFamily.Size,
    "Mean length of the non-blank lines (trimmed), in UTF-16 code units.", RedPajama)
{
    public override double Compute(DocView doc) => Ratio(doc.LineFacts.TotalLineChars, doc.Lines.Length);
}

internal sealed class MaxLineLength() : QualitySignal("max_line_length", SignalFamily.Size,
    "Length of the longest line (trimmed), in UTF-16 code units.", DataJuicer + " maximum_line_length")
{
    public override double Compute(DocView doc) => doc.LineFacts.MaxLineLength;
}
