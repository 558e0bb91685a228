using CorpusQA.Core.Documents;
using CorpusQA.Core.Signals.Facts;
using static CorpusQA.Core.Signals.SignalSources;

namespace CorpusQA.Core.Signals;

internal sealed class TerminalPunctuationLineFraction() : QualitySignal("line_terminal_punct_fraction", SignalFamily.Lines,
    "Non-blank lines ending in 。！？｡.!?．… (closing quotes/brackets after it allowed) / non-blank lines.",
    FineWeb + " line_punct_ratio; " + FineWeb2)
{
    public override double Compute(DocView doc) => Ratio(doc.LineFacts.TerminalPunctuationLines, doc.Lines.Length);
}

internal sealed class BulletLineFraction() : QualitySignal("bullet_line_fraction", SignalFamily.Lines,
    "Non-blank lines starting with a bullet (• ● ◆ ■ ▶ * - · ★ ...) / non-blank lines.", Gopher)
{
    public override double Compute(DocView doc) => Ratio(doc.LineFacts.BulletLines, doc.Lines.Length);
}

internal sealed class EllipsisLineFraction() : QualitySignal("ellipsis_line_fraction", SignalFamily.Lines,
    "Non-blank lines ending in … / ... / 。。。 / non-blank lines.", Gopher)
{
    public override double Compute(DocView doc) => Ratio(doc.LineFacts.EllipsisLines, doc.Lines.Length);
}

internal sealed class ShortLineFraction() : QualitySignal("short_line_fraction", SignalFamily.Lines,
    $"Non-blank lines of at most {LineFacts.ShortLineMaxChars} code units / non-blank lines.",
    FineWeb + " short_line_ratio (30 Latin chars scaled to Han)")
{
    public override double Compute(DocView doc) => Ratio(doc.LineFacts.ShortLines, doc.Lines.Length);
}

internal sealed class BoilerplateLineFraction() : QualitySignal("boilerplate_line_fraction", SignalFamily.Lines,
    "Non-blank lines containing a site-boilerplate phrase (版权声明, 上一页, 扫码关注, 暂无评论...) / non-blank lines.",
    Own + ", Data/boilerplate_phrases.txt")
{
    public override double Compute(DocView doc) => Ratio(doc.LineFacts.BoilerplateLines, doc.Lines.Length);
}

internal sealed class BoilerplateLineCount() : QualitySignal("boilerplate_line_count", SignalFamily.Lines,
    "Non-blank lines containing a site-boilerplate phrase.", Own + ", Data/boilerplate_phrases.txt")
{
    public override double Compute(DocView doc) => doc.LineFacts.BoilerplateLines;
}

internal sealed class NewlineWordRatio() : QualitySignal("newline_word_ratio", SignalFamily.Lines,
    "Newline characters / word tokens.", FineWeb + " new_line_ratio; " + FineWeb2)
{
    public override double Compute(DocView doc) => Ratio(doc.NewlineCount, doc.WordCount);
}
