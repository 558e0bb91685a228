using System.Globalization;

namespace CorpusQA.Core.Rules;

/// <summary>What one calibrated rule does to the reference set and, when given, to a defective set.</summary>
public sealed record RuleEffect(QualityRule Rule, int ReferenceCount, double ReferenceDropped, int? DefectiveCount, double? DefectiveDropped);

/// <summary>
/// Thresholds from reference data (FineWeb-2's method): each rule's threshold is the value that drops at most a
/// budget of documents the user calls clean. For a rule "keep if v ≤ t" the threshold is the smallest value with at
/// most budget·n reference values above it; for "keep if v ≥ t" the largest with at most budget·n below it.
/// </summary>
public static class RuleCalibration
{
    /// <summary>The threshold of a rule of <paramref name="bound"/> over reference <paramref name="values"/>.</summary>
    public static double Threshold(IReadOnlyList<double> values, RuleBound bound, double budget)
    {
        if (values.Count == 0) throw new ArgumentException("no reference values", nameof(values));
        if (budget is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(budget));
        var sorted = values.Where(double.IsFinite).Order().ToArray();
        if (sorted.Length == 0) return bound == RuleBound.Max ? double.MaxValue : double.MinValue;
        int allowed = (int)Math.Floor(budget * sorted.Length);
        // Max: values above sorted[n - 1 - allowed] number at most `allowed`; Min: values below sorted[allowed] likewise.
        return bound == RuleBound.Max ? sorted[sorted.Length - 1 - allowed] : sorted[allowed];
    }

    /// <summary>
    /// The rules of <paramref name="template"/> (signal, bound, reason) with thresholds calibrated on
    /// <paramref name="reference"/> (one value span per document, indexed like the rule set's signals).
    /// </summary>
    public static RuleSet Calibrate(RuleSet template, IReadOnlyList<double[]> reference, double budget, string referenceName)
    {
        var rules = new List<QualityRule>();
        foreach (var rule in template.Rules)
        {
            var values = reference.Select(v => rule.SignalIndex < v.Length ? v[rule.SignalIndex] : double.NaN).ToList();
            // Written exactly (shortest round-trip form), so the rule drops what it dropped here.
            double threshold = Threshold(values, rule.Bound, budget);
            double quantile = rule.Bound == RuleBound.Max ? 1 - budget : budget;
            rules.Add(rule with
            {
                Threshold = threshold,
                Source = string.Create(CultureInfo.InvariantCulture,
                    $"calibrated on {referenceName} ({reference.Count:N0} documents): the {quantile:0.###} quantile, dropping at most {budget:0.###} of them"),
            });
        }
        return RuleSet.From(rules);
    }

    /// <summary>How much of each set every rule removes, alone.</summary>
    public static List<RuleEffect> Effects(RuleSet rules, IReadOnlyList<double[]> reference, IReadOnlyList<double[]>? defective) =>
        rules.Rules.Select(rule => new RuleEffect(rule, reference.Count, DroppedShare(rule, reference),
            defective?.Count, defective is null ? null : DroppedShare(rule, defective))).ToList();

    /// <summary>The share of <paramref name="documents"/> the whole rule set removes.</summary>
    public static double DroppedShare(RuleSet rules, IReadOnlyList<double[]> documents) =>
        documents.Count == 0 ? 0 : DroppedCount(rules, documents) / (double)documents.Count;

    /// <summary>The share of <paramref name="documents"/> one rule removes (a rule of a <see cref="RuleSet"/>: its signal resolved).</summary>
    public static double DroppedShare(QualityRule rule, IReadOnlyList<double[]> documents) =>
        documents.Count == 0 ? 0 : DroppedCount(rule, documents) / (double)documents.Count;

    /// <summary>How many of <paramref name="documents"/> the whole rule set removes.</summary>
    public static int DroppedCount(RuleSet rules, IReadOnlyList<double[]> documents) => documents.Count(v => !rules.Evaluate(v).Keep);

    /// <summary>How many of <paramref name="documents"/> one rule removes.</summary>
    public static int DroppedCount(QualityRule rule, IReadOnlyList<double[]> documents) =>
        documents.Count(v => rule.SignalIndex < v.Length && !rule.Passes(v[rule.SignalIndex]));

    /// <summary>
    /// Whether each rule's calibration carries over to a source it has not seen: for every group of the reference
    /// (a source, a package, a site), the rules are calibrated on the other groups at <paramref name="budget"/> and
    /// applied to that group. Returns, per rule of <paramref name="template"/> and for the whole set, the share of all
    /// reference documents dropped while their group was held out, and the group that lost the largest share.
    /// A rule whose held-out share is far above the budget is tuned to the sources it was calibrated on.
    /// </summary>
    public static HoldoutReport LeaveOneGroupOut(RuleSet template, IReadOnlyList<double[]> reference, IReadOnlyList<string> groups, double budget)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (groups.Count != reference.Count) throw new ArgumentException("one group per reference document", nameof(groups));
        var names = groups.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (names.Count < 2) throw new ArgumentException("leave-one-group-out needs at least two groups", nameof(groups));
        int rules = template.Rules.Count;
        var dropped = new int[rules];
        var worst = new (string Group, double Share)[rules];
        int setDropped = 0;
        (string Group, double Share) setWorst = ("", 0);
        foreach (string group in names)
        {
            var inside = new List<double[]>();
            var outside = new List<double[]>();
            for (int i = 0; i < reference.Count; i++) (groups[i] == group ? inside : outside).Add(reference[i]);
            var calibrated = Calibrate(template, outside, budget, "the other groups");
            for (int r = 0; r < rules; r++)
            {
                int n = DroppedCount(calibrated.Rules[r], inside);
                dropped[r] += n;
                double share = n / (double)inside.Count;
                if (share > worst[r].Share) worst[r] = (group, share);
            }
            int all = DroppedCount(calibrated, inside);
            setDropped += all;
            double allShare = all / (double)inside.Count;
            if (allShare > setWorst.Share) setWorst = (group, allShare);
        }
        return new HoldoutReport(names.Count,
            [.. Enumerable.Range(0, rules).Select(r => new HoldoutEffect(template.Rules[r], dropped[r] / (double)reference.Count, worst[r].Group, worst[r].Share))],
            setDropped / (double)reference.Count, setWorst.Group, setWorst.Share);
    }
}

/// <summary>One rule under leave-one-group-out calibration: the reference share it dropped from held-out groups, and the worst group.</summary>
public sealed record HoldoutEffect(QualityRule Rule, double HeldOutDropped, string WorstGroup, double WorstGroupDropped);

/// <summary>The leave-one-group-out check of a rule set (<see cref="RuleCalibration.LeaveOneGroupOut"/>).</summary>
public sealed record HoldoutReport(int Groups, IReadOnlyList<HoldoutEffect> Rules, double AllRulesHeldOutDropped, string AllRulesWorstGroup, double AllRulesWorstGroupDropped);

