using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
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
internal sealed class AuditSettings
{
    public required IReadOnlyList<string> Inputs { get; init; }

    public required string OutDir { get; init; }

    public InputCorpusOptions Reading { get; init; } = new();

    public string? ConfigPath { get; init; }

    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Null: no deduplication (--no-dedup).</summary>
    public DedupOptions? Dedup { get; init; }

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
        var rules = settings.ConfigPath is null ? RuleSet.Default : RuleSet.Load(settings.ConfigPath);
        var registry = SignalRegistry.Default;
        string outDir = CreateOutDir(settings.OutDir);

        await using var errors = settings.Reading.SkipBad ? new BadRecordLog(Path.Combine(outDir, "errors.jsonl")) : null;
        var corpus = new InputCorpus(settings.Inputs, new InputCorpusOptions
        {
            TextField = settings.Reading.TextField,
            IdField = settings.Reading.IdField,
            SkipBad = settings.Reading.SkipBad,
            MaxDocumentBytes = settings.Reading.MaxDocumentBytes,
            OnBadRecord = errors is null ? null : errors.Add,
        });

        using var dedup = settings.Dedup is null ? null : new DedupEngine(settings.Dedup with { TempDirectory = outDir });
        if (dedup is not null)
        {
            context.Error.WriteLine($"audit: dedup with {dedup.Lsh.Bands} bands x {dedup.Lsh.Rows} rows for threshold {settings.Dedup!.Threshold}; " +
                $"{DedupEngine.MemoryEstimate(EstimateDocuments(corpus), settings.Dedup)}");
        }

        var segmenter = JiebaSegmenter.CreateDefault();
        var fileIndex = corpus.Files.Select((f, i) => (f, i)).ToDictionary(p => p.f, p => p.i, StringComparer.Ordinal);
        using var spill = new AuditSpill(outDir, registry.Count);
        var progress = new ProgressReporter(context, "audit", EstimateChars(corpus));
        CorpusInputException? failure = null;
        try
        {
            await OrderedParallel.RunAsync(
                Indexed(corpus.ReadAllAsync(ct), ct),
                () => new DocumentAnalyzer(segmenter),
                (analyzer, item) => Analyze(analyzer, registry, rules, dedup, item.Index, item.Doc, fileIndex),
                (item, row) =>
                {
                    spill.Write(row);
                    progress.Document(row.Chars);
                },
                new OrderedParallelOptions { Threads = settings.Threads },
                ct);
        }
        catch (CorpusInputException ex)
        {
            failure = ex;
        }

        progress.Finish();
        var dedupResult = dedup?.Finish();
        var summary = new CorpusSummary(registry.Signals.Select(s => s.Name).ToList());
        bool partial = failure is not null;
        string signalsPath = await WriteSignalsAsync(Path.Combine(outDir, "signals.parquet"), registry, spill, corpus.Files,
            dedupResult, summary, partial, ct);
        var run = RunMetadata(settings, rules, corpus, dedupResult, failure, errors?.Count ?? 0);
        string summaryPath = await WriteSummaryAsync(Path.Combine(outDir, "summary.json"), summary, run, partial);
        if (errors is not null) await errors.CompleteAsync(partial);

        SummaryTable.Print(context, summary, dedupResult, [signalsPath, summaryPath]);
        if (failure is not null)
        {
            context.Error.WriteLine($"corpusqa: the {summary.Documents:N0} documents read before the error are in {signalsPath}");
            throw failure;
        }

        return corpus.SkippedRows > 0 ? ExitCodes.CompletedWithSkippedRows : ExitCodes.Ok;
    }

    private static AuditRow Analyze(DocumentAnalyzer analyzer, SignalRegistry registry, RuleSet rules, DedupEngine? dedup,
        int index, Document doc, Dictionary<string, int> fileIndex)
    {
        var view = analyzer.Analyze(doc.Text);
        var values = new double[registry.Count];
        registry.ComputeAll(view, values);
        var verdict = rules.Evaluate(values);
        // "best" keeps the cluster member that broke the fewest rules (then the first).
        dedup?.AddDocument(index, doc.Text, view.Tokens, -verdict.DropReasons.Count);
        return new AuditRow(doc.Id, fileIndex[doc.SourceFile], doc.RowIndex, values, verdict.DropReasons.ToArray(),
            doc.Text.Length, Encoding.UTF8.GetByteCount(doc.Text));
    }

    private static async Task<string> WriteSignalsAsync(string path, SignalRegistry registry, AuditSpill spill,
        IReadOnlyList<string> files, DedupResult? dedup, CorpusSummary summary, bool partial, CancellationToken ct)
    {
        var join = dedup is null ? null : new DedupJoin(dedup, spill.ReadAll());
        await using var table = await ParquetTableWriter.CreateAsync(path, AuditColumns.For(registry, dedup is not null), cancellationToken: ct);
        int firstSignal = table.ColumnIndex(registry.Signals[0].Name);
        int keepColumn = table.ColumnIndex(AuditColumns.Keep);
        int reasonsColumn = table.ColumnIndex(AuditColumns.DropReasons);
        int index = 0;
        var reasons = new List<string>();
        foreach (var row in spill.ReadAll())
        {
            reasons.Clear();
            reasons.AddRange(row.RuleReasons);
            if (join?[index].DropReason is { } dupReason) reasons.Add(dupReason);
            bool keep = reasons.Count == 0;
            table.SetInt64(0, index);
            table.SetString(1, row.DocId);
            table.SetString(2, files[row.FileIndex]);
            table.SetInt64(3, row.RowIndex);
            for (int s = 0; s < row.Values.Length; s++) table.SetDouble(firstSignal + s, row.Values[s]);
            join?.Write(table, index);
            table.SetBool(keepColumn, keep);
            table.SetString(reasonsColumn, string.Join(',', reasons));
            await table.EndRowAsync(ct);
            summary.Add(files[row.FileIndex], row.Values, row.Chars, row.Utf8Bytes, keep, reasons);
            index++;
        }

        return partial ? await table.CompletePartialAsync(ct) : await table.CompleteAsync(ct);
    }

    private static async Task<string> WriteSummaryAsync(string path, CorpusSummary summary, Dictionary<string, object?> run, bool partial)
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
            ["tool"] = "corpusqa " + typeof(AuditRun).Assembly.GetName().Version,
            ["command"] = "audit",
            ["inputs"] = corpus.Files,
            ["options"] = settings.Recorded,
            ["rules"] = settings.ConfigPath ?? "default",
            ["rules_sha256"] = rules.ConfigHash,
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

    private static string CreateOutDir(string path)
    {
        try
        {
            return Directory.CreateDirectory(path).FullName;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OutputException($"{path}: {ex.Message}", ex);
        }
    }

    // Uncompressed JSONL and text hold roughly one character per 2.5 bytes of Chinese; good enough for an ETA.
    private static long EstimateChars(InputCorpus corpus) => corpus.TotalFileBytes * 2 / 5;

    private static long EstimateDocuments(InputCorpus corpus) => Math.Max(1, corpus.TotalFileBytes / 4000);

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
