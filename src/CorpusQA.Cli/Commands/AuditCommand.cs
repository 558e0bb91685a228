using System.CommandLine;
using CorpusQA.Cli.Runs;

namespace CorpusQA.Cli.Commands;

/// <summary><c>corpusqa audit</c>: every signal of every document, rules, dedup, signals.parquet and summary.json.</summary>
internal static class AuditCommand
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
        var noDedup = new Option<bool>("--no-dedup") { Description = "Skip exact and near-duplicate detection." };
        var dedup = new DedupCliOptions();

        var command = new Command("audit",
            "Compute every quality signal of every document, apply the rules and find duplicates: DIR/signals.parquet " +
            "(one row per document, in input order: doc_id, source_file, row_index, every signal, dedup columns, keep, " +
            "drop_reasons) and DIR/summary.json (counts, per-signal distributions, drop reasons, options, rules hash).")
        {
            inputs, outDir, textField, idField, config, threads, skipBad, maxDoc, noDedup,
        };
        foreach (var option in dedup.All) command.Options.Add(option);

        command.SetAction((parse, ct) =>
        {
            var recorded = new Dictionary<string, object?>
            {
                ["text_field"] = parse.GetValue(textField),
                ["id_field"] = parse.GetValue(idField),
                ["threads"] = parse.GetValue(threads),
                ["skip_bad"] = parse.GetValue(skipBad),
                ["max_doc_mb"] = parse.GetValue(maxDoc),
                ["dedup"] = parse.GetValue(noDedup) ? null : dedup.Record(parse),
            };
            var settings = new AuditSettings
            {
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
                Recorded = recorded,
            };
            return AuditRun.RunAsync(settings, context, ct);
        });
        return command;
    }
}
