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
        var verdicts = new Option<string?>("--verdicts")
        {
            Description = "Split by the verdicts stored in this folder (verdicts.parquet from 'rules apply', else signals.parquet from 'audit') " +
                "instead of computing them: rows are matched by source_file and row_index, the rule, dedup and model options are not used.",
        };
        var command = new Command("filter",
            "Apply the rules and dedup and split the input: DIR/kept.* (original columns unchanged) and DIR/removed.* " +
            "(original columns + drop_reasons); kept + removed = input. Also DIR/summary.json.");
        options.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(verdicts);

        command.SetAction(async (parse, ct) =>
        {
            var outputFormat = parse.GetValue(format) switch
            {
                "parquet" => FilterOutputFormat.Parquet,
                "jsonl" => FilterOutputFormat.Jsonl,
                _ => FilterOutputFormat.Auto,
            };
            if (outputFormat == FilterOutputFormat.Jsonl
                && InputResolver.Resolve(options.Reading.InputPaths(parse)).Any(f => InputFormats.Detect(f) == InputFormat.Parquet))
            {
                throw new CliUsageException("--output-format jsonl does not apply to Parquet inputs: they are passed through as Parquet " +
                    "(their columns may not be JSON); use --output-format auto or parquet");
            }

            if (parse.GetValue(verdicts) is { } verdictsDir)
            {
                if (parse.GetValue(options.Config) is not null)
                    throw new CliUsageException("--config and --verdicts exclude each other: apply a rule file with 'corpusqa rules apply DIR --config FILE' first");
                var result = await VerdictFilter.RunAsync(new VerdictFilterSettings
                {
                    Inputs = options.Reading.InputPaths(parse),
                    Reading = options.Reading.Read(parse),
                    VerdictsDir = verdictsDir,
                    OutDir = parse.GetValue(options.OutDir)!,
                    Filter = new FilterOutputOptions { Format = outputFormat },
                }, ct);
                context.Error.WriteLine($"filter: {Counted.Of(result.Kept + result.Removed, "document")} split by {result.VerdictsPath}: {result.Kept:N0} kept, {result.Removed:N0} removed");
                context.Error.WriteLine("wrote " + result.KeptPath);
                context.Error.WriteLine("wrote " + result.RemovedPath);
                return ExitCodes.Ok;
            }

            var settings = options.Settings(parse, "filter");
            settings.Recorded["output_format"] = parse.GetValue(format);
            return await AuditRun.RunAsync(settings with
            {
                WriteSignals = false,
                Filter = new FilterOutputOptions { Format = outputFormat },
            }, context, ct);
        });
        return command;
    }
}
