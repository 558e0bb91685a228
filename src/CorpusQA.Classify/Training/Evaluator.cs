namespace CorpusQA.Classify.Training;

/// <summary>Metrics from predictions and labels. Everything is rounded to 6 decimals, so reports are stable text.</summary>
public static class Evaluator
{
    /// <summary>Per-group metrics are reported for at most this many distinct groups.</summary>
    public const int MaxGroups = 100;

    /// <summary>
    /// The report for <paramref name="predictions"/> (per document: P(positive), the score, or class probabilities)
    /// against <paramref name="targets"/>, broken down by <paramref name="groups"/> when given.
    /// </summary>
    public static EvaluationReport Evaluate(ModelTask task, IReadOnlyList<float[]> predictions, IReadOnlyList<float> targets,
        IReadOnlyList<string>? groups, IReadOnlyList<string> labels, double? threshold, double? minScore)
    {
        int n = predictions.Count;
        var predictedLabel = new int[n];
        BinaryMetrics? binary = null;
        RegressionMetrics? regression = null;
        MulticlassMetrics? multiclass = null;
        switch (task)
        {
            case ModelTask.Binary:
            {
                double t = threshold ?? 0.5;
                var p = predictions.Select(x => (double)x[0]).ToArray();
                var y = targets.Select(v => v > 0.5f).ToArray();
                for (int i = 0; i < n; i++) predictedLabel[i] = p[i] >= t ? 1 : 0;
                binary = Binary(p, y, t, labels.Count > 1 ? labels[1] : "positive", probabilities: true);
                break;
            }
            case ModelTask.Regression:
            {
                var p = predictions.Select(x => (double)x[0]).ToArray();
                var y = targets.Select(v => (double)v).ToArray();
                regression = Regression(p, y, minScore);
                for (int i = 0; i < n; i++) predictedLabel[i] = minScore is { } cut && p[i] >= cut ? 1 : 0;
                break;
            }
            default:
                multiclass = Multiclass(predictions, targets, labels, predictedLabel);
                break;
        }

        return new EvaluationReport
        {
            Task = task.ToString().ToLowerInvariant(),
            Documents = n,
            Binary = binary,
            Regression = regression,
            Multiclass = multiclass,
            Groups = groups is null ? null : Groups(task, predictions, targets, groups, predictedLabel, minScore),
        };
    }

    internal static BinaryMetrics Binary(double[] p, bool[] y, double threshold, string positiveLabel, bool probabilities)
    {
        int tp = 0, fp = 0, tn = 0, fn = 0;
        double logLoss = 0;
        for (int i = 0; i < p.Length; i++)
        {
            bool predicted = p[i] >= threshold;
            if (predicted && y[i]) tp++;
            else if (predicted) fp++;
            else if (y[i]) fn++;
            else tn++;
            if (probabilities)
            {
                double q = Math.Clamp(p[i], 1e-15, 1 - 1e-15);
                logLoss -= y[i] ? Math.Log(q) : Math.Log(1 - q);
            }
        }
        double precision = Ratio(tp, tp + fp), recall = Ratio(tp, tp + fn), specificity = Ratio(tn, tn + fp);
        return new BinaryMetrics
        {
            PositiveLabel = positiveLabel,
            Threshold = R(threshold),
            Auc = R(Auc(p, y)),
            Accuracy = R(Ratio(tp + tn, p.Length)),
            BalancedAccuracy = R((recall + specificity) / 2),
            Precision = R(precision),
            Recall = R(recall),
            F1 = R(precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0),
            Specificity = R(specificity),
            LogLoss = probabilities && p.Length > 0 ? R(logLoss / p.Length) : null,
            Confusion = new ConfusionCounts(tp, fp, tn, fn),
            Reliability = probabilities ? Reliability(p, y) : null,
        };
    }

    /// <summary>Area under the ROC curve (Mann–Whitney, ties counted half); 0.5 when a class is missing.</summary>
    public static double Auc(double[] p, bool[] y)
    {
        var order = Enumerable.Range(0, p.Length).OrderBy(i => p[i]).ToArray();
        double rankSum = 0;
        long positives = 0;
        for (int start = 0; start < order.Length;)
        {
            int end = start;
            while (end < order.Length && p[order[end]] == p[order[start]]) end++;
            double averageRank = (start + end + 1) / 2.0; // ranks are 1-based: start+1 .. end
            for (int k = start; k < end; k++)
            {
                if (!y[order[k]]) continue;
                rankSum += averageRank;
                positives++;
            }
            start = end;
        }
        long negatives = p.Length - positives;
        if (positives == 0 || negatives == 0) return 0.5;
        return (rankSum - positives * (positives + 1) / 2.0) / ((double)positives * negatives);
    }

    /// <summary>
    /// The threshold with the best balanced accuracy (mean of the two classes' recalls) on these predictions; among
    /// equals, the lowest (keep more when it costs nothing).
    /// </summary>
    /// <summary>
    /// The highest threshold t (rounded down to 6 decimals, as thresholds are stored) such that at least
    /// <paramref name="keep"/> of the positives have p ≥ t: the score of the ⌈keep · positives⌉-th best positive.
    /// </summary>
    public static double ThresholdKeeping(double[] p, bool[] y, double keep)
    {
        if (keep is <= 0 or > 1) throw new ArgumentOutOfRangeException(nameof(keep), "the share to keep is in (0, 1]");
        var positives = Enumerable.Range(0, p.Length).Where(i => y[i]).Select(i => p[i]).OrderByDescending(v => v).ToArray();
        if (positives.Length == 0) return 0.5;
        int k = (int)Math.Ceiling(keep * positives.Length - 1e-9);
        return Math.Floor(positives[Math.Clamp(k, 1, positives.Length) - 1] * 1e6) / 1e6;
    }

    public static double ChooseThreshold(double[] p, bool[] y)
    {
        var order = Enumerable.Range(0, p.Length).OrderByDescending(i => p[i]).ToArray();
        long positives = y.Count(v => v), negatives = y.Length - positives;
        if (positives == 0 || negatives == 0) return 0.5;
        double best = -1, bestThreshold = 0.5;
        long tp = 0, fp = 0;
        for (int start = 0; start < order.Length;)
        {
            int end = start;
            while (end < order.Length && p[order[end]] == p[order[start]]) end++;
            for (int k = start; k < end; k++)
            {
                if (y[order[k]]) tp++;
                else fp++;
            }
            double balanced = ((double)tp / positives + (double)(negatives - fp) / negatives) / 2;
            if (balanced >= best)
            {
                best = balanced;
                bestThreshold = p[order[end - 1]];
            }
            start = end;
        }
        return bestThreshold;
    }

    private static List<ReliabilityBin> Reliability(double[] p, bool[] y)
    {
        const int bins = 10;
        var count = new int[bins];
        var sumPredicted = new double[bins];
        var positive = new int[bins];
        for (int i = 0; i < p.Length; i++)
        {
            int b = Math.Clamp((int)(p[i] * bins), 0, bins - 1);
            count[b]++;
            sumPredicted[b] += p[i];
            if (y[i]) positive[b]++;
        }
        return Enumerable.Range(0, bins)
            .Select(b => new ReliabilityBin(R(b / (double)bins), R((b + 1) / (double)bins), count[b],
                R(Ratio(sumPredicted[b], count[b])), R(Ratio(positive[b], count[b]))))
            .ToList();
    }

    private static RegressionMetrics Regression(double[] p, double[] y, double? minScore)
    {
        int n = p.Length;
        double meanY = n > 0 ? y.Average() : 0, meanP = n > 0 ? p.Average() : 0;
        double abs = 0, squares = 0, total = 0, cov = 0, varP = 0;
        for (int i = 0; i < n; i++)
        {
            double e = p[i] - y[i];
            abs += Math.Abs(e);
            squares += e * e;
            total += (y[i] - meanY) * (y[i] - meanY);
            cov += (p[i] - meanP) * (y[i] - meanY);
            varP += (p[i] - meanP) * (p[i] - meanP);
        }
        return new RegressionMetrics
        {
            MeanAbsoluteError = R(Ratio(abs, n)),
            RootMeanSquaredError = R(Math.Sqrt(Ratio(squares, n))),
            RSquared = R(total > 0 ? 1 - squares / total : 0),
            Pearson = R(varP > 0 && total > 0 ? cov / Math.Sqrt(varP * total) : 0),
            AtMinScore = minScore is { } cut
                ? Binary(p, y.Select(v => v >= cut).ToArray(), cut, $">= {cut}", probabilities: false)
                : null,
        };
    }

    private static MulticlassMetrics Multiclass(IReadOnlyList<float[]> predictions, IReadOnlyList<float> targets,
        IReadOnlyList<string> labels, int[] predictedLabel)
    {
        int k = labels.Count, n = predictions.Count;
        var confusion = Enumerable.Range(0, k).Select(_ => new int[k]).ToArray();
        double logLoss = 0;
        int correct = 0;
        for (int i = 0; i < n; i++)
        {
            int actual = (int)targets[i];
            int predicted = ArgMax(predictions[i]);
            predictedLabel[i] = predicted;
            confusion[actual][predicted]++;
            if (actual == predicted) correct++;
            double q = actual < predictions[i].Length ? predictions[i][actual] : 0;
            logLoss -= Math.Log(Math.Clamp(q, 1e-15, 1));
        }
        var perClass = new List<ClassMetrics>();
        for (int c = 0; c < k; c++)
        {
            int actualCount = confusion[c].Sum(), predictedCount = confusion.Sum(row => row[c]);
            double precision = Ratio(confusion[c][c], predictedCount), recall = Ratio(confusion[c][c], actualCount);
            perClass.Add(new ClassMetrics(labels[c], actualCount, R(precision), R(recall),
                R(precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0)));
        }
        var present = perClass.Where(c => c.Count > 0).ToList();
        return new MulticlassMetrics
        {
            Accuracy = R(Ratio(correct, n)),
            MacroRecall = R(present.Count > 0 ? present.Average(c => c.Recall) : 0),
            LogLoss = R(Ratio(logLoss, n)),
            Labels = labels,
            Confusion = confusion,
            PerClass = perClass,
        };
    }

    private static List<GroupMetrics>? Groups(ModelTask task, IReadOnlyList<float[]> predictions, IReadOnlyList<float> targets,
        IReadOnlyList<string> groups, int[] predictedLabel, double? minScore)
    {
        var byGroup = Enumerable.Range(0, groups.Count).GroupBy(i => groups[i], StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (byGroup.Count > MaxGroups) return null;
        return byGroup.Select(g =>
        {
            var rows = g.ToArray();
            return task switch
            {
                ModelTask.Binary => new GroupMetrics(g.Key, rows.Length,
                    R(rows.Average(i => targets[i] > 0.5f ? 1.0 : 0)), R(rows.Average(i => (double)predictedLabel[i])),
                    R(rows.Average(i => (predictedLabel[i] == 1) == (targets[i] > 0.5f) ? 1.0 : 0))),
                ModelTask.Regression => new GroupMetrics(g.Key, rows.Length,
                    minScore is { } cut ? R(rows.Average(i => targets[i] >= cut ? 1.0 : 0)) : null,
                    minScore is not null ? R(rows.Average(i => (double)predictedLabel[i])) : null,
                    minScore is { } c2 ? R(rows.Average(i => (predictedLabel[i] == 1) == (targets[i] >= c2) ? 1.0 : 0)) : 0,
                    R(rows.Average(i => Math.Abs(predictions[i][0] - targets[i])))),
                _ => new GroupMetrics(g.Key, rows.Length, null, null,
                    R(rows.Average(i => predictedLabel[i] == (int)targets[i] ? 1.0 : 0))),
            };
        }).ToList();
    }

    internal static int ArgMax(float[] values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++)
            if (values[i] > values[best]) best = i;
        return best;
    }

    private static double Ratio(double a, double b) => b > 0 ? a / b : 0;

    private static double R(double v) => double.IsFinite(v) ? Math.Round(v, 6) : 0;
}
