using CorpusQA.Classify.Scoring;
using CorpusQA.Cli.Faults;
using CorpusQA.Core.Documents;
using CorpusQA.Core.Pipeline;
using CorpusQA.Core.Signals;
using CorpusQA.IO;
using CorpusQA.Segmentation;

namespace CorpusQA.Cli.Runs;

/// <summary>What <c>corpusqa score</c> was asked to do.</summary>
internal sealed record ScoreSettings
{
    public required IReadOnlyList<string> Inputs { get; init; }
    public required string OutDir { get; init; }
    public required ModelSet Models { get; init; }
    public InputCorpusOptions Reading { get; init; } = new();
    public int Threads { get; init; } = Environment.ProcessorCount;
}

/// <summary>One document's scores as <c>score</c> writes them.</summary>
internal readonly record struct ScoreRow(string DocId, string File, long Row, DocumentScores Scores);

/// <summary>
/// <c>corpusqa score</c>: every document analysed once, featurized and scored by the quality and script models on all
/// cores, written to DIR/scores.parquet in input order (identical whatever the thread count).
/// </summary>
internal static class ScoreRun
{
    public static async Task<int> RunAsync(ScoreSettings settings, CliContext context, CancellationToken ct)
    {
        string outDir = OutputFolder.Prepare(settings.OutDir, context);
        var corpus = InputCorpus.Open(settings.Inputs, settings.Reading, outDir);
        corpus.ReportSkippedOutputs(context.Error);
        var registry = SignalRegistry.Default;
        var segmenter = JiebaSegmenter.CreateDefault();
        var progress = new ProgressReporter(context, "score", corpus.TotalFileBytes);
        string path = Path.Combine(outDir, "scores.parquet");
        await using var table = await ParquetTableWriter.CreateAsync(path, ModelColumns.ScoreTable, cancellationToken: ct);
        var scorers = new List<DocumentScorer>();
        long index = 0;
        CorpusInputException? failure = null;
        try
        {
            await OrderedParallel.RunAsync(
                corpus.ReadAllAsync(ct),
                () =>
                {
                    var scorer = settings.Models.CreateScorer();
                    lock (scorers) scorers.Add(scorer);
                    return (Analyzer: new DocumentAnalyzer(segmenter), Scorer: scorer, Values: new double[registry.Count]);
                },
                (worker, doc) =>
                {
                    var view = worker.Analyzer.Analyze(doc.Text);
                    registry.ComputeAll(view, worker.Values);
                    return new ScoreRow(doc.Id, doc.SourceFile, doc.RowIndex, worker.Scorer.Score(view, worker.Values));
                },
                async (doc, row) =>
                {
                    AuditColumns.WriteIdentity(table, index++, row.DocId, row.File, row.Row);
                    ModelColumns.Write(table, 4, row.Scores);
                    await table.EndRowAsync(ct);
                    progress.Document(System.Text.Encoding.UTF8.GetByteCount(doc.Text));
                },
                new OrderedParallelOptions { Threads = settings.Threads },
                ct);
        }
        catch (CorpusInputException ex)
        {
            failure = ex;
        }
        finally
        {
            progress.Finish();
            foreach (var s in scorers) s.Dispose();
        }

        string written = failure is null ? await table.CompleteAsync(ct) : await table.CompletePartialAsync(ct);
        context.Error.WriteLine($"score: {Counted.Of(index, "document")} → {written}");
        if (failure is not null) throw failure;
        return corpus.SkippedRows > 0 ? ExitCodes.CompletedWithSkippedRows : ExitCodes.Ok;
    }
}
