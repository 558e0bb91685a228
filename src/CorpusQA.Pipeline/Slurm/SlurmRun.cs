using System.Text.Json;
using CorpusQA.Pipeline.Stages;

namespace CorpusQA.Pipeline.Slurm;

/// <summary>One sbatch submission of a stage: its job id and the tasks (array indices) it runs.</summary>
internal sealed record SubmittedJob(string Stage, string JobId, IReadOnlyList<int> Tasks, DateTime SubmittedUtc);

/// <summary>
/// <c>corpusqa slurm submit</c> and <c>status</c>: the stages' scripts submitted in order, each only for its tasks that
/// are not done, chained with --dependency=afterok (and --kill-on-invalid-dep=yes, so that a failed or cancelled task
/// ends the chain instead of leaving it pending forever); the job ids go to DIR/slurm/jobs.json.
/// </summary>
internal static class SlurmRun
{
    public static string JobsFile(RunLayout layout) => Path.Combine(layout.Scripts, "jobs.json");

    public static async Task<IReadOnlyList<SubmittedJob>> SubmitAsync(StageContext run, int maxParallel, TextWriter log, CancellationToken ct)
    {
        string? previous = null;
        var submitted = new List<SubmittedJob>();
        foreach (var stage in Enum.GetValues<StageName>())
        {
            var undone = Undone(run, stage);
            if (undone.Count == 0) continue;
            var args = new List<string> { "--parsable", "--kill-on-invalid-dep=yes", $"--array={SlurmTools.Ranges(undone)}%{Math.Min(maxParallel, undone.Count)}" };
            if (previous is not null) args.Add($"--dependency=afterok:{previous}");
            args.Add(SlurmScripts.ScriptPath(run.Layout, stage));
            var result = await SlurmTools.RunAsync("sbatch", args, ct);
            if (result.ExitCode != 0)
                throw new SlurmException($"sbatch {string.Join(' ', args)} failed ({result.ExitCode}): {result.Error.Trim()}");
            previous = result.Out.Trim().Split(';')[0];
            var job = new SubmittedJob(SlurmScripts.StageArgument(stage), previous, undone, DateTime.UtcNow);
            submitted.Add(job);
            log.WriteLine($"submitted {job.Stage}: job {job.JobId}, tasks {SlurmTools.Ranges(undone)}");
        }

        var history = ReadJobs(run.Layout).ToList();
        history.AddRange(submitted);
        await File.WriteAllTextAsync(JobsFile(run.Layout), JsonSerializer.Serialize(history, new JsonSerializerOptions { WriteIndented = true }), ct);
        return submitted;
    }

    /// <summary>Waits until none of <paramref name="jobs"/> is queued or running any more (polling squeue).</summary>
    public static async Task WaitAsync(IReadOnlyList<SubmittedJob> jobs, TimeSpan poll, CancellationToken ct)
    {
        if (jobs.Count == 0) return;
        string ids = string.Join(',', jobs.Select(j => j.JobId));
        while (true)
        {
            var queue = await SlurmTools.RunAsync("squeue", ["-h", "-o", "%i", "-j", ids], ct);
            // squeue exits non-zero once every listed job has left the queue ("Invalid job id").
            if (queue.ExitCode != 0 || queue.Out.Trim().Length == 0) return;
            await Task.Delay(poll, ct);
        }
    }

    public static IReadOnlyList<int> Undone(StageContext run, StageName stage) =>
        [.. Enumerable.Range(0, run.TaskCount(stage)).Where(t => !StageDirectory.IsDone(run.Layout.TaskDirectory(stage, t)))];

    public static IReadOnlyList<SubmittedJob> ReadJobs(RunLayout layout) =>
        File.Exists(JobsFile(layout)) ? JsonSerializer.Deserialize<List<SubmittedJob>>(File.ReadAllText(JobsFile(layout))) ?? [] : [];

    public static bool IsComplete(StageContext run) => StageDirectory.IsDone(run.Layout.Out);
}

/// <summary>A Slurm tool refused or failed (exit code 4: the run's outputs could not be produced).</summary>
internal sealed class SlurmException(string message) : Exception(message);
