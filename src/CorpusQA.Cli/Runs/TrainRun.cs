using System.Security.Cryptography;
using System.Text.Json;
using CorpusQA.Classify.Bundles;
using CorpusQA.Classify.Features;
using CorpusQA.Classify.Training;
using CorpusQA.Core.Signals;
using CorpusQA.Segmentation;

namespace CorpusQA.Cli.Runs;

/// <summary>What <c>corpusqa train</c> was asked to do.</summary>
internal sealed record TrainSettings
{
    public required IReadOnlyList<string> Inputs { get; init; }
    public required string OutPath { get; init; }
    public required LabelledSelection Selection { get; init; }
    public InputCorpusOptions Reading { get; init; } = new();
    public int Threads { get; init; } = Environment.ProcessorCount;
    public ModelTask Task { get; init; } = ModelTask.Binary;
    public TrainerKind Trainer { get; init; } = TrainerKind.Sdca;
    public string? Positive { get; init; }
    public double? MinScore { get; init; }
    public double? Threshold { get; init; }
    public double? ThresholdKeep { get; init; }
    public int Folds { get; init; } = 5;
    public int Seed { get; init; } = 1;
    public float? L2 { get; init; }
    /// <summary>The featurizer without its signal scaling (fitted on the data); <see cref="SignalNames"/> says which signals.</summary>
    public required FeaturizerSettings Features { get; init; }
    public required IReadOnlyList<string> SignalNames { get; init; }
    public bool Json { get; init; }
    public string? PredictionsPath { get; init; }
}

/// <summary><c>corpusqa train</c>: featurize labelled documents, cross-validate by group, fit, write a model bundle.</summary>
internal static class TrainRun
{
    public static async Task<int> RunAsync(TrainSettings settings, CliContext context, CancellationToken ct)
    {
        var selection = settings.Selection;
        var corpus = InputCorpus.Open(settings.Inputs, settings.Reading with { ExtraFields = LabelledCorpus.Fields(selection) });
        var hashOnly = new Featurizer(settings.Features with { Signals = [] }, SignalRegistry.Default);
        var progress = new ProgressReporter(context, "train", corpus.TotalFileBytes);
        var docs = await LabelledCorpus.LoadAsync(corpus, selection, hashOnly, settings.Threads, progress, ct);
        var labels = LabelMapping.ForTraining(settings.Task, docs.Select(d => d.Label).ToList(), settings.Positive, settings.MinScore);

        var scaling = SignalScaler.Fit(settings.SignalNames, SignalRegistry.Default, docs.Select(d => d.Signals).ToList());
        var features = settings.Features with { Signals = scaling, DictionaryHash = JiebaSegmenter.DefaultDictionaryHash };
        var featurizer = new Featurizer(features, SignalRegistry.Default);
        var examples = docs.Select(d => Compose(featurizer, d, labels.Target(d))).ToList();
        var breakdown = selection.BreakdownField is null ? null : docs.Select(d => d.Breakdown!).ToList();

        context.Error.WriteLine($"train: {Counted.Of(examples.Count, "document")}, {features.Dimension:N0} features, {settings.Task.ToString().ToLowerInvariant()} " +
            $"({settings.Trainer.ToString().ToLowerInvariant()}), {settings.Folds}-fold cross-validation by {selection.GroupField ?? "row"}");
        var result = ClassifierTrainer.Train(examples, features.Dimension, new TrainOptions
        {
            Task = settings.Task,
            Trainer = settings.Trainer,
            Folds = settings.Folds,
            Seed = settings.Seed,
            Labels = labels.Names,
            Threshold = settings.Threshold,
            ThresholdKeep = settings.ThresholdKeep,
            MinScore = settings.MinScore,
            L2 = settings.L2,
        }, breakdown, line => context.Error.WriteLine($"train: {line}"));

        var manifest = new BundleManifest
        {
            Task = settings.Task.ToString().ToLowerInvariant(),
            Trainer = settings.Trainer.ToString().ToLowerInvariant(),
            Labels = labels.Names,
            Threshold = result.Threshold,
            Featurizer = features,
            CrossValidation = result.CrossValidation,
            Tool = ToolVersion.Release,
            Training = new TrainingProvenance
            {
                Files = Provenance(corpus, docs),
                Documents = examples.Count,
                LabelField = selection.LabelField!,
                GroupField = selection.GroupField,
                Positive = labels.Names.Count == 2 && settings.Task == ModelTask.Binary && settings.MinScore is null ? labels.Names[1] : null,
                MinScore = settings.MinScore,
                Folds = result.Folds,
                Seed = settings.Seed,
                LabelCounts = labels.Counts(docs),
            },
        };
        string written = await OutputFiles.WriteAsync(settings.OutPath, stream =>
        {
            ModelBundle.Save(stream, result, manifest);
            return Task.CompletedTask;
        });
        if (settings.PredictionsPath is { } path && result.OutOfFold is { } oof)
            await PredictionsFile.WriteAsync(path, docs, oof, examples.Select(e => e.Target).ToList(), settings.Task, labels.Names, result.Threshold);
        context.Error.WriteLine($"train: wrote {written}");
        if (settings.Json) context.Out.WriteLine(JsonSerializer.Serialize(manifest.CrossValidation, ModelBundle.Json));
        else if (result.CrossValidation is { } cv) ReportPrinter.Print(context.Out, cv, "cross-validated (out-of-fold)");
        return ExitCodes.Ok;
    }

    /// <summary>The scaled signals first, then the hashed features shifted past them.</summary>
    private static FeatureExample Compose(Featurizer featurizer, LabelledDocument doc, float target)
    {
        int signals = featurizer.Settings.Signals.Count;
        var scaled = new float[signals];
        featurizer.ScaleSignals(doc.Signals, scaled);
        var indices = new int[signals + doc.Indices.Length];
        var values = new float[indices.Length];
        for (int i = 0; i < signals; i++) indices[i] = i;
        scaled.CopyTo(values, 0);
        for (int i = 0; i < doc.Indices.Length; i++) indices[signals + i] = doc.Indices[i] + signals;
        doc.Values.CopyTo(values, signals);
        return new FeatureExample(indices, values, target, doc.Group);
    }

    private static List<TrainingFile> Provenance(InputCorpus corpus, List<LabelledDocument> docs)
    {
        var rows = docs.GroupBy(d => d.File).ToDictionary(g => g.Key, g => (long)g.Count());
        return corpus.Files.Select(f => new TrainingFile(f, rows.GetValueOrDefault(f), Sha256(f))).ToList();
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
