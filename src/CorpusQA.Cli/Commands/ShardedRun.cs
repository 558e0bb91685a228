using CorpusQA.Pipeline.Stages;

namespace CorpusQA.Cli.Commands;

/// <summary>
/// A run folder opened for its stages: the plan's audit options parsed exactly as <c>corpusqa audit</c> parses them
/// (same settings, same options recorded in summary.json), with the run's files as inputs and DIR/out as --out.
/// </summary>
internal static class ShardedRun
{
    public static StageContext Open(string runDirectory)
    {
        var layout = new RunLayout(runDirectory);
        var plan = AuditPlan.Read(layout.PlanFile);
        return new StageContext(plan, layout, Settings(plan.Files, layout.Out, plan.AuditArguments));
    }

    /// <summary>The audit settings of <paramref name="auditArguments"/>; a task uses the CPUs Slurm gave it.</summary>
    public static AuditSettings Settings(IReadOnlyList<string> inputs, string outDir, IReadOnlyList<string> auditArguments)
    {
        var options = new AuditCliOptions("Skip exact and near-duplicate detection.");
        var command = new System.CommandLine.Command("audit");
        options.AddTo(command);
        var parse = command.Parse([.. inputs, "--out", outDir, .. auditArguments]);
        if (parse.Errors.Count > 0) throw new CliUsageException("audit options: " + string.Join("; ", parse.Errors.Select(e => e.Message)));
        var settings = options.Settings(parse, "audit");
        return int.TryParse(Environment.GetEnvironmentVariable("SLURM_CPUS_PER_TASK"), out int cpus) && cpus > 0 ? settings with { Threads = cpus } : settings;
    }
}
