using System.Text.Json;
using CorpusQA.Classify.Scoring;
using CorpusQA.Core.Dedup.Stages;
using CorpusQA.Core.Pipeline;
using CorpusQA.Core.Signals;
using CorpusQA.Segmentation;

namespace CorpusQA.Pipeline.Stages;

/// <summary>
/// Stage 1, one task per shard: every document of the shard's files analysed once (signals, model scores, rule
/// reasons) into rows.bin, and signed for dedup into signatures.cqsig (documents numbered from 0 within the shard);
/// id-hashes.bin holds the ids' sorted hashes (summary.json's duplicate_ids is counted across shards from them);
/// analyze.json records the counts. The same per-document code as the one-process audit's first pass.
/// </summary>
internal static class AnalyzeStage
{
    public const string RowsFile = "rows.bin";
    public const string SignaturesFile = "signatures.cqsig";
    public const string ManifestFile = "analyze.json";
    public const string ErrorsFile = "errors.jsonl";
    public const string IdHashesFile = "id-hashes.bin";

    public static Task<bool> RunAsync(StageContext run, int shard, CancellationToken ct) =>
        StageDirectory.RunAsync(run.Layout.Analyze(shard), dir => WriteAsync(run, shard, dir, ct));

    private static async Task WriteAsync(StageContext run, int shard, string dir, CancellationToken ct)
    {
        var settings = run.Settings;
        var registry = SignalRegistry.Default;
        int valueCount = AuditAnalysis.ValueCount(registry, settings.Models);
        var files = run.Plan.ShardFiles(shard);
        var fileIndex = files.Select((f, i) => (f, i)).ToDictionary(p => p.f, p => run.Plan.ShardStarts[shard] + p.i, StringComparer.Ordinal);
        long skipped = 0;
        await using (var errors = settings.Reading.SkipBad ? new BadRecordLog(Path.Combine(dir, ErrorsFile)) : null)
        {
            var corpus = InputCorpus.OfFiles(files, settings.Reading with { OnBadRecord = errors is null ? null : errors.Add, CountDuplicateIds = true });
            var segmenter = JiebaSegmenter.CreateDefault();
            var scorers = new List<DocumentScorer>();
            using var signer = settings.Dedup is null ? null : new ShardSigner(Path.Combine(dir, SignaturesFile), settings.Dedup);
            using var rows = new AuditRowFile.Writer(Path.Combine(dir, RowsFile), valueCount);
            try
            {
                await OrderedParallel.RunAsync(
                    InputCorpus.Indexed(corpus.ReadAllAsync(ct), ct),
                    () => AuditAnalysis.CreateWorker(segmenter, settings.Models, scorers),
                    (worker, item) => AuditAnalysis.Analyze(worker, registry, valueCount, run.Rules, signer, item.Index, item.Doc, fileIndex[item.Doc.SourceFile]),
                    (_, row) =>
                    {
                        rows.Write(row);
                        return ValueTask.CompletedTask;
                    },
                    new OrderedParallelOptions { Threads = settings.Threads },
                    ct);
            }
            finally
            {
                foreach (var scorer in scorers) scorer.Dispose();
            }

            skipped = corpus.SkippedRows;
            corpus.WriteIdHashes(Path.Combine(dir, IdHashesFile));
            if (errors is not null) await errors.CompleteAsync(partial: false);
            await WriteManifestAsync(Path.Combine(dir, ManifestFile), rows.Count, skipped, corpus.TotalFileBytes);
        }
    }

    private static Task WriteManifestAsync(string path, long documents, long skipped, long bytes) =>
        File.WriteAllTextAsync(path, JsonSerializer.Serialize(new ShardManifest(documents, skipped, bytes)));

    /// <summary>What a finished analyze task counted.</summary>
    public static ShardManifest Manifest(RunLayout layout, int shard) =>
        JsonSerializer.Deserialize<ShardManifest>(File.ReadAllText(Path.Combine(layout.Analyze(shard), ManifestFile)))!;
}

/// <summary>analyze.json: documents read, bad rows skipped, input bytes of the shard.</summary>
internal sealed record ShardManifest(long Documents, long SkippedBadRows, long InputBytes);
