using System.CommandLine;
using CorpusQA.Cli.Runs;

namespace CorpusQA.Cli.Commands;

/// <summary><c>corpusqa rules apply</c>: new verdicts from an audit's stored signals, without reading the corpus.</summary>
internal static class RulesCommand
{
    public static Command Create(CliContext context)
    {
        var rules = new Command("rules", "Work with rule sets on stored audit results.");
        rules.Subcommands.Add(Apply(context));
        return rules;
    }

    private static Command Apply(CliContext context)
    {
        var dir = new Argument<string>("dir")
        {
            Description = "An audit's output folder: its signals.parquet (and summary.json, for the recorded rules and the quality model's threshold).",
        };
        var config = new Option<string?>("--config")
        {
            Description = "Rule set JSON to apply (docs/rules.md); without it, the rule set summary.json records (the default rules unless the audit had --config). " +
                "The quality model's threshold is added as low_quality_score unless the file bounds quality_score.",
        };
        var outDir = new Option<string?>("--out")
        {
            Description = "Where to write verdicts.parquet and summary.json (default: DIR itself, replacing its summary.json).",
        };
        var command = new Command("apply",
            "Re-evaluate a rule set on DIR/signals.parquet, keeping the audit's dedup verdicts, and write verdicts.parquet " +
            "(doc_index, doc_id, source_file, row_index, keep, drop_reasons) and summary.json. Reads no corpus: seconds for " +
            "millions of rows. Split the corpus by the result with 'corpusqa filter INPUTS --verdicts DIR2 --out OUT'.")
        {
            dir,
        };
        command.Options.Add(config);
        command.Options.Add(outDir);
        command.SetAction(async (parse, ct) =>
        {
            var result = await RulesReplay.RunAsync(new ReplaySettings
            {
                AuditDir = parse.GetValue(dir)!,
                ConfigPath = parse.GetValue(config),
                OutDir = parse.GetValue(outDir),
            }, context.Error, ct);
            SummaryTable.Print(context, "rules apply", result.Summary, null, [result.VerdictsPath, result.SummaryPath]);
            return ExitCodes.Ok;
        });
        return command;
    }
}
