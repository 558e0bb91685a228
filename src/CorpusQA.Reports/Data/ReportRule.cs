using CorpusQA.Core.Rules;

namespace CorpusQA.Reports.Data;

/// <summary>The funnel stages after raw input, in the order a document is charged to the first one it fails.</summary>
public enum FunnelStage
{
    ExactDedup,
    NearDedup,
    Rules,
    QualityModel,
}

/// <summary>
/// One rule as the report uses it: its bound, its column in the scanned value rows, and its funnel stage (rules on
/// the model columns quality_score / script_confidence are the quality-model stage, every other rule the rules stage).
/// </summary>
public sealed record ReportRule(int Index, string Signal, RuleBound Bound, double Threshold, string Reason, string Source, int Column, FunnelStage Stage)
{
    /// <summary>Exactly <see cref="QualityRule.Passes"/>: NaN passes, bounds are inclusive.</summary>
    public bool Passes(double value) => Bound == RuleBound.Min ? !(value < Threshold) : !(value > Threshold);

    /// <summary>
    /// The rules of <paramref name="rules"/> that a run with <paramref name="valueColumns"/> evaluates (rules on a
    /// model column are skipped when the audit ran without models, as <see cref="RuleSet.Evaluate"/> skips them).
    /// </summary>
    public static IReadOnlyList<ReportRule> From(RuleSet rules, IReadOnlyList<string> valueColumns)
    {
        var list = new List<ReportRule>();
        foreach (var rule in rules.Rules)
        {
            int column = IndexOf(valueColumns, rule.Signal);
            if (column < 0) continue;
            var stage = ScoreColumns.All.Contains(rule.Signal) ? FunnelStage.QualityModel : FunnelStage.Rules;
            list.Add(new ReportRule(list.Count, rule.Signal, rule.Bound, rule.Threshold, rule.Reason, rule.Source, column, stage));
        }
        return list;
    }

    private static int IndexOf(IReadOnlyList<string> columns, string name)
    {
        for (int i = 0; i < columns.Count; i++)
            if (columns[i] == name) return i;
        return -1;
    }
}
