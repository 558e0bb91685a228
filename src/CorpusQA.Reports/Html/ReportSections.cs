using System.Text.Json;
using CorpusQA.Core.Rules;
using CorpusQA.Reports.Data;
using static CorpusQA.Reports.Html.HtmlTable;
using Chart = CorpusQA.Reports.Charts.Charts;

namespace CorpusQA.Reports.Html;

internal static partial class ReportPage
{
    /// <summary>Characters of a snippet shown in the page.</summary>
    public const int SnippetChars = 600;

    private static void Reasons(PageWriter page, ReportModel m)
    {
        var scan = m.Scan;
        page.Line("<section id=\"reasons\"><h2>4. Why documents were dropped</h2>");
        var reasons = scan.ReasonCounts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key).ToList();
        if (reasons.Count == 0)
        {
            page.Line("<p>No document was dropped.</p></section>");
            return;
        }
        page.Append(Table(["reason", "documents", "share of documents", "only this reason", "rules"],
            reasons.Select(r => (IReadOnlyList<Cell>)[r, Cell.Num(scan.ReasonCounts[r], SafeText.Count(scan.ReasonCounts[r])),
                Cell.Num(scan.ReasonCounts[r] * 1.0 / scan.Rows, SafeText.Percent(scan.ReasonCounts[r], scan.Rows)),
                Cell.Num(scan.ReasonOnly.GetValueOrDefault(r), SafeText.Count(scan.ReasonOnly.GetValueOrDefault(r))), RuleText(scan, r)]),
            id: "reason-table", caption: "A document with several reasons counts once under each."));

        var top = reasons.Take(12).ToList();
        page.Line("<h3>Overlap between reasons</h3><p class=\"small muted\">Documents dropped for both the row's and the column's reason; the diagonal is the reason's total.</p>");
        page.Append(Table(["reason", .. top.Select((r, i) => $"{i + 1}")],
            top.Select((a, i) => (IReadOnlyList<Cell>)[$"{i + 1}. {a}", .. top.Select(b => Cell.Num(a == b ? scan.ReasonCounts[a] : scan.Pairs(a, b), SafeText.Count(a == b ? scan.ReasonCounts[a] : scan.Pairs(a, b))))]),
            cls: "cooc", id: "cooc-table"));

        page.Line("<h3>Examples</h3>");
        if (m.Samples is null)
        {
            page.Line("<p class=\"muted\">No samples.json beside signals.parquet, so no example texts (corpusqa audit writes it).</p></section>");
            return;
        }
        page.Line("<p class=\"small muted\">From samples.json (chosen by the audit's rules): the documents furthest beyond a threshold (worst) and nearest to it (borderline), texts cut to " + SnippetChars + " characters.</p>");
        foreach (var reason in reasons)
        {
            var worst = m.Samples.Worst.GetValueOrDefault(reason);
            if (worst is null || worst.Count == 0) continue;
            page.Append("<details class=\"examples\"><summary><bdi>").Text(reason).Append("</bdi> (").Text(SafeText.Count(scan.ReasonCounts[reason])).Line(" documents)</summary>");
            page.Line("<h4>Worst</h4>");
            foreach (var s in worst) Snippet(page, s);
            page.Line("<h4>Borderline</h4>");
            foreach (var s in m.Samples.Borderline.GetValueOrDefault(reason) ?? []) Snippet(page, s);
            page.Line("</details>");
        }
        page.Line("</section>");
    }

    private static string RuleText(ScanResult scan, string reason) => string.Join("; ", scan.Rules.Where(r => r.Reason == reason)
        .Select(r => $"{r.Signal} {(r.Bound == RuleBound.Min ? "≥" : "≤")} {SafeText.Pretty(r.Threshold)}"));

    internal static void Snippet(PageWriter page, Snippet s)
    {
        page.Append("<div class=\"snip\"><div class=\"meta\">doc <bdi>").Text(s.DocId).Append("</bdi> · <bdi>").Text(s.SourceFile).Append("</bdi> row ")
            .Text(SafeText.Count(s.RowIndex)).Append(" · ").Text(SafeText.Count(s.Chars)).Append(" characters");
        if (s.Signal is not null) page.Append(" · ").Text($"{s.Signal} = {SafeText.Pretty(s.Value)}");
        page.Append("</div><pre class=\"text\">").Text(SafeText.Cut(s.Text, SnippetChars)).Line("</pre></div>");
    }

    private static void Duplicates(PageWriter page, ReportModel m)
    {
        var scan = m.Scan;
        page.Line("<section id=\"duplicates\"><h2>5. Duplicates</h2>");
        if (!scan.HasDedup)
        {
            page.Line("<p class=\"muted\">The audit ran with --no-dedup.</p></section>");
            return;
        }
        var dedup = m.Summary.Dedup;
        page.Append("<p>").Text($"{SafeText.Count(scan.ExactDuplicates)} exact and {SafeText.Count(scan.NearDuplicates)} near duplicates " +
            $"({SafeText.Percent(scan.ExactDuplicates + scan.NearDuplicates, scan.Rows)} of the documents) in {SafeText.Count(scan.ClusterSizes.Where(p => p.Key > 1).Sum(p => p.Value))} clusters");
        if (dedup is { } d) page.Text($"; MinHash LSH at Jaccard {AuditSummary.Double(d, "threshold")}, {AuditSummary.Long(d, "bands")} bands × {AuditSummary.Long(d, "rows")} rows, {AuditSummary.String(d, "shingle")} {AuditSummary.Long(d, "ngram")}-grams");
        page.Line(".</p><div class=\"grid\">");
        var buckets = new (string Label, int Lo, int Hi)[] { ("1 (unique)", 1, 1), ("2", 2, 2), ("3", 3, 3), ("4–5", 4, 5), ("6–10", 6, 10), ("11–100", 11, 100), ("101–1,000", 101, 1000), ("> 1,000", 1001, int.MaxValue) };
        var bars = buckets.Select(b => (b.Label, (double)scan.ClusterSizes.Where(p => p.Key >= b.Lo && p.Key <= b.Hi).Sum(p => p.Value), "", false))
            .Select(b => (b.Label, b.Item2, SafeText.Count((long)b.Item2), false)).ToList();
        Figure(page, Chart.Bars("Cluster sizes", "clusters", bars, 460), "Clusters by number of members (exact copies included).");
        page.Line("</div>");
        if (scan.LargestClusters.Count > 0)
        {
            page.Line("<h3>Largest clusters</h3>");
            page.Append(Table(["cluster (doc_index)", "members", "smallest member's doc_id", "source file", "oversized"],
                scan.LargestClusters.Select(c => (IReadOnlyList<Cell>)[Cell.Num(c.ClusterId, c.ClusterId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    Cell.Num(c.Size, SafeText.Count(c.Size)), Cell.Raw("<bdi>" + SafeText.Html(c.DocId) + "</bdi>"), Cell.Raw("<bdi>" + SafeText.Html(c.SourceFile) + "</bdi>"), c.Oversized ? "yes" : "no"]),
                id: "cluster-table"));
        }
        var pairs = m.Summary.SamplePairs;
        if (pairs.Count > 0)
        {
            page.Line("<h3>Sample pairs</h3>");
            page.Append(Table(["duplicate", "keeper", "estimated Jaccard", "true Jaccard"],
                pairs.Select(p => (IReadOnlyList<Cell>)[Cell.Raw(DocLabel(scan, p.Doc)), Cell.Raw(DocLabel(scan, p.Keeper)),
                    Cell.Num(p.Estimated, SafeText.Pretty(p.Estimated)), Cell.Num(double.IsNaN(p.True) ? -1 : p.True, double.IsNaN(p.True) ? "–" : SafeText.Pretty(p.True))]),
                id: "pair-table"));
            int shown = 0;
            foreach (var p in pairs)
            {
                if (m.Samples is null || !m.Samples.Docs.TryGetValue(p.Doc, out var a) || !m.Samples.Docs.TryGetValue(p.Keeper, out var b)) continue;
                page.Append(shown == 0 ? "<details class=\"pairview\" open>" : "<details class=\"pairview\">").Append("<summary>Side by side: ")
                    .Text($"doc {p.Doc} and keeper {p.Keeper} (estimated {SafeText.Pretty(p.Estimated)}, true {(double.IsNaN(p.True) ? "–" : SafeText.Pretty(p.True))})")
                    .Append("</summary><div class=\"pair\"><div>");
                Snippet(page, a);
                page.Append("</div><div>");
                Snippet(page, b);
                page.Line("</div></div></details>");
                if (++shown == 10) break;
            }
        }
        page.Line("</section>");
    }

    private static string DocLabel(ScanResult scan, long index) =>
        scan.Named.TryGetValue(index, out var id)
            ? $"<bdi>{SafeText.Html(id.DocId)}</bdi> <span class=\"small muted\">(#{index}, <bdi>{SafeText.Html(id.SourceFile)}</bdi> row {id.RowIndex})</span>"
            : $"#{index}";

    private static void WhatIf(PageWriter page, ReportModel m)
    {
        var scan = m.Scan;
        var sample = scan.Sample!;
        page.Line("<section id=\"whatif\"><h2>6. What-if</h2>");
        page.Append("<p>").Text(sample.DocIndex.Length == scan.Rows
            ? $"All {SafeText.Count(scan.Rows)} documents are in the page: the counts below are exact and equal what corpusqa rules apply computes with the exported rules."
            : $"A seeded uniform sample of {SafeText.Count(sample.DocIndex.Length)} of the {SafeText.Count(scan.Rows)} documents is in the page: the shares below estimate the corpus's; corpusqa rules apply gives exact counts.")
            .Line(" Edit a threshold or switch a rule off; the stored dedup verdicts stay as they are.</p>");
        page.Append("<p class=\"kept\" id=\"whatif-kept\">Kept: <strong class=\"k-docs\"></strong> documents (<strong class=\"k-share\"></strong>), <span class=\"k-chars\"></span> of the characters.</p>");
        var rows = new List<IReadOnlyList<Cell>>();
        foreach (var rule in scan.Rules)
        {
            string on = rule.Stage == FunnelStage.QualityModel
                ? "<span class=\"small muted\" title=\"rules apply adds the model's rule back when a rule file does not bound quality_score; set the threshold to 0 to keep every score\">always</span>"
                : $"<input type=\"checkbox\" id=\"on-{rule.Index}\" checked aria-label=\"rule {rule.Index} on\">";
            rows.Add([Cell.Num(rule.Index, rule.Index.ToString(System.Globalization.CultureInfo.InvariantCulture)), rule.Signal, rule.Bound == RuleBound.Min ? "min (keep ≥)" : "max (keep ≤)",
                Cell.Raw($"<input class=\"thr\" type=\"text\" inputmode=\"decimal\" id=\"thr-{rule.Index}\" value=\"{SafeText.Number(rule.Threshold)}\" aria-label=\"threshold of rule {rule.Index}\">"),
                Cell.Raw(on), rule.Reason, Cell.Raw($"<span id=\"fails-{rule.Index}\"></span>")]);
        }
        page.Append(Table(["#", "signal", "bound", "threshold", "on", "reason", "sampled documents failing"], rows, "whatif", "whatif-rules"));
        page.Line("<h3>Funnel with these rules (sampled documents)</h3>");
        page.Append("<table id=\"whatif-funnel\"><thead><tr><th>stage</th><th class=\"n\">removed</th><th class=\"n\">left</th><th class=\"n\">share of documents</th><th class=\"n\">share of characters</th></tr></thead><tbody>");
        for (int s = 0; s < 4; s++) page.Append($"<tr id=\"wf-{s}\"><td>{StageNames[s]}</td><td class=\"n\"></td><td class=\"n\"></td><td class=\"n\"></td><td class=\"n\"></td></tr>");
        page.Line("</tbody></table>");
        page.Line("<p><button type=\"button\" id=\"whatif-reset\">Reset to the audit's rules</button> <a id=\"whatif-download\" download=\"rules.json\" href=\"#\">Download rules.json</a></p>");
        page.Line("<p class=\"small muted\">The edited rule set, for <code>corpusqa rules apply DIR --config rules.json</code> or <code>corpusqa audit --config rules.json</code>:</p>");
        page.Line("<textarea id=\"whatif-json\" readonly aria-label=\"edited rule set JSON\"></textarea></section>");
    }

    private static void Run(PageWriter page, ReportModel m)
    {
        var s = m.Summary;
        var rows = new List<IReadOnlyList<Cell>>
        {
            new Cell[] { "tool", s.Tool },
            new Cell[] { "command", s.Command },
            new Cell[] { "inputs", Cell.Raw(string.Join("<br>", s.Inputs.Select(i => "<bdi>" + SafeText.Html(i) + "</bdi>"))) },
            new Cell[] { "rule set", $"{s.Rules ?? "default"} (sha256 {m.RuleSet.ConfigHash})" },
            new Cell[] { "models", s.QualityModel is null ? "none" : $"{s.QualityModel}, threshold {s.QualityThreshold}" },
            new Cell[] { "started (UTC)", s.StartedUtc ?? "not recorded" },
        };
        if (s.ElapsedSeconds is { } e && e > 0)
            rows.Add(["elapsed, throughput", $"{e:0.0} s, {s.Documents / e:0} documents/s, {s.Bytes / e / 1e6:0.00} MB/s"]);
        rows.Add(["documents, bytes", $"{SafeText.Count(s.Documents)}, {SafeText.Count(s.Bytes)}"]);
        page.Line("<section id=\"run\"><h2>7. The run</h2>");
        page.Append(Table(["", ""], rows, "run", "run-table"));
        page.Line("<details><summary>options as recorded</summary><pre class=\"text\">");
        page.Text(AuditSummary.Member(s.Run, "options") is { } o ? JsonSerializer.Serialize(o, new JsonSerializerOptions { WriteIndented = true }) : "{}");
        page.Line("</pre></details>");
        page.Append("<p class=\"small muted\">Generated by <code>corpusqa report</code> from <bdi>").Text(Path.GetFileName(m.Directory.TrimEnd('/')))
            .Line("</bdi>/signals.parquet and summary.json.</p></section>");
    }

    /// <summary>The what-if data block: the rules and the sampled rows' values, dedup verdicts and characters.</summary>
    private static string WhatIfJson(ReportModel m)
    {
        var scan = m.Scan;
        var sample = scan.Sample!;
        return SafeText.Json(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("rows", scan.Rows);
            w.WriteStartArray("rules");
            foreach (var rule in scan.Rules)
            {
                w.WriteStartObject();
                w.WriteString("signal", rule.Signal);
                w.WriteString("bound", rule.Bound == RuleBound.Min ? "min" : "max");
                w.WriteNumber("threshold", rule.Threshold);
                w.WriteString("text", SafeText.Number(rule.Threshold));
                w.WriteString("reason", rule.Reason);
                w.WriteString("source", SafeText.ReplaceLoneSurrogates(rule.Source));
                w.WriteNumber("stage", (int)rule.Stage);
                w.WriteNumber("column", IndexOf(sample.Columns, rule.Signal));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("columns");
            foreach (var c in sample.Columns) w.WriteStringValue(c);
            w.WriteEndArray();
            w.WriteStartArray("values");
            foreach (var column in sample.Values)
            {
                w.WriteStartArray();
                foreach (double v in column) Value(w, v);
                w.WriteEndArray();
            }
            w.WriteEndArray();
            w.WriteStartArray("dup");
            foreach (byte d in sample.Dup) w.WriteNumberValue(d);
            w.WriteEndArray();
            w.WriteStartArray("chars");
            foreach (double c in sample.Chars) Value(w, c);
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>A double as JSON: finite values in shortest round-trip form, NaN and infinities as strings JavaScript's Number() reads.</summary>
    private static void Value(Utf8JsonWriter w, double v)
    {
        if (double.IsFinite(v)) w.WriteNumberValue(v);
        else w.WriteStringValue(double.IsNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity");
    }
}
