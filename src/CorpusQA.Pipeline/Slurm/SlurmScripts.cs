using System.Text;
using CorpusQA.Pipeline.Stages;

namespace CorpusQA.Pipeline.Slurm;

/// <summary>How the stage scripts are to be submitted: resources and pass-through sbatch flags.</summary>
internal sealed record SlurmOptions
{
    /// <summary>The command that runs corpusqa on the compute nodes (e.g. "/opt/corpusqa/corpusqa" or "dotnet /x/corpusqa.dll").</summary>
    public required string Corpusqa { get; init; }

    public string? Partition { get; init; }

    public string? Account { get; init; }

    /// <summary>Extra sbatch flags, each given as one argument (e.g. "--qos=low", "--time=02:00:00").</summary>
    public IReadOnlyList<string> SbatchArgs { get; init; } = [];

    /// <summary>Array elements of one stage running at once (the %MAX of --array).</summary>
    public int MaxParallel { get; init; } = 64;

    public int CpusPerTask { get; init; } = 2;
}

/// <summary>
/// Writes DIR/slurm/STAGE.sbatch, one script per stage: an array job over the stage's tasks (shards or band groups),
/// memory from <see cref="StageMemoryModel"/>, one log per task (DIR/logs/STAGE-TASK.log). Each task runs
/// `corpusqa stage STAGE --run-dir DIR --task N`, which skips a finished task and logs its own peak RSS.
/// `submit` chains the scripts with --dependency=afterok and submits only the tasks that are not done.
/// </summary>
internal static class SlurmScripts
{
    public static string ScriptPath(RunLayout layout, StageName stage) => Path.Combine(layout.Scripts, StageArgument(stage) + ".sbatch");

    public static string StageArgument(StageName stage) => stage.ToString().ToLowerInvariant();

    public static async Task<IReadOnlyList<string>> WriteAsync(StageContext run, SlurmOptions options)
    {
        var layout = run.Layout;
        OutputFiles.CreateDirectory(layout.Scripts);
        OutputFiles.CreateDirectory(layout.Logs);
        long total = run.Plan.Files.Sum(f => new FileInfo(f).Length);
        long largest = Enumerable.Range(0, run.Plan.Shards).Max(k => run.Plan.ShardFiles(k).Sum(f => new FileInfo(f).Length));
        var written = new List<string>();
        foreach (var stage in Enum.GetValues<StageName>())
        {
            int tasks = run.TaskCount(stage);
            if (tasks == 0) continue;
            long memory = StageMemoryModel.RequestMiB(stage, largest, total);
            string path = ScriptPath(layout, stage);
            await OutputFiles.WriteAsync(path, async stream =>
            {
                await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 12, leaveOpen: true);
                await writer.WriteAsync(Script(layout, stage, tasks, memory, options));
            });
            written.Add(path);
        }

        return written;
    }

    private static string Script(RunLayout layout, StageName stage, int tasks, long memoryMiB, SlurmOptions options)
    {
        string name = StageArgument(stage);
        var s = new StringBuilder();
        s.Append("#!/bin/bash\n");
        s.Append($"# corpusqa sharded audit, stage {name}: {tasks} task(s); written by 'corpusqa slurm plan', submitted by 'corpusqa slurm submit'\n");
        s.Append($"#SBATCH --job-name=cqa-{name}\n");
        s.Append($"#SBATCH --array=0-{tasks - 1}%{Math.Min(tasks, options.MaxParallel)}\n");
        s.Append($"#SBATCH --cpus-per-task={options.CpusPerTask}\n");
        s.Append($"#SBATCH --mem={memoryMiB}M\n");
        s.Append($"#SBATCH --output={layout.Logs}/{name}-%a.log\n");
        // The plan's input paths may be relative to where it was made.
        s.Append($"#SBATCH --chdir={Environment.CurrentDirectory}\n");
        if (options.Partition is not null) s.Append($"#SBATCH --partition={options.Partition}\n");
        if (options.Account is not null) s.Append($"#SBATCH --account={options.Account}\n");
        foreach (var arg in options.SbatchArgs) s.Append($"#SBATCH {arg}\n");
        s.Append("set -euo pipefail\n");
        s.Append($"exec {options.Corpusqa} stage {name} --run-dir {Quote(layout.Root)} --task \"$SLURM_ARRAY_TASK_ID\"\n");
        return s.ToString();
    }

    internal static string Quote(string value) => "'" + value.Replace("'", "'\\''") + "'";
}
