using System.Text;
using CorpusQA.Reports.Data;
using CorpusQA.Reports.Html;

namespace CorpusQA.Reports.Markdown;

/// <summary>report.md: the overview, the funnel and the top reasons, for pull requests and terminals.</summary>
internal static class MarkdownReport
{
    public static string Render(ReportModel m)
    {
        var b = new StringBuilder();
        var scan = m.Scan;
        b.Append("# CorpusQA report: ").Append(Escape(m.Name)).Append("\n\n");
        b.Append("**").Append(SafeText.Percent(scan.KeptDocs, scan.Rows)).Append("** of the documents and **").Append(ReportPage.Share(scan.KeptChars, scan.Chars))
            .Append("** of the characters pass every stage (").Append(SafeText.Count(scan.KeptDocs)).Append(" of ").Append(SafeText.Count(scan.Rows)).Append(" documents).\n\n");
        b.Append("## Overview\n\n| | |\n|---|---:|\n");
        foreach (var (key, value) in ReportPage.OverviewFacts(scan)) Row(b, key, value);
        foreach (var (script, count) in scan.Scripts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
            Row(b, "script " + script, $"{SafeText.Count(count)} ({SafeText.Percent(count, scan.Rows)})");
        b.Append('\n');
        Funnel(b, scan);
        b.Append("## Top drop reasons\n\n");
        if (scan.ReasonCounts.Count == 0) b.Append("No document was dropped.\n");
        else
        {
            b.Append("| reason | documents | share | only this reason |\n|---|---:|---:|---:|\n");
            foreach (var (reason, count) in scan.ReasonCounts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(15))
                b.Append("| ").Append(Escape(reason)).Append(" | ").Append(SafeText.Count(count)).Append(" | ").Append(SafeText.Percent(count, scan.Rows))
                    .Append(" | ").Append(SafeText.Count(scan.ReasonOnly.GetValueOrDefault(reason))).Append(" |\n");
        }
        b.Append("\nRule set ").Append(Escape(m.Summary.Rules ?? "default")).Append(" (sha256 `").Append(m.RuleSet.ConfigHash[..12]).Append("…`); ")
            .Append(Escape(m.Summary.Tool)).Append(m.Summary.StartedUtc is { } t ? ", started " + t : "").Append(". Details, charts and what-if: report.html.\n");
        return b.ToString();
    }

    public static void Funnel(StringBuilder b, ScanResult scan)
    {
        b.Append("## Funnel\n\n| stage | removed | documents left | share | characters left | share |\n|---|---:|---:|---:|---:|---:|\n");
        b.Append("| raw | | ").Append(SafeText.Count(scan.Rows)).Append(" | 100.0% | ").Append(SafeText.Count((long)scan.Chars)).Append(" | 100.0% |\n");
        long docs = scan.Rows;
        double chars = scan.Chars;
        for (int s = 0; s < 4; s++)
        {
            if (s < 2 && !scan.HasDedup || s == 3 && !scan.HasModels) continue;
            docs -= scan.StageDocs[s];
            chars -= scan.StageChars[s];
            b.Append("| ").Append(ReportPage.StageNames[s]).Append(" | ").Append(SafeText.Count(scan.StageDocs[s])).Append(" | ").Append(SafeText.Count(docs))
                .Append(" | ").Append(SafeText.Percent(docs, scan.Rows)).Append(" | ").Append(SafeText.Count((long)chars)).Append(" | ").Append(ReportPage.Share(chars, scan.Chars)).Append(" |\n");
        }
        b.Append('\n');
    }

    private static void Row(StringBuilder b, string key, string value) => b.Append("| ").Append(key).Append(" | ").Append(value).Append(" |\n");

    /// <summary>Text for a Markdown table cell: no pipes, no HTML, no line breaks.</summary>
    public static string Escape(string text)
    {
        var s = SafeText.ReplaceLoneSurrogates(text).Replace("\r", " ").Replace("\n", " ");
        var b = new StringBuilder(s.Length);
        foreach (char c in s)
        {
            if (c is '|' or '<' or '>' or '*' or '`' or '[' or ']' or '\\') b.Append('\\');
            b.Append(c);
        }
        return b.ToString();
    }
}
