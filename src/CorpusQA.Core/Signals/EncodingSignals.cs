using CorpusQA.Core.Documents;
using CorpusQA.Core.Text;
using static CorpusQA.Core.Signals.SignalSources;

namespace CorpusQA.Core.Signals;

internal sealed class MojibakeRatio() : QualitySignal("mojibake_ratio", SignalFamily.Encoding,
    "Code units inside bigrams typical of UTF-8 read as GBK/GB18030/Big5/cp1252/Latin-1 (涓嶅, ä¸, 锟斤拷, 烫烫) / non-white-space code points.",
    Own + ", patterns from tools/data/build_mojibake.py")
{
    public override double Compute(DocView doc) => Ratio(doc.Encoding.MojibakeChars, doc.Chars.NonWhitespace);
}

internal sealed class PinyinAnnotationCount() : QualitySignal("pinyin_annotation_count", SignalFamily.Encoding,
    "Han characters immediately followed by a parenthesised tone-marked pinyin syllable, as in 創(chuàng)始人.", Own)
{
    public override double Compute(DocView doc) => doc.Encoding.PinyinAnnotations;
}

internal sealed class PinyinAnnotationRatio() : QualitySignal("pinyin_annotation_ratio", SignalFamily.Encoding,
    "pinyin_annotation_count / Han characters.", Own)
{
    public override double Compute(DocView doc) => Ratio(doc.Encoding.PinyinAnnotations, doc.Chars[CharKind.Han]);
}

internal sealed class ScriptMinorityRatio() : QualitySignal("script_minority_ratio", SignalFamily.Encoding,
    "min(Traditional-only, Simplified-only) / (Traditional-only + Simplified-only) Han characters: the share disagreeing with the document's majority script (0 = consistent, 0.5 = evenly mixed).",
    OpenCC)
{
    public override double Compute(DocView doc)
    {
        int traditional = doc.Chars.TraditionalOnly, simplified = doc.Chars.SimplifiedOnly;
        return Ratio(Math.Min(traditional, simplified), traditional + simplified);
    }
}

internal sealed class ConversionArtifactCount() : QualitySignal("conversion_artifact_count", SignalFamily.Encoding,
    "Known Simplified→Traditional conversion artifacts: over-conversions wrong in any script (領網域, 皇後, 方麵) plus Taiwan-only terms (硬體, 軟體) inside Simplified-majority text.",
    Own + "; Taiwan terms from OpenCC TWPhrases, curated over-conversions")
{
    public override double Compute(DocView doc) => doc.Lexicon.ConversionArtifacts;
}
