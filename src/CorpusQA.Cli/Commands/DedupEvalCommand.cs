using System.CommandLine;
using CorpusQA.Core.Dedup.Evaluation;
using CorpusQA.Core.Documents;

namespace CorpusQA.Cli.Commands;

/// <summary><c>corpusqa dedup-eval</c>: precision, recall and the measured S-curve on a labelled near-duplicate set.</summary>
internal static class DedupEvalCommand
{
    public static Command Create(CliContext context)
    {
        var pairs = new Argument<string>("pairs")
        {
            Description = "Labelled pairs (gzip JSON lines written by tools/dedup/make_eval_pairs.py), e.g. tests/CorpusQA.Core.Tests/Fixtures/dedup/eval_pairs.jsonl.gz.",
        };
        var dedup = new DedupCliOptions();
        var command = new Command("dedup-eval",
            "Evaluate near-duplicate detection on labelled (original, edited variant) pairs: precision and recall per edit " +
            "type at the threshold's true-Jaccard cut, estimate error, and the measured candidate rate against the " +
            "theoretical S-curve 1-(1-s^r)^b. Prints Markdown to stdout.")
        {
            pairs,
        };
        dedup.AddTo(command);
        command.SetAction(parse =>
        {
            string path = parse.GetValue(pairs)!;
            if (!File.Exists(path)) throw new CorpusInputException(path, null, "file not found");
            IReadOnlyList<DedupEvalPair> loaded;
            try
            {
                loaded = DedupEvalPair.Load(path);
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new CorpusInputException(path, null, "not a labelled pair set: " + ex.Message, ex);
            }

            var report = DedupEvaluation.Run(loaded, dedup.Read(parse));
            context.Out.Write(report.ToMarkdown());
            return ExitCodes.Ok;
        });
        return command;
    }
}
