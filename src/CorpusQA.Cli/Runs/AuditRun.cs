using CorpusQA.Classify.Scoring;
using CorpusQA.Cli.Faults;
using CorpusQA.Core.Dedup;
using CorpusQA.Core.Documents;
using CorpusQA.Core.Pipeline;
using CorpusQA.Core.Signals;
using CorpusQA.Core.Stats;
using CorpusQA.IO;
using CorpusQA.Segmentation;

namespace CorpusQA.Cli.Runs;

/// <summary>
/// <c>corpusqa audit</c>: pass 1 reads, analyses (segmenting once), computes every signal, applies the rules and
/// signs each document for dedup, on all cores, spilling rows in input order; pass 2 clusters duplicates and writes
/// signals.parquet and summary.json. A bad record stops the run after everything before it was written as
/// <c>*.partial.*</c>.
/// </summary>
internal static class AuditRun
{
    public static async Task<int> RunAsync(AuditSettings settings, CliContext context, CancellationToken ct)
    {
        var rules = AuditAnalysis.Rules(settings);
        var registry = SignalRegistry.Default;
        var models = settings.Models;
        int valueCount = AuditAnalysis.ValueCount(registry, models);
        string outDir = OutputFolder.Prepare(settings.OutDir, context);

        await using var errors = settings.Reading.SkipBad ? new BadRecordLog(Path.Combine(outDir, "errors.jsonl")) : null;
        var corpus = InputCorpus.Open(settings.Inputs, settings.Reading with { OnBadRecord = errors is null ? null : errors.Add, CountDuplicateIds = true }, outDir);
        corpus.ReportSkippedOutputs(context.Error);

        using var dedup = settings.Dedup is null ? null : new DedupEngine(settings.Dedup with { TempDirectory = outDir });
        if (dedup is not null)
        {
            context.Error.WriteLine($"{settings.CommandName}: dedup with {dedup.Lsh.Bands} bands x {dedup.Lsh.Rows} rows for threshold {settings.Dedup!.Threshold}; " +
                DedupPlanLine.For(corpus, settings.Dedup, rowSpillBytesPerDocument: 40 + 8 * valueCount));
        }

        var segmenter = JiebaSegmenter.CreateDefault();
        var fileIndex = FileIndex(corpus);
        using var spill = new AuditSpill(outDir, valueCount);
        var progress = new ProgressReporter(context, settings.CommandName, corpus.TotalFileBytes);
        var scorers = new List<DocumentScorer>();
        var started = DateTime.UtcNow;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var sampler = settings.WriteSignals ? AuditReports.CreateSampler(rules, registry, models is not null) : null;
        CorpusInputException? failure;
        try
        {
            failure = await FirstPassAsync(corpus, settings.Threads, () => AuditAnalysis.CreateWorker(segmenter, models, scorers),
                (worker, index, doc) => AuditAnalysis.Analyze(worker, registry, valueCount, rules, dedup, index, doc, fileIndex[doc.SourceFile]), spill, progress, ct,
                sampler is null ? null : (index, doc, row) => sampler.Offer(index, doc.Id, doc.SourceFile, doc.RowIndex, row.Values, doc.Text));
        }
        finally
        {
            foreach (var scorer in scorers) scorer.Dispose();
        }

        var dedupResult = dedup?.Finish(ct);
        var summary = new CorpusSummary(AuditAnalysis.ValueNames(registry, models))
        {
            DuplicateIds = corpus.DuplicateIdCount(),
        };
        bool partial = failure is not null;
        var outputs = await DecideAndWriteAsync(settings, outDir, registry, spill, corpus, dedupResult, summary, partial, ct);
        var run = AuditSummaryFile.RunMetadata(settings, rules, corpus.Files, dedupResult is null ? null : DedupRunInfo.From(dedupResult),
            failure?.Message, errors?.Count ?? 0);
        AuditSummaryFile.SetTiming(run, started, clock.Elapsed);
        outputs.Add(await AuditSummaryFile.WriteAsync(Path.Combine(outDir, AuditSummaryFile.FileName), summary, run, partial));
        if (errors is not null) outputs.Add(await errors.CompleteAsync(partial));
        if (sampler is not null && !partial) outputs.AddRange(await AuditReports.WriteAsync(outDir, sampler, dedupResult, corpus, rules, ct));

        DuplicateIdWarning.Warn(context, summary.DuplicateIds);
        if (failure is not null && summary.Documents == 0)
        {
            // Nothing was processed: no table of zeros; the error (printed last, by the caller) is what matters.
            context.Error.WriteLine($"corpusqa: no document was read before the error; empty outputs: {string.Join(", ", outputs.Select(Path.GetFileName))}");
            throw failure;
        }

        SummaryTable.Print(context, settings.CommandName, summary, dedupResult, outputs);
        if (failure is not null)
        {
            context.Error.WriteLine($"corpusqa: the {Counted.Of(summary.Documents, "document")} read before the error {(summary.Documents == 1 ? "is" : "are")} in the *.partial.* outputs above");
            throw failure;
        }

        return corpus.SkippedRows > 0 ? ExitCodes.CompletedWithSkippedRows : ExitCodes.Ok;
    }

    /// <summary>
    /// Pass 1, shared by audit, filter and dedup: every document through <paramref name="process"/> on all
    /// threads, rows spilled in input order. A bad record ends the pass after everything before it was spilled;
    /// it is returned, not thrown, so that the caller can still write what was processed.
    /// </summary>
    internal static async Task<CorpusInputException?> FirstPassAsync<TWorker>(InputCorpus corpus, int threads,
        Func<TWorker> createWorker, Func<TWorker, int, Document, AuditRow> process, AuditSpill spill,
        ProgressReporter progress, CancellationToken ct, Action<int, Document, AuditRow>? observe = null)
    {
        try
        {
            await OrderedParallel.RunAsync(
                Indexed(corpus.ReadAllAsync(ct), ct),
                createWorker,
                (worker, item) => process(worker, item.Index, item.Doc),
                (item, row) =>
                {
                    observe?.Invoke(item.Index, item.Doc, row);
                    spill.Write(row);
                    progress.Document(row.Utf8Bytes);
                },
                new OrderedParallelOptions { Threads = threads },
                ct);
            return null;
        }
        catch (CorpusInputException ex)
        {
            return ex;
        }
        finally
        {
            progress.Finish();
        }
    }

    /// <summary>Each input file's position in the corpus's file list (rows store the position, not the path).</summary>
    internal static Dictionary<string, int> FileIndex(InputCorpus corpus) =>
        corpus.Files.Select((f, i) => (f, i)).ToDictionary(p => p.f, p => p.i, StringComparer.Ordinal);

    /// <summary>
    /// Pass 2: each document's final verdict (rule reasons plus its dedup reason) in input order, written to
    /// signals.parquet and/or the filter outputs. Filter outputs need the original records, so the inputs are read
    /// a second time in lockstep with the spill (dedup needs the whole corpus before any verdict is final).
    /// </summary>
    private static async Task<List<string>> DecideAndWriteAsync(AuditSettings settings, string outDir, SignalRegistry registry,
        AuditSpill spill, InputCorpus corpus, DedupResult? dedup, CorpusSummary summary, bool partial, CancellationToken ct)
    {
        var join = dedup is null ? null : new DedupJoin(dedup, spill.ReadAll());
        await using var table = settings.WriteSignals
            ? await SignalsTable.CreateAsync(Path.Combine(outDir, "signals.parquet"), registry, dedup is not null, settings.Models is not null, ct)
            : null;
        await using var filter = settings.Filter is null ? null : await FilterOutputWriter.CreateAsync(outDir, corpus.Files, settings.Filter, ct);
        await using var originals = filter is null ? null : corpus.Reread(keepOriginal: true).ReadAllAsync(ct).GetAsyncEnumerator(ct);
        int index = 0;
        var reasons = new List<string>();
        foreach (var row in spill.ReadAll())
        {
            ResolvedDedup? record = join is null ? null : join.Resolve(join[index]);
            bool keep = SignalsTable.Decide(row, record?.DropReason, reasons);
            string file = corpus.Files[row.FileIndex];
            if (table is not null) await table.WriteAsync(index, row, file, record, keep, reasons, ct);
            if (filter is not null)
            {
                if (!await originals!.MoveNextAsync() || originals.Current.RowIndex != row.RowIndex || originals.Current.SourceFile != file)
                {
                    throw new CorpusInputException(file, row.RowIndex, "the input changed while it was being filtered (second read differs)");
                }

                await filter.WriteAsync(originals.Current, keep, reasons, ct);
            }

            AuditSummaryFile.Add(summary, file, row, keep, reasons, settings.Models is not null);
            index++;
        }

        var written = new List<string>();
        if (table is not null) written.Add(await table.CompleteAsync(partial, ct));
        if (filter is not null)
        {
            var (kept, removed) = partial ? await filter.CompletePartialAsync(ct) : await filter.CompleteAsync(ct);
            written.Add(kept);
            written.Add(removed);
        }

        return written;
    }

    internal static IAsyncEnumerable<(int Index, Document Doc)> Indexed(IAsyncEnumerable<Document> docs, CancellationToken ct) =>
        InputCorpus.Indexed(docs, ct);
}
