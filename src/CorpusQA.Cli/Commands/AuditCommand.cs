using System.CommandLine;
using CorpusQA.Cli.Runs;

namespace CorpusQA.Cli.Commands;

/// <summary><c>corpusqa audit</c>: every signal of every document, rules, dedup, signals.parquet and summary.json.</summary>
internal static class AuditCommand
{
    public static Command Create(CliContext context)
    {
        var options = new AuditCliOptions("Skip exact and near-duplicate detection.");
        var command = new Command("audit",
            "Compute every quality signal of every document, apply the rules and find duplicates: DIR/signals.parquet " +
            "(one row per document, in input order: doc_id, source_file, row_index, every signal, dedup columns, keep, " +
            "drop_reasons), DIR/summary.json (counts, per-signal distributions, drop reasons, options, rules hash), DIR/samples.json " +
            "(example texts) and the reports DIR/report.html and DIR/report.md (docs/report.md).");
        options.AddTo(command);
        command.SetAction((parse, ct) => AuditRun.RunAsync(options.Settings(parse, "audit"), context, ct));
        return command;
    }
}
