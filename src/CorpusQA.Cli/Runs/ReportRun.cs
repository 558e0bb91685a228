using CorpusQA.Core.Rules;
using CorpusQA.Reports;

namespace CorpusQA.Cli.Runs;

/// <summary>
/// <c>corpusqa report</c> and <c>corpusqa compare</c>: the rule set an audit folder records (as <c>rules apply</c>
/// resolves it: the recorded rule file or the defaults, plus the quality model's recorded threshold), handed to the
/// report stage; file-system failures on output become <see cref="OutputException"/>.
/// </summary>
internal static class ReportRun
{
    /// <summary>The rules the summary.json in <paramref name="directory"/> records (exactly what a replay without --config applies).</summary>
    public static RuleSet RecordedRules(string directory)
    {
        var recorded = RecordedAudit.Read(Path.Combine(directory, RulesReplay.SummaryFile));
        return AuditRun.WithQualityRule(RulesReplay.LoadRules(null, recorded), recorded.QualityThreshold, recorded.QualityModel);
    }

    public static async Task<IReadOnlyList<string>> WriteAsync(string directory, RuleSet? rules, CancellationToken ct)
    {
        rules ??= RecordedRules(directory);
        try
        {
            return await ReportBuilder.WriteAsync(directory, rules, ct: ct);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OutputException($"{directory}: {ex.Message}", ex);
        }
    }

    public static async Task<string> CompareAsync(IReadOnlyList<string> directories, string outPath, CompareFormat format, CancellationToken ct)
    {
        var corpora = directories.Select(d => (d, RecordedRules(d))).ToList();
        string text = await ReportBuilder.CompareAsync(corpora, format, ct);
        return await OutputFiles.WriteAsync(outPath, async stream =>
        {
            await using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
            await writer.WriteAsync(text);
        });
    }
}
