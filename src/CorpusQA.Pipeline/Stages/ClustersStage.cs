using System.Text;
using System.Text.Json;
using CorpusQA.Core.Dedup;
using CorpusQA.Core.Dedup.Stages;

namespace CorpusQA.Pipeline.Stages;

/// <summary>
/// Stage 3, one task: the band groups' candidates merged, verified and clustered (<see cref="ClusterStage"/>), then
/// each document's dedup columns with the documents it points at named by id, one file per shard
/// (dedup-SHARD.bin, in the shard's document order), and dedup.json (counts and sample pairs for summary.json).
/// Memory: the cluster arrays (tens of bytes per document) and the referenced ids, not the signatures' bands.
/// </summary>
internal static class ClustersStage
{
    public const string InfoFile = "dedup.json";

    public static string ShardFile(RunLayout layout, int shard) => Path.Combine(layout.Clusters, $"dedup-{RunLayout.Name(shard)}.bin");

    public static Task<bool> RunAsync(StageContext run) =>
        StageDirectory.RunAsync(run.Layout.Clusters, async dir =>
        {
            var result = ClusterStage.Run(run.SignatureFiles, run.CandidateFiles, run.Settings.Dedup!, shardLocalIndices: true);
            var shardRows = Enumerable.Range(0, run.Plan.Shards).Select(k => Path.Combine(run.Layout.Analyze(k), AnalyzeStage.RowsFile)).ToList();
            var join = new DedupJoin(result, shardRows.SelectMany(AuditRowFile.ReadAll));
            var offsets = run.ShardOffsets();
            for (int k = 0; k < run.Plan.Shards; k++)
            {
                await using var stream = new FileStream(Path.Combine(dir, Path.GetFileName(ShardFile(run.Layout, k))), FileMode.CreateNew);
                using var writer = new BinaryWriter(stream, Encoding.UTF8);
                for (long i = offsets[k]; i < offsets[k + 1]; i++) join.Resolve(result[(int)i]).WriteTo(writer);
            }

            await File.WriteAllTextAsync(Path.Combine(dir, InfoFile), JsonSerializer.Serialize(new DedupInfoFile(
                result.Lsh.Bands, result.Lsh.Rows, result.ExactDuplicateCount, result.NearDuplicateCount,
                [.. result.SamplePairs.Select(p => new SamplePairRecord(p.Doc, p.Keeper, p.EstimatedJaccard, double.IsNaN(p.TrueJaccard) ? null : p.TrueJaccard))])));
        });

    /// <summary>dedup.json of a finished cluster task.</summary>
    public static DedupRunInfo ReadInfo(RunLayout layout)
    {
        var info = JsonSerializer.Deserialize<DedupInfoFile>(File.ReadAllText(Path.Combine(layout.Clusters, InfoFile)))!;
        return new DedupRunInfo(info.Bands, info.Rows, info.ExactDuplicates, info.NearDuplicates,
            [.. info.SamplePairs.Select(p => new DedupSamplePair(p.Doc, p.Keeper, p.Estimated, p.True ?? double.NaN))]);
    }

    /// <summary>A shard's dedup columns in its document order.</summary>
    public static IEnumerable<ResolvedDedup> ReadShard(RunLayout layout, int shard)
    {
        using var stream = new FileStream(ShardFile(layout, shard), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        while (stream.Position < stream.Length) yield return ResolvedDedup.ReadFrom(reader);
    }

    private sealed record DedupInfoFile(int Bands, int Rows, long ExactDuplicates, long NearDuplicates, List<SamplePairRecord> SamplePairs);

    private sealed record SamplePairRecord(int Doc, int Keeper, double Estimated, double? True);
}
