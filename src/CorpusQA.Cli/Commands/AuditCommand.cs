using System.CommandLine;
using CorpusQA.Cli.Runs;

namespace CorpusQA.Cli.Commands;

/// <summary><c>corpusqa audit</c>: every signal of every document, rules, dedup, signals.parquet and summary.json.</summary>
internal static class AuditCommand
{
    public static Command Create(CliContext context)
    {
        var reading = new ReadingCliOptions();
        var outDir = CommonOptions.OutDir();
        var config = CommonOptions.Config();
        var noDedup = new Option<bool>("--no-dedup") { Description = "Skip exact and near-duplicate detection." };
        var dedup = new DedupCliOptions();
        var command = new Command("audit",
            "Compute every quality signal of every document, apply the rules and find duplicates: DIR/signals.parquet " +
            "(one row per document, in input order: doc_id, source_file, row_index, every signal, dedup columns, keep, " +
            "drop_reasons) and DIR/summary.json (counts, per-signal distributions, drop reasons, options, rules hash).");
        reading.AddTo(command);
        command.Options.Add(outDir);
        command.Options.Add(config);
        command.Options.Add(noDedup);
        dedup.AddTo(command);

        command.SetAction((parse, ct) =>
        {
            var recorded = reading.Record(parse);
            recorded["dedup"] = parse.GetValue(noDedup) ? null : dedup.Record(parse);
            return AuditRun.RunAsync(new AuditSettings
            {
                Inputs = reading.InputPaths(parse),
                OutDir = parse.GetValue(outDir)!,
                ConfigPath = parse.GetValue(config),
                Threads = parse.GetValue(reading.Threads),
                Reading = reading.Read(parse),
                Dedup = parse.GetValue(noDedup) ? null : dedup.Read(parse),
                Recorded = recorded,
            }, context, ct);
        });
        return command;
    }
}
