using System.CommandLine;
using CorpusQA.IO;
using CorpusQA.Pipeline.Slurm;
using CorpusQA.Pipeline.Stages;

namespace CorpusQA.Cli.Commands;

/// <summary>
/// <c>corpusqa slurm plan|submit|status</c>: the sharded audit on a Slurm cluster through sbatch, squeue and sacct.
/// plan writes DIR/plan.json and one sbatch script per stage; submit submits what is not done; status prints progress.
/// </summary>
internal static class SlurmCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("slurm", "Run the audit and filter as Slurm array jobs over shards: plan, submit, status (docs/scale.md).");
        command.Subcommands.Add(Plan(context));
        command.Subcommands.Add(Submit(context));
        command.Subcommands.Add(Status(context));
        return command;
    }

    private static Command Plan(CliContext context)
    {
        var inputs = CommonOptions.Inputs();
        var runDir = StageCommand.RunDirOption();
        var shards = new Option<int>("--shards") { Description = "Shards of the input files (whole files, contiguous, balanced by bytes; at most one per file).", Required = true };
        shards.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--shards must be at least 1."); });
        var bandGroups = new Option<int>("--band-groups") { Description = "Bucket tasks, each over a group of the LSH bands (default: one per band up to 16).", DefaultValueFactory = _ => 0 };
        var auditArgs = new Option<string[]>("--audit-arg") { Description = "An option for the audit itself, as 'corpusqa audit' takes it (repeat: --audit-arg=--config --audit-arg=rules.json).", AllowMultipleArgumentsPerToken = false, DefaultValueFactory = _ => [] };
        var format = new Option<string>("--output-format") { Description = "kept/removed format, as filter's --output-format.", DefaultValueFactory = _ => "auto" };
        format.AcceptOnlyFromAmong("auto", "parquet", "jsonl");
        var sbatchArgs = new Option<string[]>("--sbatch-arg") { Description = "An extra sbatch flag for every stage (repeat), e.g. --sbatch-arg=--time=04:00:00.", DefaultValueFactory = _ => [] };
        var partition = new Option<string?>("--partition") { Description = "sbatch --partition." };
        var account = new Option<string?>("--account") { Description = "sbatch --account." };
        var maxParallel = new Option<int>("--max-parallel") { Description = "Array elements of one stage running at once (--array=0-N%MAX).", DefaultValueFactory = _ => 64 };
        var cpus = new Option<int>("--cpus-per-task") { Description = "CPUs per task (the tasks' --threads).", DefaultValueFactory = _ => 2 };
        var corpusqa = new Option<string?>("--corpusqa") { Description = "The command that runs corpusqa on the nodes (default: this one)." };
        var command = new Command("plan", "Write DIR/plan.json and DIR/slurm/STAGE.sbatch (array jobs, memory per stage from the measured model, logs per task).")
        {
            inputs, runDir, shards, bandGroups, auditArgs, format, sbatchArgs, partition, account, maxParallel, cpus, corpusqa,
        };
        command.SetAction(async (parse, ct) =>
        {
            var layout = new RunLayout(parse.GetValue(runDir)!);
            // As audit resolves them, skipping the run folder and CorpusQA's own outputs inside input folders.
            var (files, skippedOutputs) = InputResolver.Resolve(parse.GetValue(inputs)!, layout.Root);
            if (skippedOutputs.Count > 0) context.Error.WriteLine($"slurm plan: not reading {skippedOutputs.Count} CorpusQA output file(s) among the inputs, e.g. {skippedOutputs[0]}");
            var extra = parse.GetValue(auditArgs)!.ToList();
            if (!extra.Contains("--threads")) extra.AddRange(["--threads", Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            var settings = ShardedRun.Settings(files, layout.Out, extra);
            int groups = parse.GetValue(bandGroups);
            if (groups <= 0) groups = settings.Dedup is null ? 1 : Math.Min(16, settings.Dedup.LshLayout().Bands);
            var plan = new AuditPlan
            {
                AuditArguments = extra,
                OutputFormat = parse.GetValue(format)!,
                Files = files,
                ShardStarts = AuditPlan.Split(files, parse.GetValue(shards)),
                BandGroups = groups,
            };
            if (File.Exists(layout.PlanFile)) throw new CliUsageException($"{layout.PlanFile} exists: plan a new run in a new folder");
            OutputFiles.CreateDirectory(layout.Root);
            await plan.WriteAsync(layout.PlanFile);
            var run = new StageContext(plan, layout, settings);
            var scripts = await SlurmScripts.WriteAsync(run, new SlurmOptions
            {
                Corpusqa = parse.GetValue(corpusqa) ?? ThisCommand(),
                Partition = parse.GetValue(partition),
                Account = parse.GetValue(account),
                SbatchArgs = parse.GetValue(sbatchArgs)!,
                MaxParallel = parse.GetValue(maxParallel),
                CpusPerTask = parse.GetValue(cpus),
            });
            context.Error.WriteLine($"slurm plan: {files.Count} files in {plan.Shards} shards, {(settings.Dedup is null ? "no dedup" : $"{plan.BandGroups} band groups")}");
            context.Error.WriteLine("wrote " + layout.PlanFile);
            foreach (var script in scripts) context.Error.WriteLine("wrote " + script);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Submit(CliContext context)
    {
        var runDir = StageCommand.RunDirOption();
        var wait = new Option<bool>("--wait") { Description = "Wait until the submitted jobs have left the queue, then print the status; exit 0 only if the run is complete." };
        var maxParallel = new Option<int>("--max-parallel") { Description = "Array elements of one stage running at once.", DefaultValueFactory = _ => 64 };
        var command = new Command("submit", "sbatch the stages' scripts for every task not done, chained with --dependency=afterok.") { runDir, wait, maxParallel };
        command.SetAction(async (parse, ct) =>
        {
            var run = ShardedRun.Open(parse.GetValue(runDir)!);
            var jobs = await SlurmRun.SubmitAsync(run, parse.GetValue(maxParallel), context.Error, ct);
            if (jobs.Count == 0) context.Error.WriteLine("slurm submit: every task is done, nothing submitted");
            if (!parse.GetValue(wait)) return ExitCodes.Ok;
            await SlurmRun.WaitAsync(jobs, TimeSpan.FromSeconds(2), ct);
            return await PrintStatusAsync(context, run, ct);
        });
        return command;
    }

    private static Command Status(CliContext context)
    {
        var runDir = StageCommand.RunDirOption();
        var command = new Command("status", "Per-stage progress (run folder + squeue/sacct), failed tasks, peak memory against the request; exit 0 when complete.") { runDir };
        command.SetAction(async (parse, ct) => await PrintStatusAsync(context, ShardedRun.Open(parse.GetValue(runDir)!), ct));
        return command;
    }

    private static async Task<int> PrintStatusAsync(CliContext context, StageContext run, CancellationToken ct)
    {
        var stages = await SlurmStatus.ReadAsync(run, ct);
        bool complete = SlurmRun.IsComplete(run);
        SlurmStatus.Print(context.Out, stages, complete);
        return complete ? ExitCodes.Ok : ExitCodes.OutputError;
    }

    /// <summary>This corpusqa as a shell command: the apphost, or `dotnet corpusqa.dll` when run through dotnet.</summary>
    private static string ThisCommand()
    {
        string process = Environment.ProcessPath ?? "corpusqa";
        string entry = typeof(SlurmCommand).Assembly.Location;
        return Path.GetFileNameWithoutExtension(process) == "dotnet"
            ? $"{SlurmScripts.Quote(process)} {SlurmScripts.Quote(entry)}"
            : SlurmScripts.Quote(process);
    }
}
