using CorpusQA.Core.Rules;

namespace CorpusQA.Pipeline.Stages;

/// <summary>A sharded run as every stage task sees it: the plan, its folders, the audit settings the plan's options give.</summary>
internal sealed class StageContext
{
    public StageContext(AuditPlan plan, RunLayout layout, AuditSettings settings)
    {
        Plan = plan;
        Layout = layout;
        Settings = settings;
        Rules = AuditAnalysis.Rules(settings);
    }

    public AuditPlan Plan { get; }

    public RunLayout Layout { get; }

    public AuditSettings Settings { get; }

    public RuleSet Rules { get; }

    public IReadOnlyList<string> SignatureFiles =>
        [.. Enumerable.Range(0, Plan.Shards).Select(k => Path.Combine(Layout.Analyze(k), AnalyzeStage.SignaturesFile))];

    public IReadOnlyList<string> CandidateFiles =>
        [.. Enumerable.Range(0, Plan.BandGroups).Select(g => Path.Combine(Layout.Buckets(g), BucketsStage.CandidatesFile))];

    /// <summary>The global index of each shard's first document (from the finished analyze tasks), and the total last.</summary>
    public long[] ShardOffsets()
    {
        var offsets = new long[Plan.Shards + 1];
        for (int k = 0; k < Plan.Shards; k++) offsets[k + 1] = offsets[k] + AnalyzeStage.Manifest(Layout, k).Documents;
        return offsets;
    }

    /// <summary>How many tasks a stage has.</summary>
    public int TaskCount(StageName stage) => stage switch
    {
        StageName.Analyze or StageName.Apply => Plan.Shards,
        StageName.Buckets => Settings.Dedup is null ? 0 : Plan.BandGroups,
        StageName.Clusters => Settings.Dedup is null ? 0 : 1,
        _ => 1,
    };

    /// <summary>Runs one task of a stage; false when it was already done (skipped).</summary>
    public Task<bool> RunAsync(StageName stage, int task, CancellationToken ct) => stage switch
    {
        StageName.Analyze => AnalyzeStage.RunAsync(this, task, ct),
        StageName.Buckets => BucketsStage.RunAsync(this, task),
        StageName.Clusters => ClustersStage.RunAsync(this),
        StageName.Apply => ApplyStage.RunAsync(this, task, ct),
        StageName.Merge => MergeStage.RunAsync(this, ct),
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };

    /// <summary>Every task of every stage in order, in this process (what the one-process run and the tests do).</summary>
    public async Task RunAllAsync(CancellationToken ct)
    {
        foreach (var stage in Enum.GetValues<StageName>())
        {
            for (int task = 0; task < TaskCount(stage); task++) await RunAsync(stage, task, ct);
        }
    }
}
