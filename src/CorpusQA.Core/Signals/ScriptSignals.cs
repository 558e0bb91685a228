using CorpusQA.Core.Documents;
using CorpusQA.Core.Text;
using static CorpusQA.Core.Signals.SignalSources;

namespace CorpusQA.Core.Signals;

/// <summary>A character class's share of the non-white-space code points.</summary>
internal sealed class CharKindRatio(string name, CharKind kind, string what, string source)
    : QualitySignal(name, SignalFamily.Script, $"{what} / non-white-space code points.", source)
{
    public override double Compute(DocView doc) => Ratio(doc.Chars[kind], doc.Chars.NonWhitespace);
}

/// <summary>The number of code points of one character class.</summary>
internal sealed class CharKindCount(string name, CharKind kind, string what, string source)
    : QualitySignal(name, SignalFamily.Script, $"Number of {what}.", source)
{
    public override double Compute(DocView doc) => doc.Chars[kind];
}

internal sealed class WhitespaceRatio() : QualitySignal("whitespace_ratio", SignalFamily.Script,
    "White-space code points (incl. U+3000) / all code points.", Own)
{
    public override double Compute(DocView doc) => Ratio(doc.Chars[CharKind.Whitespace], doc.Chars.CodePoints);
}

internal sealed class TraditionalOnlyRatio() : QualitySignal("traditional_only_ratio", SignalFamily.Script,
    "Han characters that exist only in Traditional script / Han characters (informative; never a reason to drop).", OpenCC)
{
    public override double Compute(DocView doc) => Ratio(doc.Chars.TraditionalOnly, doc.Chars[CharKind.Han]);
}

internal sealed class SimplifiedOnlyRatio() : QualitySignal("simplified_only_ratio", SignalFamily.Script,
    "Han characters that exist only in Simplified script / Han characters.", OpenCC)
{
    public override double Compute(DocView doc) => Ratio(doc.Chars.SimplifiedOnly, doc.Chars[CharKind.Han]);
}

internal sealed class FullWidthAlnumRatio() : QualitySignal("fullwidth_alnum_ratio", SignalFamily.Script,
    "Full-width letters/digits (Ａ, ２) / all letters and digits of both widths; between 0 and 1 both widths are mixed.",
    Own)
{
    public override double Compute(DocView doc) =>
        Ratio(doc.Chars.FullWidthAlnum, doc.Chars.FullWidthAlnum + doc.Chars.AsciiAlnum);
}
