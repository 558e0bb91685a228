using System.Text.Json;
using CorpusQA.Cli.Faults;
using CorpusQA.Core.Dedup;
using CorpusQA.Core.Documents;
using CorpusQA.Core.Rules;
using CorpusQA.Core.Signals;
using CorpusQA.IO;
using CorpusQA.IO.Writers;
using CorpusQA.Segmentation;

namespace CorpusQA.Cli.Runs;

/// <summary>
/// <c>corpusqa dedup</c>: signs every document on all cores, clusters, and writes DIR/duplicates.parquet (one row per
/// document, input order) and DIR/dedup_pairs.jsonl (sample near-duplicate pairs with estimated and true Jaccard).
/// Segments only when word shingles or <c>--keep best</c> need it.
/// </summary>
internal static class DedupRun
{
    public static async Task<int> RunAsync(AuditSettings settings, CliContext context, CancellationToken ct)
    {
        var options = settings.Dedup!;
        string outDir = OutputFolder.Prepare(settings.OutDir, context);
        await using var errors = settings.Reading.SkipBad ? new BadRecordLog(Path.Combine(outDir, "errors.jsonl")) : null;
        var corpus = InputCorpus.Open(settings.Inputs, settings.Reading with { OnBadRecord = errors is null ? null : errors.Add, CountDuplicateIds = true }, outDir);
        corpus.ReportSkippedOutputs(context.Error);

        using var engine = new DedupEngine(options with { TempDirectory = outDir });
        PrintPlan(context, engine.Lsh, options, corpus);
        bool analyze = options.Shingle == ShingleUnit.Word || options.Keep == KeepPolicy.Best;
        var segmenter = analyze ? JiebaSegmenter.CreateDefault() : null;
        var rules = options.Keep == KeepPolicy.Best ? RuleSet.Default : null;
        var fileIndex = AuditRun.FileIndex(corpus);
        using var ids = new AuditSpill(outDir, valueCount: 0);
        var progress = new ProgressReporter(context, "dedup", corpus.TotalFileBytes);
        var failure = await AuditRun.FirstPassAsync(corpus, settings.Threads,
            () => segmenter is null ? null : new DocumentAnalyzer(segmenter),
            (analyzer, index, doc) =>
            {
                Sign(engine, analyzer, rules, index, doc);
                return new AuditRow(doc.Id, fileIndex[doc.SourceFile], doc.RowIndex, [], [], doc.Text.Length, System.Text.Encoding.UTF8.GetByteCount(doc.Text));
            },
            ids, progress, ct);
        var result = engine.Finish(ct);
        bool partial = failure is not null;
        var outputs = await WriteOutputsAsync(outDir, result, ids.ReadAll, corpus.Files, partial, ct);
        if (errors is not null) outputs.Add(await errors.CompleteAsync(partial));

        context.Error.WriteLine($"dedup: {Counted.Of(result.DocCount, "document")}, {result.ExactDuplicateCount:N0} exact duplicates, " +
            $"{result.NearDuplicateCount:N0} near duplicates, {result.DocCount - result.ExactDuplicateCount - result.NearDuplicateCount:N0} kept");
        foreach (var output in outputs) context.Error.WriteLine("wrote " + output);
        DuplicateIdWarning.Warn(context, corpus.DuplicateIdCount());
        if (failure is not null) throw failure;
        return corpus.SkippedRows > 0 ? ExitCodes.CompletedWithSkippedRows : ExitCodes.Ok;
    }

    private static void Sign(DedupEngine engine, DocumentAnalyzer? analyzer, RuleSet? rules, int index, Document doc)
    {
        if (analyzer is null)
        {
            engine.AddDocument(index, doc.Text, ReadOnlySpan<TokenSpan>.Empty);
            return;
        }

        var view = analyzer.Analyze(doc.Text);
        double? score = null;
        if (rules is not null)
        {
            var values = new double[SignalRegistry.Default.Count];
            SignalRegistry.Default.ComputeAll(view, values);
            score = -rules.Evaluate(values).DropReasons.Count;
        }

        engine.AddDocument(index, doc.Text, view.Tokens, score);
    }

    private static void PrintPlan(CliContext context, LshParameters lsh, DedupOptions options, InputCorpus corpus)
    {
        context.Error.WriteLine($"dedup: {options.Shingle.ToString().ToLowerInvariant()} {options.NGram}-gram shingles, " +
            $"{options.NumPerm} permutations, threshold {options.Threshold}: {lsh.Bands} bands x {lsh.Rows} rows " +
            $"(weighted FP+FN area {lsh.WeightedError:F4})");
        context.Error.WriteLine("  S-curve P(candidate | Jaccard s): " +
            string.Join("  ", lsh.SCurve(11).Select(p => $"{p.Similarity:0.0}:{p.CandidateProbability:0.000}")));
        context.Error.WriteLine("  " + DedupPlanLine.For(corpus, options, rowSpillBytesPerDocument: 40));
    }

    /// <summary>
    /// duplicates.parquet and dedup_pairs.jsonl from a dedup result and the documents' ids in index order
    /// (<paramref name="rows"/> is enumerated twice).
    /// </summary>
    internal static async Task<List<string>> WriteOutputsAsync(string outDir, DedupResult result, Func<IEnumerable<AuditRow>> rows,
        IReadOnlyList<string> files, bool partial, CancellationToken ct)
    {
        var join = new DedupJoin(result, rows());
        return
        [
            await WriteDuplicatesAsync(Path.Combine(outDir, "duplicates.parquet"), join, rows(), files, partial, ct),
            await WritePairsAsync(Path.Combine(outDir, "dedup_pairs.jsonl"), result, join, partial),
        ];
    }

    private static async Task<string> WriteDuplicatesAsync(string path, DedupJoin join, IEnumerable<AuditRow> rows,
        IReadOnlyList<string> files, bool partial, CancellationToken ct)
    {
        var columns = new List<TableColumn>(AuditColumns.Identity);
        columns.AddRange(AuditColumns.DedupColumns());
        columns.Add(new(AuditColumns.DropReasons, TableColumnType.String));
        await using var table = await ParquetTableWriter.CreateAsync(path, columns, cancellationToken: ct);
        int dedupColumns = table.ColumnIndex(AuditColumns.ExactHash);
        int reasons = table.ColumnIndex(AuditColumns.DropReasons);
        int index = 0;
        foreach (var row in rows)
        {
            var record = join[index];
            AuditColumns.WriteIdentity(table, index, row.DocId, files[row.FileIndex], row.RowIndex);
            join.Write(table, dedupColumns, record);
            table.SetString(reasons, record.DropReason ?? "");
            await table.EndRowAsync(ct);
            index++;
        }

        return partial ? await table.CompletePartialAsync(ct) : await table.CompleteAsync(ct);
    }

    private static async Task<string> WritePairsAsync(string path, DedupResult result, DedupJoin join, bool partial)
    {
        await using var writer = JsonlWriter.Create(path);
        foreach (var pair in result.SamplePairs)
        {
            writer.Write(json =>
            {
                json.WriteStartObject();
                json.WriteString("doc_id", join.IdOf(pair.Doc));
                json.WriteString("keeper_id", join.IdOf(pair.Keeper));
                json.WriteNumber("doc_index", pair.Doc);
                json.WriteNumber("keeper_index", pair.Keeper);
                json.WriteNumber("estimated_jaccard", Math.Round(pair.EstimatedJaccard, 4));
                if (double.IsNaN(pair.TrueJaccard)) json.WriteNull("true_jaccard");
                else json.WriteNumber("true_jaccard", Math.Round(pair.TrueJaccard, 4));
                json.WriteEndObject();
            });
        }

        return partial ? await writer.CompletePartialAsync() : await writer.CompleteAsync();
    }
}
