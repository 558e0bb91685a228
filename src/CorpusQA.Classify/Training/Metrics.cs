using System.Text.Json.Serialization;

namespace CorpusQA.Classify.Training;

/// <summary>One model's quality on labelled documents (out-of-fold in training, or a held-out set in eval).</summary>
public sealed record EvaluationReport
{
    [JsonPropertyName("task")] public required string Task { get; init; }
    [JsonPropertyName("documents")] public required int Documents { get; init; }
    [JsonPropertyName("binary")] public BinaryMetrics? Binary { get; init; }
    [JsonPropertyName("regression")] public RegressionMetrics? Regression { get; init; }
    [JsonPropertyName("multiclass")] public MulticlassMetrics? Multiclass { get; init; }

    /// <summary>Per value of the group field: how the model did on that part (omitted past <see cref="Evaluator.MaxGroups"/> groups).</summary>
    [JsonPropertyName("groups")] public IReadOnlyList<GroupMetrics>? Groups { get; init; }
}

public sealed record BinaryMetrics
{
    [JsonPropertyName("positive_label")] public required string PositiveLabel { get; init; }
    [JsonPropertyName("threshold")] public required double Threshold { get; init; }
    [JsonPropertyName("auc")] public required double Auc { get; init; }
    [JsonPropertyName("accuracy")] public required double Accuracy { get; init; }
    [JsonPropertyName("balanced_accuracy")] public required double BalancedAccuracy { get; init; }
    [JsonPropertyName("precision")] public required double Precision { get; init; }
    [JsonPropertyName("recall")] public required double Recall { get; init; }
    [JsonPropertyName("f1")] public required double F1 { get; init; }
    /// <summary>Share of negative documents predicted negative (for a quality model: defective documents dropped).</summary>
    [JsonPropertyName("specificity")] public required double Specificity { get; init; }
    [JsonPropertyName("log_loss")] public double? LogLoss { get; init; }
    [JsonPropertyName("confusion")] public required ConfusionCounts Confusion { get; init; }
    [JsonPropertyName("reliability")] public IReadOnlyList<ReliabilityBin>? Reliability { get; init; }
}

public sealed record ConfusionCounts(
    [property: JsonPropertyName("true_positive")] int TruePositive,
    [property: JsonPropertyName("false_positive")] int FalsePositive,
    [property: JsonPropertyName("true_negative")] int TrueNegative,
    [property: JsonPropertyName("false_negative")] int FalseNegative);

/// <summary>Calibration: documents whose predicted probability falls in [lo, hi), and how many of them were positive.</summary>
public sealed record ReliabilityBin(
    [property: JsonPropertyName("lo")] double Lo,
    [property: JsonPropertyName("hi")] double Hi,
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("mean_predicted")] double MeanPredicted,
    [property: JsonPropertyName("observed_positive")] double ObservedPositive);

public sealed record RegressionMetrics
{
    [JsonPropertyName("mae")] public required double MeanAbsoluteError { get; init; }
    [JsonPropertyName("rmse")] public required double RootMeanSquaredError { get; init; }
    [JsonPropertyName("r2")] public required double RSquared { get; init; }
    [JsonPropertyName("pearson")] public required double Pearson { get; init; }
    /// <summary>With a minimum score: the binary view (predicted ≥ cut vs label ≥ cut), AUC of the raw prediction.</summary>
    [JsonPropertyName("at_min_score")] public BinaryMetrics? AtMinScore { get; init; }
}

public sealed record MulticlassMetrics
{
    [JsonPropertyName("accuracy")] public required double Accuracy { get; init; }
    [JsonPropertyName("macro_recall")] public required double MacroRecall { get; init; }
    [JsonPropertyName("log_loss")] public required double LogLoss { get; init; }
    [JsonPropertyName("labels")] public required IReadOnlyList<string> Labels { get; init; }
    /// <summary>confusion[actual][predicted], in <see cref="Labels"/> order.</summary>
    [JsonPropertyName("confusion")] public required IReadOnlyList<int[]> Confusion { get; init; }
    [JsonPropertyName("per_class")] public required IReadOnlyList<ClassMetrics> PerClass { get; init; }
}

public sealed record ClassMetrics(
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("precision")] double Precision,
    [property: JsonPropertyName("recall")] double Recall,
    [property: JsonPropertyName("f1")] double F1);

/// <summary>
/// One group's share: documents, how many were positive (binary) and predicted positive, and the accuracy. For a
/// group of defective documents only, 1 − predicted_positive is the model's recall on that defect.
/// </summary>
public sealed record GroupMetrics(
    [property: JsonPropertyName("group")] string Group,
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("actual_positive")] double? ActualPositive,
    [property: JsonPropertyName("predicted_positive")] double? PredictedPositive,
    [property: JsonPropertyName("accuracy")] double Accuracy,
    [property: JsonPropertyName("mae")] double? MeanAbsoluteError = null);
