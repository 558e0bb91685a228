using System.CommandLine;
using CorpusQA.Cli.Runs;

namespace CorpusQA.Cli.Commands;

/// <summary><c>corpusqa score</c>: learned quality and script scores of every document.</summary>
internal static class ScoreCommand
{
    public static Command Create(CliContext context)
    {
        var reading = new ReadingCliOptions();
        var outDir = CommonOptions.OutDir();
        var models = new ModelCliOptions(allowNone: false);
        var command = new Command("score",
            "Score every document with the quality model (P(good) and its label at the model's threshold) and the " +
            "script model (zh-Hans, zh-Hant, ja, en, mixed, other, with its probability): DIR/scores.parquet with " +
            "doc_index, doc_id, source_file, row_index, quality_score, quality_label, script, script_confidence, in input order.");
        reading.AddTo(command);
        command.Options.Add(outDir);
        models.AddTo(command);
        command.SetAction((parse, ct) => ScoreRun.RunAsync(new ScoreSettings
        {
            Inputs = reading.InputPaths(parse),
            OutDir = parse.GetValue(outDir)!,
            Models = models.Read(parse)!,
            Reading = reading.Read(parse),
            Threads = parse.GetValue(reading.Threads),
        }, context, ct));
        return command;
    }
}
