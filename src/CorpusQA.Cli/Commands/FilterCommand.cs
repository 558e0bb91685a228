using System.CommandLine;
using CorpusQA.Cli.Runs;
using CorpusQA.IO;

namespace CorpusQA.Cli.Commands;

/// <summary><c>corpusqa filter</c>: the audit's verdicts applied, originals passed through to kept and removed.</summary>
internal static class FilterCommand
{
    public static Command Create(CliContext context)
    {
        var reading = new ReadingCliOptions();
        var outDir = CommonOptions.OutDir();
        var config = CommonOptions.Config();
        var noDedup = new Option<bool>("--no-dedup") { Description = "Keep duplicates (apply only the quality rules)." };
        var format = new Option<string>("--output-format")
        {
            Description = "auto: kept/removed in the inputs' format (Parquet with the input schema, or JSONL with the input lines byte for byte); parquet: also for JSONL inputs (columns inferred from the records).",
            DefaultValueFactory = _ => "auto",
        };
        format.AcceptOnlyFromAmong("auto", "parquet", "jsonl");
        var dedup = new DedupCliOptions();
        var command = new Command("filter",
            "Apply the rules and dedup and split the input: DIR/kept.* (original columns unchanged) and DIR/removed.* " +
            "(original columns + drop_reasons); kept + removed = input. Also DIR/summary.json.");
        reading.AddTo(command);
        command.Options.Add(outDir);
        command.Options.Add(config);
        command.Options.Add(noDedup);
        command.Options.Add(format);
        dedup.AddTo(command);

        command.SetAction((parse, ct) =>
        {
            var recorded = reading.Record(parse);
            recorded["output_format"] = parse.GetValue(format);
            recorded["dedup"] = parse.GetValue(noDedup) ? null : dedup.Record(parse);
            return AuditRun.RunAsync(new AuditSettings
            {
                CommandName = "filter",
                Inputs = reading.InputPaths(parse),
                OutDir = parse.GetValue(outDir)!,
                ConfigPath = parse.GetValue(config),
                Threads = parse.GetValue(reading.Threads),
                Reading = reading.Read(parse),
                Dedup = parse.GetValue(noDedup) ? null : dedup.Read(parse),
                WriteSignals = false,
                Filter = new FilterOutputOptions
                {
                    Format = parse.GetValue(format) switch
                    {
                        "parquet" => FilterOutputFormat.Parquet,
                        "jsonl" => FilterOutputFormat.Jsonl,
                        _ => FilterOutputFormat.Auto,
                    },
                },
                Recorded = recorded,
            }, context, ct);
        });
        return command;
    }
}
