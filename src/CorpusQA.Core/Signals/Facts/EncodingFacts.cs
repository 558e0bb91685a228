using CorpusQA.Core.Documents;
using CorpusQA.Core.Text;

namespace CorpusQA.Core.Signals.Facts;

/// <summary>Traces of encoding damage: mojibake bigrams and toned pinyin glued after Han characters.</summary>
internal sealed class EncodingFacts : IDocFacts
{
    /// <summary>Characters inside a known mojibake bigram (each character counted once).</summary>
    public int MojibakeChars { get; private set; }

    /// <summary>Occurrences of a Han character immediately followed by a parenthesised toned pinyin syllable.</summary>
    public int PinyinAnnotations { get; private set; }

    public void Compute(DocView doc)
    {
        MojibakeChars = MojibakeTable.CountCoveredChars(doc.Text);
        PinyinAnnotations = PinyinAnnotation.Count(doc.Text);
    }
}
