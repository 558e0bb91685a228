using System.CommandLine;
using CorpusQA.Cli.Runs;
using CorpusQA.Reports;

namespace CorpusQA.Cli.Commands;

/// <summary><c>corpusqa compare DIR1 DIR2 ... --out FILE</c>: several audited corpora side by side.</summary>
internal static class CompareCommand
{
    public static Command Create(CliContext context)
    {
        var dirs = new Argument<string[]>("dirs") { Description = "Audit output folders (signals.parquet and summary.json each).", Arity = new ArgumentArity(1, 32) };
        var output = new Option<string>("--out") { Description = "The comparison file to write.", Required = true };
        var format = new Option<CompareFormat>("--format") { Description = "html (one self-contained page) or md.", DefaultValueFactory = _ => CompareFormat.Html };
        var command = new Command("compare",
            "Compare audited corpora side by side: overview numbers, funnels, drop reasons, script mix and every signal's " +
            "distribution overlaid over shared bins. Reads no corpus.")
        {
            dirs,
        };
        command.Options.Add(output);
        command.Options.Add(format);
        command.SetAction(async (parse, ct) =>
        {
            string path = await ReportRun.CompareAsync(parse.GetValue(dirs)!, parse.GetValue(output)!, parse.GetValue(format), ct);
            context.Error.WriteLine("wrote " + path);
            return ExitCodes.Ok;
        });
        return command;
    }
}
