using System.Text.Json;
using CorpusQA.Classify.Bundles;
using CorpusQA.Classify.Scoring;
using CorpusQA.Classify.Training;

namespace CorpusQA.Cli.Runs;

/// <summary>What <c>corpusqa eval</c> was asked to do.</summary>
internal sealed record EvalSettings
{
    public required IReadOnlyList<string> Inputs { get; init; }
    public required ModelBundle Model { get; init; }
    public required LabelledSelection Selection { get; init; }
    public InputCorpusOptions Reading { get; init; } = new();
    public int Threads { get; init; } = Environment.ProcessorCount;
    public string? Positive { get; init; }
    public double? MinScore { get; init; }
    public bool Json { get; init; }
    /// <summary>Write every document's label and prediction here (JSONL), to look at the errors.</summary>
    public string? PredictionsPath { get; init; }
}

/// <summary><c>corpusqa eval</c>: a model's metrics on labelled documents it has not seen.</summary>
internal static class EvalRun
{
    public static async Task<int> RunAsync(EvalSettings settings, CliContext context, CancellationToken ct)
    {
        var bundle = settings.Model;
        var corpus = InputCorpus.Open(settings.Inputs, settings.Reading with { ExtraFields = LabelledCorpus.Fields(settings.Selection) });
        var progress = new ProgressReporter(context, "eval", corpus.TotalFileBytes);
        var docs = await LabelledCorpus.LoadAsync(corpus, settings.Selection, bundle.Featurizer, settings.Threads, progress, ct);
        var labels = LabelMapping.ForModel(bundle.Manifest, settings.Positive, settings.MinScore);
        var targets = docs.Select(labels.Target).ToList();

        using var scorer = new ModelScorer(bundle);
        var predictions = docs.Select(d => Raw(scorer, d)).ToList();
        var report = Evaluator.Evaluate(bundle.Task, predictions, targets,
            settings.Selection.BreakdownField is null ? null : docs.Select(d => d.Breakdown!).ToList(),
            bundle.Manifest.Labels, bundle.Manifest.Threshold, labels.MinScore);
        if (settings.PredictionsPath is { } path) await PredictionsFile.WriteAsync(path, docs, predictions, targets, bundle.Task, bundle.Manifest.Labels, bundle.Manifest.Threshold);
        if (settings.Json) context.Out.WriteLine(JsonSerializer.Serialize(report, ModelBundle.Json));
        else ReportPrinter.Print(context.Out, report, $"{bundle.Origin} on {string.Join(", ", settings.Inputs)}");
        return ExitCodes.Ok;
    }

    /// <summary>The raw prediction the metrics need: P(positive), the score, or every class's probability.</summary>
    private static float[] Raw(ModelScorer scorer, LabelledDocument doc) =>
        scorer.Raw(doc.Indices, doc.Values, doc.Indices.Length);
}
