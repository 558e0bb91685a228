using System.Text.Json;
using CorpusQA.Core.Signals;
using CorpusQA.Core.Stats;
using CorpusQA.Reports;
using CorpusQA.Reports.Data;

namespace CorpusQA.Pipeline.Stages;

/// <summary>
/// Stage 5, one task: DIR/out/ as `audit --out` and `filter --out` write it. The shards' summary states merge exactly
/// (counts, per-file and category counts, sketches with exact sums) and their samples merge as one sampler would
/// have chosen; signals.parquet is the shards' verdict rows in order through the audit's writer; kept/removed are the
/// shards' files concatenated (JSON lines: line-for-line pass-through, so concatenation is the one-process file);
/// then report.html and report.md from those files. The whole folder appears at once.
/// </summary>
internal static class MergeStage
{
    public static Task<bool> RunAsync(StageContext run, CancellationToken ct) =>
        StageDirectory.RunAsync(run.Layout.Out, dir => WriteAsync(run, dir, ct));

    private static async Task WriteAsync(StageContext run, string dir, CancellationToken ct)
    {
        var settings = run.Settings;
        var registry = SignalRegistry.Default;
        var names = AuditAnalysis.ValueNames(registry, settings.Models);
        var offsets = run.ShardOffsets();
        var summary = new CorpusSummary(names)
        {
            DuplicateIds = DuplicateIds.CountAcross([.. Enumerable.Range(0, run.Plan.Shards).Select(k => Path.Combine(run.Layout.Analyze(k), AnalyzeStage.IdHashesFile))]),
        };
        var sampler = new SnippetSampler(run.Rules, names);
        var pairDocs = new List<Snippet>();
        long skipped = 0;
        for (int k = 0; k < run.Plan.Shards; k++)
        {
            string apply = run.Layout.Apply(k);
            using (var state = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(apply, ApplyStage.SummaryStateFile), ct)))
                summary.Merge(CorpusSummary.ReadState(state.RootElement));
            var samples = SnippetSamples.TryRead(Path.Combine(apply, SnippetSamples.FileName))
                ?? throw new InvalidDataException($"{apply}: unreadable {SnippetSamples.FileName}");
            sampler.Merge(samples);
            pairDocs.AddRange(samples.Docs.Values);
            skipped += AnalyzeStage.Manifest(run.Layout, k).SkippedBadRows;
        }

        await using (var table = await SignalsTable.CreateAsync(Path.Combine(dir, "signals.parquet"), registry, settings.Dedup is not null, settings.Models is not null, ct))
        {
            for (int k = 0; k < run.Plan.Shards; k++)
            {
                foreach (var v in ShardVerdicts.Read(run, k, offsets[k])) await table.WriteAsync(v.Index, v.Row, v.File, v.Dedup, v.Keep, v.Reasons, ct);
            }
            await table.CompleteAsync(partial: false, ct);
        }

        ConcatenateShardFiles(run, dir, "kept.");
        ConcatenateShardFiles(run, dir, "removed.");
        if (settings.Reading.SkipBad) Concatenate(Enumerable.Range(0, run.Plan.Shards).Select(k => Path.Combine(run.Layout.Analyze(k), AnalyzeStage.ErrorsFile)), Path.Combine(dir, AnalyzeStage.ErrorsFile));

        var dedup = settings.Dedup is null ? null : ClustersStage.ReadInfo(run.Layout);
        var metadata = AuditSummaryFile.RunMetadata(settings, run.Rules, run.Plan.Files, dedup, null, skipped);
        AuditSummaryFile.SetTiming(metadata, run.Plan.CreatedUtc, DateTime.UtcNow - run.Plan.CreatedUtc);
        await AuditSummaryFile.WriteAsync(Path.Combine(dir, AuditSummaryFile.FileName), summary, metadata, partial: false);
        await using (var stream = File.Create(Path.Combine(dir, SnippetSamples.FileName)))
            sampler.Result(pairDocs).Write(stream);
        await ReportBuilder.WriteAsync(dir, run.Rules, ct: ct, name: Path.GetFileName(run.Layout.Out));
    }

    /// <summary>
    /// The shards' kept (or removed) files as one: JSON lines concatenated byte for byte. Parquet outputs cannot be
    /// concatenated as bytes; they stay one file per shard (kept-SHARD.parquet), which every Parquet reader takes as one table.
    /// </summary>
    private static void ConcatenateShardFiles(StageContext run, string dir, string prefix)
    {
        var parts = Enumerable.Range(0, run.Plan.Shards)
            .Select(k => Directory.EnumerateFiles(run.Layout.Apply(k), prefix + "*").Single())
            .ToList();
        string extension = Path.GetExtension(parts[0]);
        if (extension == ".jsonl")
        {
            Concatenate(parts, Path.Combine(dir, prefix + "jsonl"));
            return;
        }

        for (int k = 0; k < parts.Count; k++)
            File.Copy(parts[k], Path.Combine(dir, $"{prefix.TrimEnd('.')}-{RunLayout.Name(k)}{extension}"));
    }

    private static void Concatenate(IEnumerable<string> parts, string path)
    {
        using var output = File.Create(path);
        foreach (var part in parts)
        {
            if (!File.Exists(part)) continue;
            using var input = File.OpenRead(part);
            input.CopyTo(output);
        }
    }
}
