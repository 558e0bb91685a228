using System.Text.Json.Serialization;
using CorpusQA.Classify.Features;
using CorpusQA.Classify.Training;

namespace CorpusQA.Classify.Bundles;

/// <summary>bundle.json: what the model is, how its features are made, how good it was, and what it was trained on.</summary>
public sealed record BundleManifest
{
    public const string CurrentFormat = "corpusqa-model-1";

    [JsonPropertyName("format")] public string Format { get; init; } = CurrentFormat;
    [JsonPropertyName("task")] public required string Task { get; init; }
    [JsonPropertyName("trainer")] public required string Trainer { get; init; }

    /// <summary>Binary: [negative, positive]; multiclass: the classes in score order; regression: empty.</summary>
    [JsonPropertyName("labels")] public required IReadOnlyList<string> Labels { get; init; }

    /// <summary>Binary: P(positive) ≥ threshold is the positive label. Regression: score ≥ threshold is "good" (optional).</summary>
    [JsonPropertyName("threshold")] public double? Threshold { get; init; }

    [JsonPropertyName("featurizer")] public required FeaturizerSettings Featurizer { get; init; }

    /// <summary>Out-of-fold cross-validation metrics of the training run (null without folds).</summary>
    [JsonPropertyName("cross_validation")] public EvaluationReport? CrossValidation { get; init; }

    [JsonPropertyName("training")] public required TrainingProvenance Training { get; init; }

    [JsonPropertyName("tool")] public required string Tool { get; init; }

    /// <summary>SHA-256 of <c>model.mlnet</c> and, for linear models, of <c>linear.bin</c> (the weights scoring reads without ML.NET).</summary>
    [JsonPropertyName("files")] public BundleFiles? Files { get; init; }

    [JsonIgnore] public ModelTask TaskKind => Enum.Parse<ModelTask>(Task, ignoreCase: true);
}

public sealed record BundleFiles(
    [property: JsonPropertyName("model_sha256")] string ModelSha256,
    [property: JsonPropertyName("linear_sha256")] string? LinearSha256);

/// <summary>Where the training data came from, so a model can be traced and rebuilt.</summary>
public sealed record TrainingProvenance
{
    [JsonPropertyName("files")] public required IReadOnlyList<TrainingFile> Files { get; init; }
    [JsonPropertyName("documents")] public required int Documents { get; init; }
    [JsonPropertyName("label_field")] public required string LabelField { get; init; }
    [JsonPropertyName("group_field")] public string? GroupField { get; init; }
    [JsonPropertyName("positive")] public string? Positive { get; init; }
    [JsonPropertyName("min_score")] public double? MinScore { get; init; }
    [JsonPropertyName("folds")] public int Folds { get; init; }
    [JsonPropertyName("seed")] public int Seed { get; init; }
    [JsonPropertyName("label_counts")] public IReadOnlyDictionary<string, int>? LabelCounts { get; init; }
}

public sealed record TrainingFile(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("rows")] long Rows,
    [property: JsonPropertyName("sha256")] string Sha256);
