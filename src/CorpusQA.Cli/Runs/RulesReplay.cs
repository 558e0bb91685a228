using CorpusQA.Cli.Faults;
using CorpusQA.Core.Dedup;
using CorpusQA.Core.Documents;
using CorpusQA.Core.Rules;
using CorpusQA.Core.Signals;
using CorpusQA.Core.Stats;
using CorpusQA.IO;

namespace CorpusQA.Cli.Runs;

/// <summary>What <c>corpusqa rules apply</c> was asked to do.</summary>
internal sealed record ReplaySettings
{
    /// <summary>The audit's output folder (signals.parquet, summary.json).</summary>
    public required string AuditDir { get; init; }

    /// <summary>Where verdicts.parquet and summary.json go (default: <see cref="AuditDir"/>).</summary>
    public string? OutDir { get; init; }

    /// <summary>Rule file; null replays the rule set summary.json records (the default rules when it records none).</summary>
    public string? ConfigPath { get; init; }
}

/// <summary>What a replay produced.</summary>
internal sealed record ReplayResult(CorpusSummary Summary, RuleSet Rules, string VerdictsPath, string SummaryPath);

/// <summary>
/// The replay stage: re-evaluates a rule set (and the quality model's rule) over the values an audit stored in
/// signals.parquet, keeping the audit's dedup verdicts (<c>exact_duplicate</c> / <c>near_duplicate</c> from
/// is_keeper and exact_dup_of, exactly as the audit derived them), and writes verdicts.parquet and a summary.json of
/// the same shape as the audit's. The corpus is not read. Files in, files out, atomic: running it twice gives the
/// same bytes.
/// </summary>
internal static class RulesReplay
{
    public const string VerdictsFile = "verdicts.parquet";
    public const string SignalsFile = "signals.parquet";
    public const string SummaryFile = "summary.json";
    public const string VerdictsRulesKey = "corpusqa.rules_sha256";

    /// <summary>verdicts.parquet: the row's identity and its verdict.</summary>
    public static IReadOnlyList<TableColumn> VerdictColumns { get; } =
    [
        .. AuditColumns.Identity,
        new(AuditColumns.Keep, TableColumnType.Bool),
        new(AuditColumns.DropReasons, TableColumnType.String),
    ];

    public static async Task<ReplayResult> RunAsync(ReplaySettings settings, TextWriter log, CancellationToken ct)
    {
        string signalsPath = Path.Combine(settings.AuditDir, SignalsFile);
        if (!File.Exists(signalsPath))
            throw new CorpusInputException(signalsPath, null, "not found: rules apply replays the signals.parquet that corpusqa audit writes");
        var recorded = RecordedAudit.Read(Path.Combine(settings.AuditDir, SummaryFile));
        var registry = SignalRegistry.Default;

        await using var table = await ResultTableReader.OpenAsync(signalsPath, ct).ConfigureAwait(false);
        CheckSchema(table, registry);
        bool models = table.HasColumn(ScoreColumns.QualityScore);
        bool dedup = table.HasColumn(AuditColumns.IsKeeper);
        if (models && recorded.QualityThreshold is null && !File.Exists(Path.Combine(settings.AuditDir, SummaryFile)))
            log.WriteLine("rules apply: no summary.json beside signals.parquet, so the quality model's threshold is unknown; bound quality_score in --config to use it");

        var rules = AuditAnalysis.WithQualityRule(LoadRules(settings.ConfigPath, recorded), models ? recorded.QualityThreshold : null, recorded.QualityModel);
        if (settings.ConfigPath is null && recorded.RulesSha256 is { } audited && audited != rules.ConfigHash)
            log.WriteLine($"rules apply: note: the rules recorded in summary.json hashed {audited[..12]}…, these hash {rules.ConfigHash[..12]}… (the rule file or the default rules changed since)");

        string[] valueColumns = [.. registry.Signals.Select(s => s.Name), .. models ? ScoreColumns.All : []];
        var summary = new CorpusSummary(valueColumns);
        string outDir = OutputFolder.Prepare(settings.OutDir ?? settings.AuditDir, null);
        await using var verdicts = await ParquetTableWriter.CreateAsync(Path.Combine(outDir, VerdictsFile), VerdictColumns,
            new ParquetTableWriterOptions { Metadata = new Dictionary<string, string> { [VerdictsRulesKey] = rules.ConfigHash } }, ct).ConfigureAwait(false);

        int charCount = registry.IndexOf("char_count"), byteCount = registry.IndexOf("byte_count");
        var columns = new double[valueColumns.Length][];
        var row = new double[valueColumns.Length];
        var reasons = new List<string>();
        long documents = 0;
        for (int g = 0; g < table.RowGroupCount; g++)
        {
            using var group = table.OpenRowGroup(g);
            int rows = group.RowCount;
            await group.ReadDoublesAsync(valueColumns, columns, ct).ConfigureAwait(false);
            var docIndex = await group.ReadInt64sAsync(AuditColumns.DocIndex, ct).ConfigureAwait(false);
            var docId = await group.ReadStringsAsync(AuditColumns.DocId, ct).ConfigureAwait(false);
            var sourceFile = await group.ReadStringsAsync(AuditColumns.SourceFile, ct).ConfigureAwait(false);
            var rowIndex = await group.ReadInt64sAsync(AuditColumns.RowIndex, ct).ConfigureAwait(false);
            var isKeeper = dedup ? await group.ReadBoolsAsync(AuditColumns.IsKeeper, ct).ConfigureAwait(false) : null;
            var exactDupOf = dedup ? await group.ReadStringsAsync(AuditColumns.ExactDupOf, ct).ConfigureAwait(false) : null;
            var script = models ? await group.ReadStringsAsync(ModelColumns.Script, ct).ConfigureAwait(false) : null;
            var qualityLabel = models ? await group.ReadStringsAsync(ModelColumns.QualityLabel, ct).ConfigureAwait(false) : null;

            for (int r = 0; r < rows; r++)
            {
                for (int c = 0; c < row.Length; c++) row[c] = columns[c][r];
                var verdict = rules.Evaluate(row);
                reasons.Clear();
                reasons.AddRange(verdict.DropReasons);
                // The audit's dedup verdict, from the stored columns by the rule DedupRecord.DropReason uses.
                if (isKeeper is not null && DedupReasons.For(isKeeper[r] != false, exactDupOf![r] is not null) is { } dupReason)
                    reasons.Add(dupReason);
                bool keep = reasons.Count == 0;
                string file = sourceFile[r] ?? throw new CorpusInputException(signalsPath, documents, "source_file is null");

                AuditColumns.WriteIdentity(verdicts, docIndex[r], docId[r], file, rowIndex[r]);
                verdicts.SetBool(4, keep);
                verdicts.SetString(5, string.Join(',', reasons));
                await verdicts.EndRowAsync(ct).ConfigureAwait(false);

                summary.Add(file, row, (int)row[charCount], (long)row[byteCount], keep, reasons);
                if (models)
                {
                    summary.AddCategory(ModelColumns.Script, script![r]);
                    summary.AddCategory(ModelColumns.QualityLabel, qualityLabel![r]);
                }
                documents++;
            }
        }

        // signals.parquet holds code points per document; the audit's total counts UTF-16 code units.
        if (recorded.Characters is { } characters && recorded.Documents == documents) summary.RestoreCharacters(characters);
        string verdictsPath = await verdicts.CompleteAsync(ct).ConfigureAwait(false);
        var run = RunMetadata(settings, signalsPath, registry, rules, recorded, documents, dedup);
        string summaryPath = await AuditSummaryFile.WriteAsync(Path.Combine(outDir, SummaryFile), summary, run, partial: false).ConfigureAwait(false);
        return new ReplayResult(summary, rules, verdictsPath, summaryPath);
    }

    /// <summary>A signals.parquet whose signals are not this version's is refused with one line.</summary>
    internal static void CheckSchema(ResultTableReader table, SignalRegistry registry)
    {
        string expected = AuditColumns.SignalsSchema(registry);
        const string Rerun = "re-run corpusqa audit with this version to replay it";
        if (!table.Metadata.TryGetValue(AuditColumns.SchemaKey, out var found))
            throw new CorpusInputException(table.Path, null, $"written by another version of corpusqa (no {AuditColumns.SchemaKey} entry); {Rerun}");
        if (found != expected)
            throw new CorpusInputException(table.Path, null,
                $"written by another version of corpusqa (signals schema {Short(found)}, this version's is {Short(expected)}); {Rerun}");
        foreach (var signal in registry.Signals)
            if (!table.HasColumn(signal.Name)) throw new CorpusInputException(table.Path, null, $"no column '{signal.Name}'; {Rerun}");
        foreach (var column in new[] { AuditColumns.DocIndex, AuditColumns.DocId, AuditColumns.SourceFile, AuditColumns.RowIndex })
            if (!table.HasColumn(column)) throw new CorpusInputException(table.Path, null, $"no column '{column}'");
    }

    private static string Short(string schema) => schema.Length > 16 ? schema[..16] + "…" : schema;

    internal static RuleSet LoadRules(string? configPath, RecordedAudit recorded)
    {
        if (configPath is not null) return RuleSet.Load(configPath);
        if (recorded.Rules is null or "default") return RuleSet.Default;
        if (!File.Exists(recorded.Rules))
            throw new RuleConfigException($"{recorded.Rules}: the rule file summary.json records is gone; pass --config");
        return RuleSet.Load(recorded.Rules);
    }

    private static Dictionary<string, object?> RunMetadata(ReplaySettings settings, string signalsPath, SignalRegistry registry,
        RuleSet rules, RecordedAudit recorded, long documents, bool dedupColumns)
    {
        var run = new Dictionary<string, object?>
        {
            ["tool"] = ToolVersion.Text,
            ["command"] = "rules apply",
            ["inputs"] = recorded.Inputs,
            ["options"] = new Dictionary<string, object?> { ["config"] = settings.ConfigPath, ["out"] = settings.OutDir },
            ["rules"] = settings.ConfigPath ?? recorded.Rules ?? "default",
            ["rules_sha256"] = rules.ConfigHash,
            ["models"] = recorded.Models,
            ["complete"] = true,
            ["error"] = null,
            ["skipped_bad_rows"] = recorded.SkippedBadRows,
            ["replay"] = new Dictionary<string, object?>
            {
                ["signals"] = Path.GetFullPath(signalsPath),
                ["signals_schema"] = AuditColumns.SignalsSchema(registry),
                ["rows"] = documents,
                ["replayed_rules"] = recorded.Rules,
                ["replayed_rules_sha256"] = recorded.RulesSha256,
                ["dedup_verdicts_kept"] = dedupColumns,
            },
        };
        if (recorded.Dedup is { } dedup) run["dedup"] = dedup;
        return run;
    }
}
