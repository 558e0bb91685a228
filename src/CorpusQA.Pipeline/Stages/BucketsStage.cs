using CorpusQA.Core.Dedup.Stages;

namespace CorpusQA.Pipeline.Stages;

/// <summary>
/// Stage 2, one task per band group: the LSH buckets of the group's bands over every shard's signatures →
/// candidates.cqcand. A task holds one band's keys at a time (spilling beyond the dedup memory budget), never all
/// signatures' bands.
/// </summary>
internal static class BucketsStage
{
    public const string CandidatesFile = "candidates.cqcand";

    public static Task<bool> RunAsync(StageContext run, int group) =>
        StageDirectory.RunAsync(run.Layout.Buckets(group), dir =>
        {
            var options = run.Settings.Dedup! with { TempDirectory = dir };
            var bands = BandRange.Group(group, run.Plan.BandGroups, options.LshLayout().Bands);
            var stats = BucketStage.Run(run.SignatureFiles, options, Path.Combine(dir, CandidatesFile), bands, shardLocalIndices: true);
            File.WriteAllText(Path.Combine(dir, "buckets.json"), System.Text.Json.JsonSerializer.Serialize(new { bands.First, bands.End, stats.DocCount, stats.CandidatePairs, stats.SpilledRuns }));
            return Task.CompletedTask;
        });
}
