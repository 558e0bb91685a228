using System.CommandLine;
using CorpusQA.Cli.Runs;

namespace CorpusQA.Cli.Commands;

/// <summary><c>corpusqa dedup</c>: exact and MinHash-LSH near duplicates, explained per document.</summary>
internal static class DedupCommand
{
    public static Command Create(CliContext context)
    {
        var inputs = CommonOptions.Inputs();
        var outDir = CommonOptions.OutDir();
        var textField = CommonOptions.TextField();
        var idField = CommonOptions.IdField();
        var threads = CommonOptions.Threads();
        var skipBad = CommonOptions.SkipBad();
        var maxDoc = CommonOptions.MaxDocMegabytes();
        var dedup = new DedupCliOptions();
        var command = new Command("dedup",
            "Find exact duplicates (xxHash3-128 of normalized text) and near duplicates (MinHash LSH, verified edges): " +
            "DIR/duplicates.parquet (doc_id, exact_hash, exact_dup_of, cluster_id, cluster_size, is_keeper, keeper_id, " +
            "est_jaccard_to_keeper, ...) and DIR/dedup_pairs.jsonl (sample pairs, estimated and true Jaccard).")
        {
            inputs, outDir, textField, idField, threads, skipBad, maxDoc,
        };
        foreach (var option in dedup.All) command.Options.Add(option);
        command.SetAction((parse, ct) => DedupRun.RunAsync(new AuditSettings
        {
            CommandName = "dedup",
            Inputs = parse.GetValue(inputs)!,
            OutDir = parse.GetValue(outDir)!,
            Threads = parse.GetValue(threads),
            Reading = new InputCorpusOptions
            {
                TextField = parse.GetValue(textField),
                IdField = parse.GetValue(idField),
                SkipBad = parse.GetValue(skipBad),
                MaxDocumentBytes = parse.GetValue(maxDoc) * 1024L * 1024L,
            },
            Dedup = dedup.Read(parse),
        }, context, ct));
        return command;
    }
}
