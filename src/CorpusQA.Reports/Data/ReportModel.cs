using CorpusQA.Core.Rules;

namespace CorpusQA.Reports.Data;

/// <summary>One audited corpus, read back: its summary.json, one scan of its signals.parquet and its samples.json.</summary>
public sealed class ReportModel
{
    public required string Name { get; init; }

    public required string Directory { get; init; }

    public required AuditSummary Summary { get; init; }

    public required ScanResult Scan { get; init; }

    public required RuleSet RuleSet { get; init; }

    /// <summary>Null when the audit wrote no samples.json.</summary>
    public SnippetSamples? Samples { get; init; }

    public const string SignalsFile = "signals.parquet", SummaryFile = "summary.json";

    /// <summary>
    /// Reads DIR: summary.json (required), signals.parquet (required), samples.json (optional). The rules are the
    /// ones the caller resolved from the summary (the audit's, or a replay's), so the report shows the verdicts that
    /// <c>corpusqa rules apply</c> would compute.
    /// </summary>
    public static async Task<ReportModel> LoadAsync(string directory, RuleSet rules, ScanOptions? options = null, CancellationToken ct = default)
    {
        var summary = AuditSummary.Read(Path.Combine(directory, SummaryFile));
        var samples = SnippetSamples.TryRead(Path.Combine(directory, SnippetSamples.FileName));
        var named = summary.SamplePairs.SelectMany(p => new[] { p.Doc, p.Keeper }).ToList();
        var scan = await SignalScan.ScanAsync(Path.Combine(directory, SignalsFile), rules, summary, options, named, ct).ConfigureAwait(false);
        string full = Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar);
        return new ReportModel { Name = Path.GetFileName(full), Directory = directory, Summary = summary, Scan = scan, RuleSet = rules, Samples = samples };
    }

}
