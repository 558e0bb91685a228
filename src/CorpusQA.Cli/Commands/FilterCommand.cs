using System.CommandLine;
using CorpusQA.Cli.Runs;
using CorpusQA.IO;

namespace CorpusQA.Cli.Commands;

/// <summary><c>corpusqa filter</c>: the audit's verdicts applied, originals passed through to kept and removed.</summary>
internal static class FilterCommand
{
    public static Command Create(CliContext context)
    {
        var options = new AuditCliOptions("Keep duplicates (apply only the quality rules).");
        var format = new Option<string>("--output-format")
        {
            Description = "auto: kept/removed in the inputs' format (Parquet with the input schema, or JSONL with the input lines byte for byte); parquet: also for JSONL inputs (columns inferred from the records).",
            DefaultValueFactory = _ => "auto",
        };
        format.AcceptOnlyFromAmong("auto", "parquet", "jsonl");
        var command = new Command("filter",
            "Apply the rules and dedup and split the input: DIR/kept.* (original columns unchanged) and DIR/removed.* " +
            "(original columns + drop_reasons); kept + removed = input. Also DIR/summary.json.");
        options.AddTo(command);
        command.Options.Add(format);

        command.SetAction((parse, ct) =>
        {
            var settings = options.Settings(parse, "filter");
            settings.Recorded["output_format"] = parse.GetValue(format);
            return AuditRun.RunAsync(settings with
            {
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
            }, context, ct);
        });
        return command;
    }
}
