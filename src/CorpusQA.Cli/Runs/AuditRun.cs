using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using CorpusQA.Classify.Scoring;
using CorpusQA.Cli.Commands;
using CorpusQA.Cli.Faults;
using CorpusQA.Core.Dedup;
using CorpusQA.Core.Documents;
using CorpusQA.Core.Pipeline;
using CorpusQA.Core.Rules;
using CorpusQA.Core.Signals;
using CorpusQA.Core.Stats;
using CorpusQA.IO;
using CorpusQA.Segmentation;

namespace CorpusQA.Cli.Runs;

/// <summary>What <c>corpusqa audit</c> was asked to do.</summary>
internal sealed record AuditSettings
{
    public required IReadOnlyList<string> Inputs { get; init; }

    public required string OutDir { get; init; }

    public InputCorpusOptions Reading { get; init; } = new();

    public string? ConfigPath { get; init; }

    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Null: no deduplication (--no-dedup).</summary>
    public DedupOptions? Dedup { get; init; }

    /// <summary>Write signals.parquet (audit).</summary>
    public bool WriteSignals { get; init; } = true;

    /// <summary>Write kept and removed outputs with the original records (filter); null: no filter outputs.</summary>
    public FilterOutputOptions? Filter { get; init; }

    /// <summary>The learned models to apply (null: --no-model).</summary>
    public ModelSet? Models { get; init; }

    /// <summary>"audit" or "filter", for messages and summary.json.</summary>
    public string CommandName { get; init; } = "audit";

    /// <summary>The options as given, recorded in summary.json.</summary>
    public Dictionary<string, object?> Recorded { get; init; } = new();
}

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
        var rules = WithQualityRule(settings.ConfigPath is null ? RuleSet.Default : RuleSet.Load(settings.ConfigPath), settings.Models);
        var registry = SignalRegistry.Default;
        var models = settings.Models;
        int valueCount = registry.Count + (models is null ? 0 : ScoreColumns.All.Count);
        string outDir = OutputFolder.Prepare(settings.OutDir, context);

        await using var errors = settings.Reading.SkipBad ? new BadRecordLog(Path.Combine(outDir, "errors.jsonl")) : null;
        var corpus = InputCorpus.Open(settings.Inputs, settings.Reading with { OnBadRecord = errors is null ? null : errors.Add, CountDuplicateIds = true }, outDir);
        corpus.ReportSkippedOutputs(context);

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
            failure = await FirstPassAsync(corpus, settings.Threads, () => new AuditWorker(new DocumentAnalyzer(segmenter), CreateScorer(models, scorers)),
                (worker, index, doc) => Analyze(worker, registry, valueCount, rules, dedup, index, doc, fileIndex), spill, progress, ct,
                sampler is null ? null : (index, doc, row) => sampler.Offer(index, doc.Id, doc.SourceFile, doc.RowIndex, row.Values, doc.Text));
        }
        finally
        {
            foreach (var scorer in scorers) scorer.Dispose();
        }

        var dedupResult = dedup?.Finish(ct);
        var summary = new CorpusSummary([.. registry.Signals.Select(s => s.Name), .. models is null ? [] : ScoreColumns.All])
        {
            DuplicateIds = corpus.DuplicateIdCount(),
        };
        bool partial = failure is not null;
        var outputs = await DecideAndWriteAsync(settings, outDir, registry, spill, corpus, dedupResult, summary, partial, ct);
        var run = RunMetadata(settings, rules, corpus, dedupResult, failure, errors?.Count ?? 0);
        run["started_utc"] = started.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        run["elapsed_seconds"] = Math.Round(clock.Elapsed.TotalSeconds, 3);
        outputs.Add(await WriteSummaryAsync(Path.Combine(outDir, "summary.json"), summary, run, partial));
        if (errors is not null) outputs.Add(await errors.CompleteAsync(partial));
        if (sampler is not null && !partial) outputs.AddRange(await AuditReports.WriteAsync(outDir, sampler, dedupResult, corpus, rules, ct));

        DuplicateIds.Warn(context, summary.DuplicateIds);
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

    /// <summary>One thread's analyzer and model scorer.</summary>
    private sealed record AuditWorker(DocumentAnalyzer Analyzer, DocumentScorer? Scorer);

    private static DocumentScorer? CreateScorer(ModelSet? models, List<DocumentScorer> created)
    {
        if (models is null) return null;
        var scorer = models.CreateScorer();
        lock (created) created.Add(scorer);
        return scorer;
    }

    /// <summary>
    /// The quality model's threshold as the rule <c>quality_score ≥ T</c> (reason low_quality_score), unless the rule
    /// set already bounds quality_score: a rules file overrides the model's threshold like any other.
    /// </summary>
    internal static RuleSet WithQualityRule(RuleSet rules, ModelSet? models) =>
        WithQualityRule(rules, models?.Quality?.Manifest.Threshold, models?.Quality?.Origin);

    /// <summary>As above from a recorded threshold and model origin (a replay reads them from summary.json).</summary>
    internal static RuleSet WithQualityRule(RuleSet rules, double? threshold, string? origin)
    {
        if (threshold is not { } t || rules.HasRuleOn(ScoreColumns.QualityScore)) return rules;
        return rules.With(new QualityRule(ScoreColumns.QualityScore, RuleBound.Min, t, ScoreColumns.LowQualityReason,
            $"the quality model's threshold ({origin}; chosen on out-of-fold predictions, docs/classify.md)"));
    }

    private static AuditRow Analyze(AuditWorker worker, SignalRegistry registry, int valueCount, RuleSet rules, DedupEngine? dedup,
        int index, Document doc, Dictionary<string, int> fileIndex)
    {
        var view = worker.Analyzer.Analyze(doc.Text);
        var values = new double[valueCount];
        registry.ComputeAll(view, values);
        DocumentScores scores = default;
        if (worker.Scorer is { } scorer)
        {
            scores = scorer.Score(view, values.AsSpan(0, registry.Count));
            values[registry.Count] = scores.Quality?.Score ?? double.NaN;
            values[registry.Count + 1] = scores.Script?.Score ?? double.NaN;
        }
        var verdict = rules.Evaluate(values);
        // "best" keeps the cluster member that broke the fewest rules (then the first).
        dedup?.AddDocument(index, doc.Text, view.Tokens, -verdict.DropReasons.Count);
        return new AuditRow(doc.Id, fileIndex[doc.SourceFile], doc.RowIndex, values, verdict.DropReasons.ToArray(),
            doc.Text.Length, Encoding.UTF8.GetByteCount(doc.Text), scores.Quality?.Label, scores.Script?.Label);
    }

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
            ? await ParquetTableWriter.CreateAsync(Path.Combine(outDir, "signals.parquet"),
                AuditColumns.For(registry, dedup is not null, settings.Models is not null), AuditColumns.SignalsTableOptions(registry), ct)
            : null;
        await using var filter = settings.Filter is null ? null : await FilterOutputWriter.CreateAsync(outDir, corpus.Files, settings.Filter, ct);
        await using var originals = filter is null ? null : corpus.Reread(keepOriginal: true).ReadAllAsync(ct).GetAsyncEnumerator(ct);
        int signalColumns = table?.ColumnIndex(registry.Signals[0].Name) ?? 0;
        int dedupColumns = table is not null && join is not null ? table.ColumnIndex(AuditColumns.ExactHash) : 0;
        int modelColumns = table is not null && settings.Models is not null ? table.ColumnIndex(ScoreColumns.QualityScore) : -1;
        int keepColumn = table?.ColumnIndex(AuditColumns.Keep) ?? 0;
        int reasonsColumn = table?.ColumnIndex(AuditColumns.DropReasons) ?? 0;
        int index = 0;
        var reasons = new List<string>();
        foreach (var row in spill.ReadAll())
        {
            var record = join?[index];
            reasons.Clear();
            reasons.AddRange(row.RuleReasons);
            if (record?.DropReason is { } dupReason) reasons.Add(dupReason);
            bool keep = reasons.Count == 0;
            string file = corpus.Files[row.FileIndex];
            if (table is not null)
            {
                AuditColumns.WriteIdentity(table, index, row.DocId, file, row.RowIndex);
                for (int s = 0; s < registry.Count; s++) table.SetDouble(signalColumns + s, row.Values[s]);
                if (modelColumns >= 0) ModelColumns.Write(table, modelColumns, ScoresOf(row, registry.Count));
                if (record is { } r) join!.Write(table, dedupColumns, r);
                table.SetBool(keepColumn, keep);
                table.SetString(reasonsColumn, string.Join(',', reasons));
                await table.EndRowAsync(ct);
            }

            if (filter is not null)
            {
                if (!await originals!.MoveNextAsync() || originals.Current.RowIndex != row.RowIndex || originals.Current.SourceFile != file)
                {
                    throw new CorpusInputException(file, row.RowIndex, "the input changed while it was being filtered (second read differs)");
                }

                await filter.WriteAsync(originals.Current, keep, reasons, ct);
            }

            summary.Add(file, row.Values, row.Chars, row.Utf8Bytes, keep, reasons);
            if (settings.Models is not null)
            {
                summary.AddCategory(ModelColumns.Script, row.Script);
                summary.AddCategory(ModelColumns.QualityLabel, row.QualityLabel);
            }
            index++;
        }

        var written = new List<string>();
        if (table is not null) written.Add(partial ? await table.CompletePartialAsync(ct) : await table.CompleteAsync(ct));
        if (filter is not null)
        {
            var (kept, removed) = partial ? await filter.CompletePartialAsync(ct) : await filter.CompleteAsync(ct);
            written.Add(kept);
            written.Add(removed);
        }

        return written;
    }

    /// <summary>The spilled row's model outputs back as scores (NaN: that model was absent).</summary>
    private static DocumentScores ScoresOf(AuditRow row, int signals) => new(
        double.IsNaN(row.Values[signals]) ? null : new Prediction(row.Values[signals], row.QualityLabel),
        double.IsNaN(row.Values[signals + 1]) ? null : new Prediction(row.Values[signals + 1], row.Script));

    internal static async Task<string> WriteSummaryAsync(string path, CorpusSummary summary, Dictionary<string, object?> run, bool partial)
    {
        await using var file = OutputFiles.Create(path);
        await using (var json = new Utf8JsonWriter(file.Stream, new JsonWriterOptions
        {
            Indented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            summary.WriteJson(json, run);
        }

        return partial ? await file.CommitPartialAsync() : await OutputFiles.CommitAsync(file);
    }

    private static Dictionary<string, object?> RunMetadata(AuditSettings settings, RuleSet rules, InputCorpus corpus,
        DedupResult? dedup, CorpusInputException? failure, long skipped)
    {
        var run = new Dictionary<string, object?>
        {
            ["tool"] = ToolVersion.Text, // with the commit: "corpusqa 1.0.0+a986e03…"
            ["command"] = settings.CommandName,
            ["inputs"] = corpus.Files,
            ["options"] = settings.Recorded,
            ["rules"] = settings.ConfigPath ?? "default",
            ["rules_sha256"] = rules.ConfigHash,
            ["models"] = ModelCliOptions.Record(settings.Models),
            ["complete"] = failure is null,
            ["error"] = failure?.Message,
            ["skipped_bad_rows"] = skipped,
        };
        if (dedup is not null)
        {
            run["dedup"] = new Dictionary<string, object?>
            {
                ["threshold"] = settings.Dedup!.Threshold,
                ["num_perm"] = settings.Dedup.NumPerm,
                ["shingle"] = settings.Dedup.Shingle.ToString().ToLowerInvariant(),
                ["ngram"] = settings.Dedup.NGram,
                ["bands"] = dedup.Lsh.Bands,
                ["rows"] = dedup.Lsh.Rows,
                ["exact_duplicates"] = dedup.ExactDuplicateCount,
                ["near_duplicates"] = dedup.NearDuplicateCount,
                ["sample_pairs"] = dedup.SamplePairs.Select(p => new Dictionary<string, object?>
                {
                    ["doc_index"] = p.Doc,
                    ["keeper_index"] = p.Keeper,
                    ["estimated_jaccard"] = Math.Round(p.EstimatedJaccard, 4),
                    ["true_jaccard"] = double.IsNaN(p.TrueJaccard) ? null : Math.Round(p.TrueJaccard, 4),
                }).ToList(),
            };
        }

        return run;
    }

    internal static async IAsyncEnumerable<(int Index, Document Doc)> Indexed(IAsyncEnumerable<Document> docs,
        [EnumeratorCancellation] CancellationToken ct)
    {
        int index = 0;
        await foreach (var doc in docs.WithCancellation(ct).ConfigureAwait(false))
        {
            yield return (index++, doc);
        }
    }
}
