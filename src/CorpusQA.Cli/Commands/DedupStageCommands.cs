using System.CommandLine;
using CorpusQA.Cli.Faults;
using CorpusQA.Cli.Runs;
using CorpusQA.Core.Dedup;
using CorpusQA.Core.Dedup.Stages;
using CorpusQA.Core.Documents;
using CorpusQA.Core.Pipeline;
using CorpusQA.Segmentation;

namespace CorpusQA.Cli.Commands;

/// <summary>
/// The dedup stages as separate invocations over shard files, so that many machines sign shards in parallel and one
/// merge step clusters them: <c>dedup-signatures</c> (per shard) → <c>dedup-buckets</c> → <c>dedup-clusters</c>.
/// Every stage must be given the same dedup options; the files' headers carry an options hash and a stage refuses
/// files written under other options.
/// </summary>
internal static class DedupStageCommands
{
    public static Command Signatures(CliContext context)
    {
        var reading = new ReadingCliOptions();
        var output = new Option<string>("--out") { Description = "Signature shard to write (SHARD.cqsig; also SHARD.cqsig.txt, SHARD.cqsig.ids.jsonl and, with --skip-bad, SHARD.cqsig.errors.jsonl).", Required = true };
        var firstIndex = new Option<int>("--first-index") { Description = "Global index of this shard's first document: shards together must number 0..N-1 in order.", DefaultValueFactory = _ => 0 };
        var dedup = new DedupCliOptions();
        var command = new Command("dedup-signatures", "Dedup stage 1 (one per shard): MinHash signatures of the inputs' documents to a shard file.");
        reading.AddTo(command);
        command.Options.Add(output);
        command.Options.Add(firstIndex);
        dedup.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var options = dedup.Read(parse);
            string path = parse.GetValue(output)!;
            int first = parse.GetValue(firstIndex);
            OutputFolder.Prepare(Path.GetDirectoryName(Path.GetFullPath(path))!, context);
            await using var errors = parse.GetValue(reading.SkipBad) ? new BadRecordLog(path + ".errors.jsonl") : null;
            var corpus = InputCorpus.Open(reading.InputPaths(parse), reading.Read(parse) with { OnBadRecord = errors is null ? null : errors.Add });
            var segmenter = options.Shingle == ShingleUnit.Word ? JiebaSegmenter.CreateDefault() : null;
            using var writer = new SignatureWriter(path, options, keepTexts: true);
            await using var ids = ShardIds.Create(path);
            int count = 0;
            await OrderedParallel.RunAsync(
                AuditRun.Indexed(corpus.ReadAllAsync(ct), ct),
                () => (Signer: new MinHashSigner(options), Analyzer: segmenter is null ? null : new DocumentAnalyzer(segmenter)),
                (worker, item) =>
                {
                    var words = worker.Analyzer is null ? default : worker.Analyzer.Analyze(item.Doc.Text).Tokens;
                    var signature = worker.Signer.Sign(first + item.Index, item.Doc.Text, words);
                    writer.Write(signature, worker.Signer.Normalizer.Normalize(item.Doc.Text));
                    return item.Doc;
                },
                (item, doc) =>
                {
                    ShardIds.Write(ids, first + item.Index, doc.Id, doc.SourceFile, doc.RowIndex);
                    count++;
                },
                new OrderedParallelOptions { Threads = parse.GetValue(reading.Threads) },
                ct);
            await ids.CompleteAsync();
            if (errors is not null) context.Error.WriteLine($"wrote {await errors.CompleteAsync(partial: false)}");
            context.Error.WriteLine($"dedup-signatures: {Counted.Of(count, "document")}, indices {first}..{first + count - 1}; next shard: --first-index {first + count}");
            context.Error.WriteLine($"wrote {Path.GetFullPath(path)}");
            return corpus.SkippedRows > 0 ? ExitCodes.CompletedWithSkippedRows : ExitCodes.Ok;
        });
        return command;
    }

    public static Command Buckets(CliContext context)
    {
        var shards = new Argument<string[]>("shards") { Description = "Every signature shard of the run (*.cqsig).", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out") { Description = "Candidate-pair file to write (RUN.cqcand).", Required = true };
        var dedup = new DedupCliOptions();
        var command = new Command("dedup-buckets", "Dedup stage 2 (once): LSH band buckets of all shards → exact and candidate pairs, spilling to disk beyond --memory.")
        {
            shards, output,
        };
        dedup.AddTo(command);
        command.SetAction((parse, ct) => Task.Run(() =>
        {
            var options = dedup.Read(parse);
            string path = parse.GetValue(output)!;
            var files = ExistingShards(parse.GetValue(shards)!);
            var stats = RunStage(() => BucketStage.Run(files, options with { TempDirectory = Path.GetDirectoryName(Path.GetFullPath(path)) }, path, ct), files);
            context.Error.WriteLine($"dedup-buckets: {Counted.Of(stats.DocCount, "document")}, {stats.ExactDuplicatePairs:N0} exact pairs, " +
                $"{stats.CandidatePairs:N0} candidate pairs, {stats.SpilledRuns} spilled runs");
            context.Error.WriteLine($"wrote {Path.GetFullPath(path)}");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    public static Command Clusters(CliContext context)
    {
        var shards = new Argument<string[]>("shards") { Description = "Every signature shard of the run (*.cqsig), as given to dedup-buckets.", Arity = ArgumentArity.OneOrMore };
        var candidates = new Option<string>("--candidates") { Description = "The candidate-pair file written by dedup-buckets.", Required = true };
        var outDir = CommonOptions.OutDir();
        var dedup = new DedupCliOptions();
        var command = new Command("dedup-clusters", "Dedup stage 3 (once): verify candidate edges, cluster, pick keepers → DIR/duplicates.parquet and DIR/dedup_pairs.jsonl, as `dedup` writes them.")
        {
            shards, candidates, outDir,
        };
        dedup.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var options = dedup.Read(parse);
            var files = ExistingShards(parse.GetValue(shards)!);
            string candidateFile = parse.GetValue(candidates)!;
            if (!File.Exists(candidateFile)) throw new CorpusInputException(candidateFile, null, "candidate file not found");
            var result = RunStage(() => ClusterStage.Run(files, candidateFile, options, ct), files);
            string outDirectory = OutputFolder.Prepare(parse.GetValue(outDir)!, context);
            var sources = new List<string>();
            IEnumerable<AuditRow> Rows() => ShardIds.ReadInOrder(files, sources);
            int listed = Rows().Count();
            if (listed != result.DocCount)
            {
                throw new CorpusInputException(files[0] + ShardIds.Suffix, null, $"the ids files list {listed} documents, the shards {result.DocCount}");
            }

            var outputs = await DedupRun.WriteOutputsAsync(outDirectory, result, Rows, sources, partial: false, ct);
            context.Error.WriteLine($"dedup-clusters: {Counted.Of(result.DocCount, "document")}, {result.ExactDuplicateCount:N0} exact duplicates, {result.NearDuplicateCount:N0} near duplicates");
            foreach (var output in outputs) context.Error.WriteLine("wrote " + output);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static List<string> ExistingShards(string[] shards)
    {
        foreach (var shard in shards)
        {
            if (!File.Exists(shard)) throw new CorpusInputException(shard, null, "signature shard not found");
        }

        return shards.ToList();
    }

    // The stages validate their files (magic, version, options hash, length) and say what is wrong.
    private static T RunStage<T>(Func<T> stage, IReadOnlyList<string> files)
    {
        try
        {
            return stage();
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            string? named = files.FirstOrDefault(f => ex.Message.StartsWith(f + ": ", StringComparison.Ordinal));
            throw named is null
                ? new CorpusInputException(string.Join(", ", files), null, ex.Message, ex)
                : new CorpusInputException(named, null, ex.Message[(named.Length + 2)..], ex);
        }
    }
}
