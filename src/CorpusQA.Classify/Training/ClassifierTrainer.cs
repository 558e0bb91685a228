using Microsoft.ML;

namespace CorpusQA.Classify.Training;

/// <summary>A trained model with what training measured about it.</summary>
public sealed class TrainingResult
{
    internal TrainingResult(MLContext ml, ITransformer model, DataViewSchema inputSchema)
    {
        Ml = ml;
        Model = model;
        InputSchema = inputSchema;
    }

    internal MLContext Ml { get; }

    internal ITransformer Model { get; }

    internal DataViewSchema InputSchema { get; }

    /// <summary>Binary: the threshold chosen on out-of-fold predictions (or given). Regression: the minimum score, if any.</summary>
    public double? Threshold { get; init; }

    /// <summary>Out-of-fold metrics (null without cross-validation).</summary>
    public EvaluationReport? CrossValidation { get; init; }

    /// <summary>Each example's out-of-fold prediction (null without cross-validation).</summary>
    public IReadOnlyList<float[]>? OutOfFold { get; init; }

    /// <summary>Folds actually used (0: none).</summary>
    public int Folds { get; init; }

    public int Documents { get; init; }
}

/// <summary>
/// Trains a model on featurized examples: k-fold cross-validation with folds by group (rows of one group never
/// straddle folds), the binary threshold chosen on the out-of-fold predictions, then the final fit on everything.
/// One seeded <see cref="MLContext"/>, single-threaded trainers: the same data and seed give the same model.
/// </summary>
public static class ClassifierTrainer
{
    public static TrainingResult Train(IReadOnlyList<FeatureExample> examples, int dimension, TrainOptions options,
        IReadOnlyList<string>? reportGroups = null, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        Validate(examples, options);
        var ml = new MLContext(seed: options.Seed);
        int classes = options.Task == ModelTask.Multiclass ? options.Labels.Count : 2;

        EvaluationReport? cv = null;
        float[][]? outOfFold = null;
        double? threshold = options.Task switch
        {
            ModelTask.Binary => options.Threshold,
            ModelTask.Regression => options.MinScore,
            _ => null,
        };
        var folds = AssignFolds(examples, options.Folds, options.Seed);
        int foldCount = folds is null ? 0 : folds.Max() + 1;
        if (folds is not null)
        {
            outOfFold = new float[examples.Count][];
            for (int f = 0; f < foldCount; f++)
            {
                var train = Enumerable.Range(0, examples.Count).Where(i => folds[i] != f).ToArray();
                var test = Enumerable.Range(0, examples.Count).Where(i => folds[i] == f).ToArray();
                log?.Invoke($"fold {f + 1}/{foldCount}: training on {train.Length:N0}, predicting {test.Length:N0}");
                var model = MlTrainers.Create(ml, options).Fit(MlData.Load(ml, train.Select(i => examples[i]), dimension, classes));
                var predicted = MlTrainers.Predict(model, MlData.Load(ml, test.Select(i => examples[i]), dimension, classes), options.Task);
                for (int k = 0; k < test.Length; k++) outOfFold[test[k]] = predicted[k];
            }
            var targets = examples.Select(e => e.Target).ToArray();
            if (options.Task == ModelTask.Binary && threshold is null)
            {
                var scores = outOfFold.Select(p => (double)p[0]).ToArray();
                var positive = targets.Select(t => t > 0.5f).ToArray();
                threshold = options.ThresholdKeep is { } keep
                    ? Evaluator.ThresholdKeeping(scores, positive, keep)
                    : Evaluator.ChooseThreshold(scores, positive);
                threshold = Math.Round(threshold.Value, 6);
            }
            cv = Evaluator.Evaluate(options.Task, outOfFold, targets, reportGroups, options.Labels, threshold, options.MinScore);
        }
        threshold ??= options.Task == ModelTask.Binary ? 0.5 : null;

        log?.Invoke($"final model: training on {examples.Count:N0}");
        var data = MlData.Load(ml, examples, dimension, classes);
        var final = MlTrainers.Create(ml, options).Fit(data);
        return new TrainingResult(ml, final, data.Schema)
        {
            Threshold = threshold,
            CrossValidation = cv,
            OutOfFold = outOfFold,
            Folds = foldCount,
            Documents = examples.Count,
        };
    }

    /// <summary>
    /// Fold of each example: the distinct groups in a seeded shuffle, dealt round robin; null when fewer than two
    /// folds are asked for or possible.
    /// </summary>
    internal static int[]? AssignFolds(IReadOnlyList<FeatureExample> examples, int folds, int seed)
    {
        if (folds < 2) return null;
        var groups = examples.Select(e => e.Group).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (groups.Length < 2) return null;
        new Random(seed).Shuffle(groups);
        int k = Math.Min(folds, groups.Length);
        var foldOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < groups.Length; i++) foldOf[groups[i]] = i % k;
        return examples.Select(e => foldOf[e.Group]).ToArray();
    }

    private static void Validate(IReadOnlyList<FeatureExample> examples, TrainOptions options)
    {
        if (examples.Count == 0) throw new TrainingDataException("no labelled documents to train on");
        switch (options.Task)
        {
            case ModelTask.Binary:
                int positives = examples.Count(e => e.Target > 0.5f);
                if (positives == 0 || positives == examples.Count)
                    throw new TrainingDataException($"all {examples.Count:N0} documents have the same label " +
                        $"('{(positives == 0 ? options.Labels[0] : options.Labels[1])}'); a binary model needs both classes");
                break;
            case ModelTask.Regression:
                if (examples.All(e => e.Target == examples[0].Target))
                    throw new TrainingDataException($"every document has the score {examples[0].Target}; a regression needs different scores");
                break;
            default:
                if (examples.Select(e => e.Target).Distinct().Count() < 2)
                    throw new TrainingDataException($"all documents have the label '{options.Labels[(int)examples[0].Target]}'; a multiclass model needs two or more");
                break;
        }
    }
}

/// <summary>Labelled data that cannot train the asked-for model (one class only, no rows): a one-line message.</summary>
public sealed class TrainingDataException(string message) : Exception(message);
