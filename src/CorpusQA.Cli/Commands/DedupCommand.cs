using System.CommandLine;
using CorpusQA.Cli.Runs;

namespace CorpusQA.Cli.Commands;

/// <summary><c>corpusqa dedup</c>: exact and MinHash-LSH near duplicates, explained per document.</summary>
internal static class DedupCommand
{
    public static Command Create(CliContext context)
    {
        var reading = new ReadingCliOptions();
        var outDir = CommonOptions.OutDir();
        var dedup = new DedupCliOptions();
        var command = new Command("dedup",
            "Find exact duplicates (xxHash3-128 of normalized text) and near duplicates (MinHash LSH, candidate edges " +
            "verified by exact Jaccard): DIR/duplicates.parquet (doc_id, exact_hash, exact_dup_of, cluster_id, " +
            "cluster_size, is_keeper, keeper_id, est_jaccard_to_keeper, true_jaccard_to_keeper, ...) and " +
            "DIR/dedup_pairs.jsonl (sample pairs, estimated and true Jaccard).");
        reading.AddTo(command);
        command.Options.Add(outDir);
        dedup.AddTo(command);
        command.SetAction((parse, ct) => DedupRun.RunAsync(new AuditSettings
        {
            CommandName = "dedup",
            Inputs = reading.InputPaths(parse),
            OutDir = parse.GetValue(outDir)!,
            Threads = parse.GetValue(reading.Threads),
            Reading = reading.Read(parse),
            Dedup = dedup.Read(parse),
        }, context, ct));
        return command;
    }
}
