using System.Text.Json;
using CorpusQA.Core.Documents;
using CorpusQA.Core.Signals;
using CorpusQA.Core.Stats;
using CorpusQA.IO;
using CorpusQA.Reports.Data;

namespace CorpusQA.Pipeline.Stages;

/// <summary>
/// Stage 4, one task per shard: the shard's verdicts joined to its records, read once more: signals-SHARD.parquet,
/// kept/removed for the shard (filter's files), the shard's mergeable summary state, and its report samples
/// (worst and borderline texts per reason, the texts of dedup sample pairs that fall in the shard).
/// </summary>
internal static class ApplyStage
{
    public const string SummaryStateFile = "summary-state.json";

    public static string SignalsFile(int shard) => $"signals-{RunLayout.Name(shard)}.parquet";

    public static FilterOutputOptions FilterOptions(AuditPlan plan) => new()
    {
        Format = plan.OutputFormat switch { "parquet" => FilterOutputFormat.Parquet, "jsonl" => FilterOutputFormat.Jsonl, _ => FilterOutputFormat.Auto },
    };

    public static Task<bool> RunAsync(StageContext run, int shard, CancellationToken ct) =>
        StageDirectory.RunAsync(run.Layout.Apply(shard), dir => WriteAsync(run, shard, dir, ct));

    private static async Task WriteAsync(StageContext run, int shard, string dir, CancellationToken ct)
    {
        var settings = run.Settings;
        var registry = SignalRegistry.Default;
        bool models = settings.Models is not null;
        var names = AuditAnalysis.ValueNames(registry, settings.Models);
        long first = run.ShardOffsets()[shard];
        var wanted = settings.Dedup is null ? [] : ClustersStage.ReadInfo(run.Layout).SamplePairs.SelectMany(p => new long[] { p.Doc, p.Keeper }).ToHashSet();
        var files = run.Plan.ShardFiles(shard);
        var summary = new CorpusSummary(names);
        var sampler = new SnippetSampler(run.Rules, names);
        var pairDocs = new List<Snippet>();

        await using (var table = await SignalsTable.CreateAsync(Path.Combine(dir, SignalsFile(shard)), registry, settings.Dedup is not null, models, ct))
        await using (var filter = await FilterOutputWriter.CreateAsync(dir, files, FilterOptions(run.Plan), ct))
        {
            var corpus = InputCorpus.OfFiles(files, settings.Reading with { KeepOriginal = true, OnBadRecord = null });
            await using var originals = corpus.ReadAllAsync(ct).GetAsyncEnumerator(ct);
            foreach (var v in ShardVerdicts.Read(run, shard, first))
            {
                if (!await originals.MoveNextAsync() || originals.Current.RowIndex != v.Row.RowIndex || originals.Current.SourceFile != v.File)
                    throw new CorpusInputException(v.File, v.Row.RowIndex, "the input changed since the analyze stage read it");
                var doc = originals.Current;
                await table.WriteAsync(v.Index, v.Row, v.File, v.Dedup, v.Keep, v.Reasons, ct);
                await filter.WriteAsync(doc, v.Keep, v.Reasons, ct);
                AuditSummaryFile.Add(summary, v.File, v.Row, v.Keep, v.Reasons, models);
                sampler.Offer(v.Index, doc.Id, doc.SourceFile, doc.RowIndex, v.Row.Values, doc.Text);
                if (wanted.Contains(v.Index)) pairDocs.Add(Snippet.Of(v.Index, doc.Id, doc.SourceFile, doc.RowIndex, doc.Text));
            }

            if (await originals.MoveNextAsync())
                throw new CorpusInputException(originals.Current.SourceFile, originals.Current.RowIndex, "the input has more documents than the analyze stage read");
            await table.CompleteAsync(partial: false, ct);
            await filter.CompleteAsync(ct);
        }

        await using (var state = File.Create(Path.Combine(dir, SummaryStateFile)))
        await using (var json = new Utf8JsonWriter(state))
        {
            summary.WriteState(json);
        }

        await using var samples = File.Create(Path.Combine(dir, SnippetSamples.FileName));
        sampler.Result(pairDocs).Write(samples);
    }
}
