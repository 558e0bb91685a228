using System.Text.RegularExpressions;
using CorpusQA.Pipeline.Stages;

namespace CorpusQA.Pipeline.Slurm;

/// <summary>One stage's progress: tasks done (from the run folder), queued or running (squeue), failed, peak memory.</summary>
/// <remarks>
/// Failed: tasks that were submitted and left the queue unfinished (failed or cancelled). Stopped: an earlier stage
/// failed, so this one's jobs were cancelled with the chain (--kill-on-invalid-dep).
/// </remarks>
internal sealed record StageProgress(string Stage, int Tasks, int Done, int Queued, int Running, IReadOnlyList<int> Failed, bool Stopped,
    IReadOnlyDictionary<string, string> Accounting, double? PeakRssMiB, long? RequestedMiB);

/// <summary>
/// <c>corpusqa slurm status</c>: the run folder says which tasks finished; squeue says which are waiting or running;
/// a task that is neither, of a stage that was submitted, failed or was cancelled (sacct adds its state where
/// accounting runs). Each task's log ends with its own peak RSS, compared here with the memory the script requests.
/// </summary>
internal static partial class SlurmStatus
{
    public static async Task<IReadOnlyList<StageProgress>> ReadAsync(StageContext run, CancellationToken ct)
    {
        var jobs = SlurmRun.ReadJobs(run.Layout);
        var queue = await QueueAsync(jobs, ct);
        var accounting = await AccountingAsync(jobs, ct);
        var progress = new List<StageProgress>();
        bool upstreamFailed = false;
        foreach (var stage in Enum.GetValues<StageName>())
        {
            int tasks = run.TaskCount(stage);
            if (tasks == 0) continue;
            string name = SlurmScripts.StageArgument(stage);
            var stageJobs = jobs.Where(j => j.Stage == name).Select(j => j.JobId).ToHashSet();
            var mine = queue.Where(q => stageJobs.Contains(q.Job)).ToList();
            var undone = SlurmRun.Undone(run, stage);
            bool submitted = stageJobs.Count > 0;
            bool waiting = mine.Any(q => q.Task is null);
            var active = mine.Where(q => q.Task is not null).Select(q => q.Task!.Value).ToHashSet();
            var failed = submitted && !waiting && !upstreamFailed ? undone.Where(t => !active.Contains(t)).ToList() : [];
            bool stopped = upstreamFailed && undone.Count > 0 && mine.Count == 0;
            upstreamFailed |= failed.Count > 0;
            progress.Add(new StageProgress(name, tasks, tasks - undone.Count, mine.Count(q => q.State != "RUNNING"),
                mine.Count(q => q.State == "RUNNING"), failed, stopped,
                accounting.Where(a => stageJobs.Contains(a.Key.Split('_')[0])).ToDictionary(),
                PeakRss(run.Layout, name, tasks), RequestedMemory(run.Layout, stage)));
        }

        return progress;
    }

    public static void Print(TextWriter output, IReadOnlyList<StageProgress> stages, bool complete)
    {
        output.WriteLine($"{"stage",-9} {"done",9} {"queued",7} {"running",8}  {"peak RSS / requested",22}  failed tasks");
        foreach (var s in stages)
        {
            string memory = s.PeakRssMiB is { } peak ? $"{peak:F0} / {s.RequestedMiB} MiB" : $"- / {s.RequestedMiB} MiB";
            string failed = s.Failed.Count > 0 ? string.Join(',', s.Failed) + $" (logs/{s.Stage}-N.log)" : s.Stopped ? "- (not run: an earlier stage failed)" : "-";
            output.WriteLine($"{s.Stage,-9} {s.Done,4}/{s.Tasks,-4} {s.Queued,7} {s.Running,8}  {memory,22}  {failed}");
            foreach (var (task, state) in s.Accounting.Where(a => a.Value != "COMPLETED")) output.WriteLine($"  sacct {task}: {state}");
        }
        output.WriteLine(complete ? "complete: out/ holds the merged outputs" : "incomplete: 'corpusqa slurm submit' resubmits what is not done");
    }

    private sealed record QueueEntry(string Job, int? Task, string State);

    /// <summary>squeue lines "JOBID|ARRAYTASK|STATE"; a pending array remainder ("[4-7%2]") has no single task.</summary>
    private static async Task<List<QueueEntry>> QueueAsync(IReadOnlyList<SubmittedJob> jobs, CancellationToken ct)
    {
        var entries = new List<QueueEntry>();
        if (jobs.Count == 0) return entries;
        var result = await SlurmTools.RunAsync("squeue", ["-h", "-r", "-o", "%F|%K|%T", "-j", string.Join(',', jobs.Select(j => j.JobId))], ct);
        if (result.ExitCode != 0) return entries;
        foreach (var line in result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split('|');
            if (parts.Length < 3) continue;
            entries.Add(new QueueEntry(parts[0], int.TryParse(parts[1], out int t) ? t : null, parts[2]));
        }
        return entries;
    }

    /// <summary>sacct's state per array task where accounting is configured; empty where it is not.</summary>
    private static async Task<Dictionary<string, string>> AccountingAsync(IReadOnlyList<SubmittedJob> jobs, CancellationToken ct)
    {
        var states = new Dictionary<string, string>(StringComparer.Ordinal);
        if (jobs.Count == 0) return states;
        var result = await SlurmTools.RunAsync("sacct", ["-n", "-P", "-X", "-o", "JobID,State", "-j", string.Join(',', jobs.Select(j => j.JobId))], ct);
        if (result.ExitCode != 0) return states;
        foreach (var line in result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split('|');
            if (parts.Length >= 2) states[parts[0]] = parts[1];
        }
        return states;
    }

    /// <summary>The largest peak RSS the stage's task logs report (<see cref="PeakRssLine"/>).</summary>
    private static double? PeakRss(RunLayout layout, string stage, int tasks)
    {
        double? max = null;
        for (int t = 0; t < tasks; t++)
        {
            string log = Path.Combine(layout.Logs, $"{stage}-{t}.log");
            if (!File.Exists(log)) continue;
            foreach (Match m in PeakPattern().Matches(File.ReadAllText(log)))
                max = Math.Max(max ?? 0, double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        }
        return max;
    }

    private static long? RequestedMemory(RunLayout layout, StageName stage)
    {
        string script = SlurmScripts.ScriptPath(layout, stage);
        if (!File.Exists(script)) return null;
        var m = MemPattern().Match(File.ReadAllText(script));
        return m.Success ? long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    /// <summary>The line a stage task ends its log with.</summary>
    public static string PeakRssLine(string stage, int task, bool ran) =>
        $"corpusqa stage {stage} task {task}: {(ran ? "done" : "already done, skipped")}; peak_rss_mib={PeakRssMiB():F1}";

    /// <summary>This process's peak resident set (VmHWM on Linux).</summary>
    public static double PeakRssMiB() => System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);

    [GeneratedRegex(@"peak_rss_mib=([0-9.]+)")]
    private static partial Regex PeakPattern();

    [GeneratedRegex(@"#SBATCH --mem=(\d+)M")]
    private static partial Regex MemPattern();
}
