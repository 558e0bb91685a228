using System.CommandLine;
using CorpusQA.Pipeline.Slurm;
using CorpusQA.Pipeline.Stages;

namespace CorpusQA.Cli.Commands;

/// <summary>
/// <c>corpusqa stage STAGE --run-dir DIR [--task N]</c>: one task of a sharded audit planned by <c>slurm plan</c>
/// (what a Slurm array element runs; also by hand, or all in a row with <c>--all</c>). A finished task is skipped;
/// the last line of its output gives the task's own peak RSS.
/// </summary>
internal static class StageCommand
{
    public static Command Create(CliContext context)
    {
        var stage = new Argument<string>("stage") { Description = "analyze | buckets | clusters | apply | merge | all (every task of every stage in order, in this process)." };
        stage.AcceptOnlyFromAmong([.. Enum.GetNames<StageName>().Select(n => n.ToLowerInvariant()), "all"]);
        var runDir = RunDirOption();
        var task = new Option<int>("--task") { Description = "The task: a shard (analyze, apply) or a band group (buckets); 0 for clusters and merge.", DefaultValueFactory = _ => 0 };
        var command = new Command("stage", "Run one task of a sharded audit (see 'corpusqa slurm plan'): its outputs appear atomically under DIR/work/ (merge: DIR/out/).")
        {
            stage, runDir, task,
        };
        command.SetAction(async (parse, ct) =>
        {
            var run = ShardedRun.Open(parse.GetValue(runDir)!);
            string name = parse.GetValue(stage)!;
            if (name == "all")
            {
                await run.RunAllAsync(ct);
                context.Error.WriteLine($"corpusqa stage all: done; peak_rss_mib={SlurmStatus.PeakRssMiB():F1}");
                return ExitCodes.Ok;
            }

            var which = Enum.Parse<StageName>(name, ignoreCase: true);
            int index = parse.GetValue(task);
            int tasks = run.TaskCount(which);
            if (tasks == 0) throw new CliUsageException($"stage {name} has no tasks in this run (planned with --no-dedup)");
            if (index < 0 || index >= tasks) throw new CliUsageException($"--task {index}: stage {name} has tasks 0..{tasks - 1}");
            bool ran = await run.RunAsync(which, index, ct);
            context.Error.WriteLine(SlurmStatus.PeakRssLine(name, index, ran));
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Option<string> RunDirOption() => new("--run-dir") { Description = "The run folder (plan.json, slurm/, work/, logs/, out/).", Required = true };
}
