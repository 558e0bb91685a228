namespace CorpusQA.Classify.Training;

/// <summary>What a model predicts.</summary>
public enum ModelTask
{
    /// <summary>Good or bad: the probability of the positive label, cut at a chosen threshold.</summary>
    Binary,
    /// <summary>A numeric score (e.g. an LLM judge's 0–5 label).</summary>
    Regression,
    /// <summary>One of several labels (e.g. the script model's zh-Hans, zh-Hant, ja, en, mixed, other).</summary>
    Multiclass,
}

/// <summary>Which ML.NET trainer fits the model.</summary>
public enum TrainerKind
{
    /// <summary>SDCA: logistic regression (binary), least squares (regression), maximum entropy (multiclass). Linear, fast, calibrated.</summary>
    Sdca,
    /// <summary>LightGBM gradient-boosted trees.</summary>
    LightGbm,
}

/// <summary>One labelled document's features, as training and evaluation hold them.</summary>
public sealed record FeatureExample(int[] Indices, float[] Values, float Target, string Group)
{
    /// <summary>A copy of the buffer's current vector with its label.</summary>
    public static FeatureExample From(Features.FeatureBuffer buffer, float target, string group) =>
        new(buffer.Indices.AsSpan(0, buffer.Count).ToArray(), buffer.Values.AsSpan(0, buffer.Count).ToArray(), target, group);
}

/// <summary>How to train; the defaults are what <c>corpusqa train</c> uses.</summary>
public sealed record TrainOptions
{
    public ModelTask Task { get; init; } = ModelTask.Binary;

    public TrainerKind Trainer { get; init; } = TrainerKind.Sdca;

    /// <summary>Cross-validation folds grouped by <see cref="FeatureExample.Group"/>; below 2: no cross-validation.</summary>
    public int Folds { get; init; } = 5;

    public int Seed { get; init; } = 1;

    /// <summary>Multiclass: the class names, index = target value. Binary: [negative, positive].</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>Binary: a fixed threshold instead of the one chosen on out-of-fold predictions.</summary>
    public double? Threshold { get; init; }

    /// <summary>
    /// Binary: choose the threshold that keeps this share of the positive documents out of fold (a budget on the
    /// clean text the model may drop, as <c>calibrate</c> sets for rules), instead of the best balanced accuracy.
    /// </summary>
    public double? ThresholdKeep { get; init; }

    /// <summary>Regression: the score at or above which a document counts as good (for labels and binary metrics).</summary>
    public double? MinScore { get; init; }

    /// <summary>SDCA: the L2 regularization weight (null: ML.NET's choice from the data).</summary>
    public float? L2 { get; init; }

    /// <summary>LightGBM boosting rounds.</summary>
    public int Iterations { get; init; } = 200;
}
