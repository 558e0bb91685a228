using System.CommandLine;
using CorpusQA.Cli.Runs;

namespace CorpusQA.Cli.Commands;

/// <summary><c>corpusqa report DIR</c>: report.html and report.md again from an audit's stored files.</summary>
internal static class ReportCommand
{
    public static Command Create(CliContext context)
    {
        var dir = new Argument<string>("dir") { Description = "An audit's output folder: signals.parquet, summary.json (and samples.json for example texts)." };
        var command = new Command("report",
            "Write DIR/report.html (one self-contained page: overview, funnel, every signal, drop reasons with examples, duplicates, " +
            "what-if, run) and DIR/report.md from signals.parquet and summary.json, with the rule set summary.json records. Reads no corpus.")
        {
            dir,
        };
        command.SetAction(async (parse, ct) =>
        {
            foreach (var path in await ReportRun.WriteAsync(parse.GetValue(dir)!, null, ct)) context.Error.WriteLine("wrote " + path);
            return ExitCodes.Ok;
        });
        return command;
    }
}
