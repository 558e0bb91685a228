using CorpusQA.Core.Rules;
using CorpusQA.IO.Writers;
using CorpusQA.Reports.Data;
using CorpusQA.Reports.Html;
using CorpusQA.Reports.Markdown;

namespace CorpusQA.Reports;

/// <summary>Output format of a comparison.</summary>
public enum CompareFormat
{
    Html,
    Md,
}

/// <summary>
/// The report stage: an audit's folder (signals.parquet, summary.json, optional samples.json) in, report.html and
/// report.md out, written atomically. Reads no corpus; the same files give the same bytes.
/// </summary>
public static class ReportBuilder
{
    public const string HtmlFile = "report.html", MarkdownFile = "report.md";

    /// <summary>The two reports of the audit in <paramref name="directory"/>, rendered in memory.</summary>
    public static async Task<(string Html, string Markdown, ReportModel Model)> RenderAsync(string directory, RuleSet rules, ScanOptions? options = null, CancellationToken ct = default)
    {
        var model = await ReportModel.LoadAsync(directory, rules, options, ct).ConfigureAwait(false);
        return (ReportPage.Render(model), MarkdownReport.Render(model), model);
    }

    /// <summary>Writes DIR/report.html and DIR/report.md (atomically) and returns their paths.</summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(string directory, RuleSet rules, ScanOptions? options = null, CancellationToken ct = default)
    {
        var (html, markdown, _) = await RenderAsync(directory, rules, options, ct).ConfigureAwait(false);
        return [await WriteTextAsync(Path.Combine(directory, HtmlFile), html).ConfigureAwait(false),
                await WriteTextAsync(Path.Combine(directory, MarkdownFile), markdown).ConfigureAwait(false)];
    }

    /// <summary>
    /// Several audits side by side. Each corpus is scanned with histogram ranges shared by all (the union of their
    /// summary.json ranges), so that the distributions overlay bin for bin.
    /// </summary>
    public static async Task<string> CompareAsync(IReadOnlyList<(string Directory, RuleSet Rules)> corpora, CompareFormat format, CancellationToken ct = default)
    {
        var summaries = corpora.Select(c => AuditSummary.Read(Path.Combine(c.Directory, ReportModel.SummaryFile))).ToList();
        var ranges = new Dictionary<string, (double, double)>(StringComparer.Ordinal);
        var options = new ScanOptions
        {
            WhatIfRows = 0,
            Ranges = column =>
            {
                if (!ranges.TryGetValue(column, out var range))
                    ranges[column] = range = Histogram.Union(summaries.Select((s, i) => Histogram.Range(s.Signal(column),
                        corpora[i].Rules.Rules.Where(r => r.Signal == column).Select(r => r.Threshold))));
                return range;
            },
        };
        var models = new List<ReportModel>();
        foreach (var (directory, rules) in corpora) models.Add(await ReportModel.LoadAsync(directory, rules, options, ct).ConfigureAwait(false));
        return format == CompareFormat.Md ? ComparePage.Markdown(models) : ComparePage.Html(models);
    }

    /// <summary>UTF-8 without a byte-order mark, renamed into place when complete.</summary>
    public static async Task<string> WriteTextAsync(string path, string text)
    {
        await using var file = new AtomicFile(path);
        await using (var writer = new StreamWriter(file.Stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true))
        {
            await writer.WriteAsync(text).ConfigureAwait(false);
        }
        return await file.CommitAsync().ConfigureAwait(false);
    }
}
