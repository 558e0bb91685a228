using System.CommandLine;
using CorpusQA.Cli.Runs;
using CorpusQA.IO;

namespace CorpusQA.Cli.Commands;

/// <summary><c>corpusqa filter</c>: the audit's verdicts applied, originals passed through to kept and removed.</summary>
internal static class FilterCommand
{
    public static Command Create(CliContext context)
    {
        var inputs = CommonOptions.Inputs();
        var outDir = CommonOptions.OutDir();
        var textField = CommonOptions.TextField();
        var idField = CommonOptions.IdField();
        var config = CommonOptions.Config();
        var threads = CommonOptions.Threads();
        var skipBad = CommonOptions.SkipBad();
        var maxDoc = CommonOptions.MaxDocMegabytes();
        var noDedup = new Option<bool>("--no-dedup") { Description = "Keep duplicates (apply only the quality rules)." };
        var format = new Option<string>("--output-format")
        {
            Description = "auto: kept/removed in the inputs' format (Parquet with the input schema, or JSONL with the input lines byte for byte).",
            DefaultValueFactory = _ => "auto",
        };
        format.AcceptOnlyFromAmong("auto", "parquet", "jsonl");
        var dedup = new DedupCliOptions();

        var command = new Command("filter",
            "Apply the rules and dedup and split the input: DIR/kept.* (original columns unchanged) and DIR/removed.* " +
            "(original columns + drop_reasons); kept + removed = input. Also DIR/summary.json.")
        {
            inputs, outDir, textField, idField, config, threads, skipBad, maxDoc, noDedup, format,
        };
        foreach (var option in dedup.All) command.Options.Add(option);

        command.SetAction((parse, ct) =>
        {
            var settings = new AuditSettings
            {
                CommandName = "filter",
                Inputs = parse.GetValue(inputs)!,
                OutDir = parse.GetValue(outDir)!,
                ConfigPath = parse.GetValue(config),
                Threads = parse.GetValue(threads),
                Reading = new InputCorpusOptions
                {
                    TextField = parse.GetValue(textField),
                    IdField = parse.GetValue(idField),
                    SkipBad = parse.GetValue(skipBad),
                    MaxDocumentBytes = parse.GetValue(maxDoc) * 1024L * 1024L,
                },
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
                Recorded = new Dictionary<string, object?>
                {
                    ["text_field"] = parse.GetValue(textField),
                    ["id_field"] = parse.GetValue(idField),
                    ["threads"] = parse.GetValue(threads),
                    ["skip_bad"] = parse.GetValue(skipBad),
                    ["max_doc_mb"] = parse.GetValue(maxDoc),
                    ["output_format"] = parse.GetValue(format),
                    ["dedup"] = parse.GetValue(noDedup) ? null : dedup.Record(parse),
                },
            };
            return AuditRun.RunAsync(settings, context, ct);
        });
        return command;
    }
}
