using System.Globalization;
using CorpusQA.Classify.Bundles;
using CorpusQA.Classify.Training;
using CorpusQA.Core.Documents;

namespace CorpusQA.Cli.Runs;

/// <summary>How label values become training targets: the positive class, a cut on a numeric score, or class indices.</summary>
internal sealed class LabelMapping
{
    private readonly ModelTask _task;
    private readonly string? _positive;
    private readonly double? _minScore;
    private readonly Dictionary<string, int>? _classIndex;

    private LabelMapping(ModelTask task, IReadOnlyList<string> names, string? positive, double? minScore)
    {
        _task = task;
        Names = names;
        _positive = positive;
        _minScore = minScore;
        if (task == ModelTask.Multiclass)
            _classIndex = names.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);
    }

    /// <summary>Binary: [negative, positive]; multiclass: the classes in order; regression: empty.</summary>
    public IReadOnlyList<string> Names { get; }

    public static LabelMapping ForTraining(ModelTask task, IReadOnlyList<string> labels, string? positive, double? minScore)
    {
        var distinct = labels.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        switch (task)
        {
            case ModelTask.Regression:
                return new LabelMapping(task, [], null, minScore);
            case ModelTask.Multiclass:
                return new LabelMapping(task, distinct, null, null);
        }
        if (minScore is not null) return new LabelMapping(task, ["bad", "good"], null, minScore);
        positive ??= DefaultPositive(distinct);
        if (!distinct.Contains(positive, StringComparer.Ordinal))
            throw new TrainingDataException($"no document has the positive label '{positive}' (labels seen: {Listed(distinct)})");
        var others = distinct.Where(l => l != positive).ToList();
        string negative = others.Count == 1 ? others[0] : $"not_{positive}";
        return new LabelMapping(task, [negative, positive], positive, null);
    }

    /// <summary>The mapping a trained model implies, for evaluating it on new labelled data.</summary>
    public static LabelMapping ForModel(BundleManifest manifest, string? positive, double? minScore)
    {
        var task = manifest.TaskKind;
        minScore ??= manifest.Training.MinScore;
        return task switch
        {
            ModelTask.Binary when minScore is not null => new LabelMapping(task, manifest.Labels, null, minScore),
            ModelTask.Binary => new LabelMapping(task, manifest.Labels, positive ?? manifest.Training.Positive ?? manifest.Labels[1], null),
            _ => new LabelMapping(task, manifest.Labels, null, minScore),
        };
    }

    public double? MinScore => _minScore;

    public float Target(LabelledDocument doc)
    {
        switch (_task)
        {
            case ModelTask.Binary when _minScore is { } cut:
                return Number(doc) >= cut ? 1 : 0;
            case ModelTask.Binary:
                return string.Equals(doc.Label, _positive, StringComparison.OrdinalIgnoreCase) ? 1 : 0;
            case ModelTask.Regression:
                return (float)Number(doc);
            default:
                return _classIndex!.TryGetValue(doc.Label, out int index) ? index
                    : throw new CorpusInputException(doc.File, doc.Row, $"label '{doc.Label}' is not one of the model's labels ({Listed(Names)})");
        }
    }

    public Dictionary<string, int> Counts(IReadOnlyList<LabelledDocument> docs) => _task switch
    {
        ModelTask.Regression => new Dictionary<string, int> { ["documents"] = docs.Count },
        _ => docs.GroupBy(d => Names[(int)Target(d)]).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
    };

    private static double Number(LabelledDocument doc) =>
        double.TryParse(doc.Label, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)
            ? v
            : throw new CorpusInputException(doc.File, doc.Row, $"label '{Cut(doc.Label)}' is not a number (a regression or --min-score needs numeric labels)");

    private static string DefaultPositive(List<string> distinct)
    {
        foreach (var (pos, neg) in new[] { ("good", "bad"), ("1", "0"), ("true", "false"), ("positive", "negative"), ("keep", "drop") })
            if (distinct.Count == 2 && distinct.Contains(pos, StringComparer.OrdinalIgnoreCase) && distinct.Contains(neg, StringComparer.OrdinalIgnoreCase))
                return distinct.First(d => string.Equals(d, pos, StringComparison.OrdinalIgnoreCase));
        throw new TrainingDataException(distinct.Count == 1
            ? $"every document has the label '{distinct[0]}'; a binary model needs two classes"
            : $"cannot tell the positive label among {Listed(distinct)}: pass --positive LABEL (or --min-score N for numeric labels)");
    }

    private static string Listed(IReadOnlyList<string> labels) =>
        string.Join(", ", labels.Take(10).Select(l => $"'{Cut(l)}'")) + (labels.Count > 10 ? $", ... ({labels.Count} in all)" : "");

    private static string Cut(string s) => s.Length > 40 ? s[..40] + "…" : s;
}
