using System.Globalization;

namespace CorpusQA.Pipeline.Stages;

/// <summary>
/// Where a sharded run keeps its files: DIR/plan.json, one folder per finished stage task under DIR/work/ (a task's
/// folder appears whole, by a rename, when it finishes: present = done), the task logs under DIR/logs/, and the
/// merged outputs under DIR/out/.
/// </summary>
internal sealed class RunLayout(string runDirectory)
{
    public string Root { get; } = Path.GetFullPath(runDirectory);

    public string PlanFile => Path.Combine(Root, "plan.json");

    public string Work => Path.Combine(Root, "work");

    public string Logs => Path.Combine(Root, "logs");

    public string Out => Path.Combine(Root, "out");

    public string Scripts => Path.Combine(Root, "slurm");

    public string Analyze(int shard) => Path.Combine(Work, "analyze", Name(shard));

    public string Buckets(int group) => Path.Combine(Work, "buckets", Name(group));

    public string Clusters => Path.Combine(Work, "clusters");

    public string Apply(int shard) => Path.Combine(Work, "apply", Name(shard));

    public static string Name(int task) => task.ToString("D5", CultureInfo.InvariantCulture);

    /// <summary>The folder of stage <paramref name="stage"/>'s task <paramref name="task"/>.</summary>
    public string TaskDirectory(StageName stage, int task) => stage switch
    {
        StageName.Analyze => Analyze(task),
        StageName.Buckets => Buckets(task),
        StageName.Clusters => Clusters,
        StageName.Apply => Apply(task),
        StageName.Merge => Out,
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };
}

/// <summary>The stages of a sharded audit, in the order they run.</summary>
internal enum StageName
{
    Analyze,
    Buckets,
    Clusters,
    Apply,
    Merge,
}
