using CorpusQA.Classify.Features;
using CorpusQA.Classify.Training;
using CorpusQA.Core.Documents;
using CorpusQA.Core.Pipeline;
using CorpusQA.Core.Signals;
using CorpusQA.Segmentation;

namespace CorpusQA.Cli.Runs;

/// <summary>One labelled document after analysis: its label and group as read, its signals and its features.</summary>
internal sealed record LabelledDocument(string File, long Row, string Label, string Group, string? Breakdown, double[] Signals,
    int[] Indices, float[] Values);

/// <summary>Which rows train or evaluate a model, and which fields hold their label and group.</summary>
internal sealed record LabelledSelection
{
    /// <summary>The label field; null: unlabelled documents (calibration reference), every label "".</summary>
    public required string? LabelField { get; init; }

    /// <summary>Rows with the same value never straddle cross-validation folds; reported per value in eval.</summary>
    public string? GroupField { get; init; }

    /// <summary>A field whose values the metrics are broken down by (e.g. the defect kind); null: none.</summary>
    public string? BreakdownField { get; init; }

    /// <summary>field=value conditions a row must all meet to be used (e.g. split=train).</summary>
    public IReadOnlyList<(string Field, string Value)> Where { get; init; } = [];
}

/// <summary>
/// Reads labelled documents and featurizes them on all cores (segmenting each once, as the audit does): the
/// shared loader of <c>train</c> and <c>eval</c>.
/// </summary>
internal static class LabelledCorpus
{
    /// <remarks>With a null <c>featurizer</c>, signals only (no feature vectors).</remarks>
    public static async Task<List<LabelledDocument>> LoadAsync(InputCorpus corpus, LabelledSelection selection, Featurizer? featurizer,
        int threads, ProgressReporter progress, CancellationToken ct)
    {
        var registry = SignalRegistry.Default;
        var segmenter = JiebaSegmenter.CreateDefault();
        var result = new List<LabelledDocument>();
        int labelIndex = selection.LabelField is null ? -1 : 0;
        int groupIndex = selection.GroupField is null ? -1 : labelIndex + 1;
        int breakdownIndex = selection.BreakdownField is null ? -1 : Math.Max(labelIndex, groupIndex) + 1;
        int whereStart = Math.Max(Math.Max(labelIndex, groupIndex), breakdownIndex) + 1;
        try
        {
            await OrderedParallel.RunAsync(
                corpus.ReadAllAsync(ct),
                () => (Analyzer: new DocumentAnalyzer(segmenter), Buffer: featurizer?.CreateBuffer()),
                (worker, doc) =>
                {
                    var fields = doc.Fields ?? [];
                    for (int w = 0; w < selection.Where.Count; w++)
                        if (!string.Equals(fields[whereStart + w], selection.Where[w].Value, StringComparison.Ordinal)) return null;
                    string label = labelIndex < 0 ? "" : fields[labelIndex] ?? throw new CorpusInputException(doc.SourceFile, doc.RowIndex,
                        $"no label field '{selection.LabelField}' (or it is null)");
                    string group = groupIndex < 0 ? $"{doc.SourceFile}#{doc.RowIndex}"
                        : fields[groupIndex] ?? throw new CorpusInputException(doc.SourceFile, doc.RowIndex,
                            $"no group field '{selection.GroupField}' (or it is null)");
                    var view = worker.Analyzer.Analyze(doc.Text);
                    var values = new double[registry.Count];
                    registry.ComputeAll(view, values);
                    string? breakdown = breakdownIndex < 0 ? null : fields[breakdownIndex] ?? "";
                    if (featurizer is null) return new LabelledDocument(doc.SourceFile, doc.RowIndex, label, group, breakdown, values, [], []);
                    var b = worker.Buffer!;
                    featurizer.Featurize(view, values, b);
                    return new LabelledDocument(doc.SourceFile, doc.RowIndex, label, group, breakdown, values,
                        b.Indices.AsSpan(0, b.Count).ToArray(), b.Values.AsSpan(0, b.Count).ToArray());
                },
                (doc, labelled) =>
                {
                    if (labelled is not null) result.Add(labelled);
                    progress.Document(System.Text.Encoding.UTF8.GetByteCount(doc.Text));
                },
                new OrderedParallelOptions { Threads = threads },
                ct);
        }
        finally
        {
            progress.Finish();
        }
        if (result.Count == 0)
            throw new TrainingDataException($"no {(selection.LabelField is null ? "" : "labelled ")}documents were read from {string.Join(", ", corpus.Files)} (check the inputs and --where)");
        return result;
    }

    /// <summary>The extra fields to read, in the order <see cref="LoadAsync"/> expects them.</summary>
    public static IReadOnlyList<string> Fields(LabelledSelection selection) =>
        [.. Optional(selection.LabelField), .. Optional(selection.GroupField), .. Optional(selection.BreakdownField), .. selection.Where.Select(w => w.Field)];

    private static string[] Optional(string? field) => field is null ? [] : [field];
}
