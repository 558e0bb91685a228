using CorpusQA.Core.Rules;
using CorpusQA.Core.Signals;
using CorpusQA.Reports.Data;
using static CorpusQA.Reports.Html.HtmlTable;
using Chart = CorpusQA.Reports.Charts.Charts;

namespace CorpusQA.Reports.Html;

/// <summary>The single-corpus report: seven sections, one self-contained page (docs/report.md).</summary>
internal static partial class ReportPage
{
    public static readonly string[] StageNames = ["exact dedup", "near dedup", "rules", "quality model"];

    public static string Render(ReportModel m)
    {
        var page = new PageWriter();
        var scan = m.Scan;
        page.Line("<header>");
        page.Append("<h1>CorpusQA report: <bdi>").Text(m.Name).Line("</bdi></h1>");
        page.Append("<p class=\"headline\" id=\"headline\"><strong>").Text(SafeText.Percent(scan.KeptDocs, scan.Rows)).Append("</strong> of the documents and <strong>")
            .Text(Share(scan.KeptChars, scan.Chars)).Append("</strong> of the characters pass every stage (")
            .Text($"{SafeText.Count(scan.KeptDocs)} of {SafeText.Count(scan.Rows)} documents").Line(").</p>");
        page.Line("<nav><a href=\"#overview\">Overview</a><a href=\"#funnel\">Funnel</a><a href=\"#signals\">Signals</a><a href=\"#reasons\">Drop reasons</a>" +
                  "<a href=\"#duplicates\">Duplicates</a><a href=\"#whatif\">What-if</a><a href=\"#run\">Run</a></nav>");
        page.Line("</header>");
        Overview(page, m);
        Funnel(page, m);
        Signals(page, m);
        Reasons(page, m);
        Duplicates(page, m);
        WhatIf(page, m);
        Run(page, m);
        return page.Render("CorpusQA report: " + m.Name, WhatIfJson(m));
    }

    internal static string Share(double part, double whole) =>
        whole <= 0 ? "0.0%" : (100 * part / whole).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%";

    private static void Overview(PageWriter page, ReportModel m)
    {
        var scan = m.Scan;
        page.Line("<section id=\"overview\"><h2>1. Overview</h2><div class=\"cards\">");
        foreach (var (key, value) in OverviewFacts(scan)) Card(page, key, value);
        page.Line("</div><div class=\"grid\">");
        if (scan.Scripts.Count > 0)
        {
            var rows = scan.Scripts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => (p.Key, (double)p.Value, $"{SafeText.Count(p.Value)} ({SafeText.Percent(p.Value, scan.Rows)})", false)).ToList();
            Figure(page, Chart.Bars("Script mix (script model)", "documents", rows, 460), "The script model's label per document.");
        }
        else page.Line("<p class=\"muted\">No script mix: the audit ran without models (--no-model).</p>");
        int quality = IndexOf(scan.ValueColumns, ScoreColumns.QualityScore);
        if (quality >= 0)
        {
            var rules = scan.Rules.Where(r => r.Signal == ScoreColumns.QualityScore).ToList();
            Figure(page, Chart.Histogram("Quality-score distribution", "quality_score (the quality model's P(good))", scan.Histograms[quality], rules),
                "Hatched bins are below the quality model's threshold (dropped as low_quality_score).");
        }
        page.Line("</div></section>");
    }

    /// <summary>The overview numbers, shared by the page's cards and report.md's table.</summary>
    internal static IEnumerable<(string Key, string Value)> OverviewFacts(ScanResult scan)
    {
        yield return ("documents", SafeText.Count(scan.Rows));
        yield return ("characters (code points)", SafeText.Count((long)scan.Chars));
        yield return ("words (jieba tokens)", SafeText.Count((long)scan.Words));
        if (scan.HasDedup)
        {
            yield return ("exact duplicates", $"{SafeText.Count(scan.ExactDuplicates)} ({SafeText.Percent(scan.ExactDuplicates, scan.Rows)})");
            yield return ("near duplicates", $"{SafeText.Count(scan.NearDuplicates)} ({SafeText.Percent(scan.NearDuplicates, scan.Rows)})");
        }
        yield return ("kept documents", $"{SafeText.Count(scan.KeptDocs)} ({SafeText.Percent(scan.KeptDocs, scan.Rows)})");
        yield return ("kept characters", Share(scan.KeptChars, scan.Chars));
    }

    private static void Funnel(PageWriter page, ReportModel m)
    {
        var scan = m.Scan;
        page.Line("<section id=\"funnel\"><h2>2. The funnel</h2>");
        page.Line("<p class=\"small muted\">Each document is charged to the first stage it fails, in this order; a stage's removed count is of the documents that reached it.</p>");
        var rows = new List<IReadOnlyList<Cell>> { new[] { (Cell)"raw", Cell.Num(0, "–"), Cell.Num(scan.Rows, SafeText.Count(scan.Rows)), Cell.Num(100, "100.0%"), Cell.Num(scan.Chars, SafeText.Count((long)scan.Chars)), Cell.Num(100, "100.0%") } };
        long docs = scan.Rows;
        double chars = scan.Chars;
        var bars = new List<(string, double, string, bool)> { ("raw", scan.Rows, SafeText.Count(scan.Rows), false) };
        for (int s = 0; s < 4; s++)
        {
            if (s < 2 && !scan.HasDedup) continue;
            if (s == 3 && !scan.HasModels) continue;
            docs -= scan.StageDocs[s];
            chars -= scan.StageChars[s];
            rows.Add([StageNames[s], Cell.Num(scan.StageDocs[s], SafeText.Count(scan.StageDocs[s])), Cell.Num(docs, SafeText.Count(docs)),
                Cell.Num(docs * 100.0 / Math.Max(1, scan.Rows), SafeText.Percent(docs, scan.Rows)), Cell.Num(chars, SafeText.Count((long)chars)),
                Cell.Num(chars * 100 / Math.Max(1, scan.Chars), Share(chars, scan.Chars))]);
            bars.Add(("after " + StageNames[s], docs, $"{SafeText.Count(docs)} ({SafeText.Percent(docs, scan.Rows)}), −{SafeText.Count(scan.StageDocs[s])}", false));
        }
        page.Append(Table(["stage", "removed documents", "documents left", "share of documents", "characters left", "share of characters"], rows, "funnel", "funnel-table"));
        page.Append("<div class=\"grid\">");
        Figure(page, Chart.Bars("Documents left after each stage", "documents", bars, 620), "Raw input, then each stage; the label gives the documents left and the documents the stage removed.");
        page.Line("</div></section>");
    }

    private static void Signals(PageWriter page, ReportModel m)
    {
        var scan = m.Scan;
        page.Line("<section id=\"signals\"><h2>3. Every signal, by family</h2>");
        page.Line("<p class=\"legend-box\"><span class=\"swatch keep\"></span> kept by the rule &nbsp; <span class=\"swatch\"></span> hatched: dropped by the rule (dashed line: the threshold); the bar marked \"more\" counts the values above the 99th percentile.</p>");
        var registry = SignalRegistry.Default;
        foreach (var family in Enum.GetValues<SignalFamily>())
        {
            var signals = registry.Signals.Where(s => s.Family == family).ToList();
            if (signals.Count == 0) continue;
            page.Append("<h3>").Text(family.ToString()).Line("</h3><div class=\"grid\">");
            foreach (var signal in signals) SignalFigure(page, scan, signal.Name, signal.Description);
            page.Line("</div>");
        }
        if (scan.HasModels)
        {
            page.Line("<h3>Models</h3><div class=\"grid\">");
            SignalFigure(page, scan, ScoreColumns.QualityScore, "The quality model's score.");
            SignalFigure(page, scan, ScoreColumns.ScriptConfidence, "The script model's probability of its label.");
            page.Line("</div>");
        }
        page.Line("</section>");
    }

    private static void SignalFigure(PageWriter page, ScanResult scan, string name, string description)
    {
        int column = IndexOf(scan.ValueColumns, name);
        var rules = scan.Rules.Where(r => r.Signal == name).ToList();
        var h = scan.Histograms[column];
        string caption = description;
        foreach (var rule in rules)
            caption += $" Rule {(rule.Bound == RuleBound.Min ? "≥" : "≤")} {SafeText.Pretty(rule.Threshold)} ({rule.Reason}) removes {SafeText.Count(scan.RuleFails[rule.Index])} documents ({SafeText.Percent(scan.RuleFails[rule.Index], scan.Rows)}).";
        if (rules.Count == 0) caption += " No rule.";
        page.Append("<figure id=\"sig-").Text(name).Append("\">").Append(Chart.Histogram(name, name, h, rules)).Append("<figcaption>").Text(caption).Line("</figcaption></figure>");
    }

    private static void Card(PageWriter page, string key, string value) =>
        page.Append("<div class=\"card\"><div class=\"v\">").Text(value).Append("</div><div class=\"k\">").Text(key).Line("</div></div>");

    internal static void Figure(PageWriter page, string svg, string caption) =>
        page.Append("<figure>").Append(svg).Append("<figcaption>").Text(caption).Line("</figcaption></figure>");

    internal static int IndexOf(IReadOnlyList<string> columns, string name)
    {
        for (int i = 0; i < columns.Count; i++)
            if (columns[i] == name) return i;
        return -1;
    }
}
