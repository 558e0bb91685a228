using System.Text;
using CorpusQA.Core.Rules;
using CorpusQA.Core.Signals;
using CorpusQA.Reports.Data;
using CorpusQA.Reports.Markdown;
using static CorpusQA.Reports.Html.HtmlTable;
using Chart = CorpusQA.Reports.Charts.Charts;

namespace CorpusQA.Reports.Html;

/// <summary><c>corpusqa compare</c>: several audited corpora side by side, their distributions over shared bins.</summary>
internal static class ComparePage
{
    public static string Html(IReadOnlyList<ReportModel> models)
    {
        var page = new PageWriter();
        page.Line("<header><h1>CorpusQA comparison</h1>");
        page.Append("<p class=\"headline\" id=\"headline\">");
        foreach (var m in models)
            page.Append("<bdi>").Text(m.Name).Append("</bdi>: <strong>").Text(SafeText.Percent(m.Scan.KeptDocs, m.Scan.Rows)).Append("</strong> kept &nbsp; ");
        page.Line("</p><nav><a href=\"#overview\">Overview</a><a href=\"#funnel\">Funnels</a><a href=\"#reasons\">Drop reasons</a><a href=\"#scripts\">Script mix</a><a href=\"#signals\">Signals</a><a href=\"#run\">Runs</a></nav></header>");
        string[] names = [.. models.Select(m => m.Name)];

        page.Line("<section id=\"overview\"><h2>Overview</h2>");
        page.Append(Table(["", .. names], Overview(models).Select(r => (IReadOnlyList<Cell>)[r.Key, .. r.Values.Select(v => (Cell)v)]), "cmp", "overview-table"));
        page.Line("<div class=\"grid\">");
        foreach (var name in new[] { ScoreColumns.QualityScore, "han_ratio", "char_perplexity" })
            if (models.All(m => ReportPage.IndexOf(m.Scan.ValueColumns, name) >= 0)) Overlay(page, models, name);
        page.Line("</div>");
        page.Line("</section><section id=\"funnel\"><h2>Funnels</h2><p class=\"small muted\">Share of each corpus's documents (and characters) left after each stage.</p>");
        page.Append(Table(["stage", .. names.SelectMany(n => new[] { n + " documents", n + " characters" })],
            FunnelRows(models).Select(r => (IReadOnlyList<Cell>)[r.Stage, .. r.Cells]), "cmp", "funnel-table"));
        page.Line("</section><section id=\"reasons\"><h2>Drop reasons</h2>");
        var reasons = models.SelectMany(m => m.Scan.ReasonCounts.Keys).Distinct().OrderBy(r => -models.Max(m => Share(m, r))).ThenBy(r => r, StringComparer.Ordinal).ToList();
        page.Append(Table(["reason", .. names], reasons.Select(r => (IReadOnlyList<Cell>)[r, .. models.Select(m => Cell.Num(Share(m, r), SafeText.Percent(m.Scan.ReasonCounts.GetValueOrDefault(r), m.Scan.Rows)))]),
            id: "reason-table", caption: "Share of each corpus's documents dropped for the reason."));
        page.Line("</section><section id=\"scripts\"><h2>Script mix</h2>");
        var scripts = models.SelectMany(m => m.Scan.Scripts.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        if (scripts.Count == 0) page.Line("<p class=\"muted\">No script model ran.</p>");
        else page.Append(Table(["script", .. names], scripts.Select(s => (IReadOnlyList<Cell>)[s, .. models.Select(m => Cell.Num(m.Scan.Scripts.GetValueOrDefault(s), SafeText.Percent(m.Scan.Scripts.GetValueOrDefault(s), m.Scan.Rows)))]), id: "script-table"));
        page.Line("</section><section id=\"signals\"><h2>Signal distributions</h2><p class=\"legend-box\">Share of each corpus's documents per bin, over bins shared by all corpora; the dashed vertical lines are the first corpus's thresholds; \"more\" is above the largest 99th percentile.</p>");
        var families = SignalRegistry.Default.Signals.GroupBy(s => s.Family).Select(g => (g.Key.ToString(), g.Select(s => s.Name).ToList())).ToList();
        if (models.All(m => m.Scan.HasModels)) families.Insert(0, ("Models", [ScoreColumns.QualityScore, ScoreColumns.ScriptConfidence]));
        foreach (var (family, signals) in families)
        {
            page.Append("<h3>").Text(family).Line("</h3><div class=\"grid\">");
            foreach (var name in signals) Overlay(page, models, name);
            page.Line("</div>");
        }
        page.Line("</section><section id=\"run\"><h2>Runs</h2>");
        page.Append(Table(["corpus", "folder", "inputs", "rule set", "tool", "started (UTC)"], models.Select(m => (IReadOnlyList<Cell>)[m.Name, m.Directory,
            Cell.Raw(string.Join("<br>", m.Summary.Inputs.Select(i => "<bdi>" + SafeText.Html(i) + "</bdi>"))), $"{m.Summary.Rules ?? "default"} ({m.RuleSet.ConfigHash[..12]}…)", m.Summary.Tool, m.Summary.StartedUtc ?? "not recorded"]), id: "run-table"));
        page.Line("</section>");
        return page.Render("CorpusQA comparison: " + string.Join(" vs ", names), null);
    }

    private static void Overlay(PageWriter page, IReadOnlyList<ReportModel> models, string name)
    {
        var series = models.Select(m => (m.Name, m.Scan.Histograms[ReportPage.IndexOf(m.Scan.ValueColumns, name)])).ToList();
        page.Append("<figure>").Append(Chart.Overlay(name, name, series, models[0].Scan.Rules.Where(r => r.Signal == name).ToList())).Line("</figure>");
    }

    public static string Markdown(IReadOnlyList<ReportModel> models)
    {
        var b = new StringBuilder("# CorpusQA comparison\n\n");
        string[] names = [.. models.Select(m => MarkdownReport.Escape(m.Name))];
        MdTable(b, ["", .. names], Overview(models).Select(r => new[] { r.Key }.Concat(r.Values).ToArray()));
        b.Append("## Funnels (share of documents left)\n\n");
        MdTable(b, ["stage", .. names], FunnelRows(models).Select(r => new[] { r.Stage }.Concat(r.Cells.Where((_, i) => i % 2 == 0).Select(c => c.Html)).ToArray()));
        b.Append("## Top drop reasons (share of documents)\n\n");
        var reasons = models.SelectMany(m => m.Scan.ReasonCounts.Keys).Distinct().OrderBy(r => -models.Max(m => Share(m, r))).ThenBy(r => r, StringComparer.Ordinal).Take(15);
        MdTable(b, ["reason", .. names], reasons.Select(r => new[] { MarkdownReport.Escape(r) }.Concat(models.Select(m => SafeText.Percent(m.Scan.ReasonCounts.GetValueOrDefault(r), m.Scan.Rows))).ToArray()));
        return b.ToString();
    }

    private static void MdTable(StringBuilder b, string[] headers, IEnumerable<string[]> rows)
    {
        b.Append("| ").Append(string.Join(" | ", headers)).Append(" |\n|").Append(string.Concat(headers.Select((_, i) => i == 0 ? "---|" : "---:|"))).Append('\n');
        foreach (var row in rows) b.Append("| ").Append(string.Join(" | ", row)).Append(" |\n");
        b.Append('\n');
    }

    private static double Share(ReportModel m, string reason) => m.Scan.Rows == 0 ? 0 : (double)m.Scan.ReasonCounts.GetValueOrDefault(reason) / m.Scan.Rows;

    private static IEnumerable<(string Key, string[] Values)> Overview(IReadOnlyList<ReportModel> models)
    {
        yield return ("documents", [.. models.Select(m => SafeText.Count(m.Scan.Rows))]);
        yield return ("characters (code points)", [.. models.Select(m => SafeText.Count((long)m.Scan.Chars))]);
        yield return ("words (jieba tokens)", [.. models.Select(m => SafeText.Count((long)m.Scan.Words))]);
        yield return ("kept documents", [.. models.Select(m => $"{SafeText.Count(m.Scan.KeptDocs)} ({SafeText.Percent(m.Scan.KeptDocs, m.Scan.Rows)})")]);
        yield return ("kept characters", [.. models.Select(m => ReportPage.Share(m.Scan.KeptChars, m.Scan.Chars))]);
        yield return ("exact duplicates", [.. models.Select(m => m.Scan.HasDedup ? SafeText.Percent(m.Scan.ExactDuplicates, m.Scan.Rows) : "–")]);
        yield return ("near duplicates", [.. models.Select(m => m.Scan.HasDedup ? SafeText.Percent(m.Scan.NearDuplicates, m.Scan.Rows) : "–")]);
        yield return ("median quality_score", [.. models.Select(m => m.Summary.Signal(ScoreColumns.QualityScore)?.Percentiles.GetValueOrDefault("p50") is { } q ? SafeText.Pretty(q) : "–")]);
    }

    private static IEnumerable<(string Stage, Cell[] Cells)> FunnelRows(IReadOnlyList<ReportModel> models)
    {
        var docs = models.Select(m => m.Scan.Rows).ToArray();
        var chars = models.Select(m => m.Scan.Chars).ToArray();
        yield return ("raw", [.. models.SelectMany(m => new[] { Cell.Num(100, "100.0%"), Cell.Num(100, "100.0%") })]);
        for (int s = 0; s < 4; s++)
        {
            var cells = new List<Cell>();
            for (int i = 0; i < models.Count; i++)
            {
                var scan = models[i].Scan;
                docs[i] -= scan.StageDocs[s];
                chars[i] -= scan.StageChars[s];
                cells.Add(Cell.Num(docs[i], SafeText.Percent(docs[i], scan.Rows)));
                cells.Add(Cell.Num(chars[i], ReportPage.Share(chars[i], scan.Chars)));
            }
            yield return ("after " + ReportPage.StageNames[s], [.. cells]);
        }
    }
}
