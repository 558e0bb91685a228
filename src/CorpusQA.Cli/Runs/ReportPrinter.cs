using System.Globalization;
using CorpusQA.Classify.Training;

namespace CorpusQA.Cli.Runs;

/// <summary>An <see cref="EvaluationReport"/> as plain aligned text for the terminal (<c>--json</c> gives the full report).</summary>
internal static class ReportPrinter
{
    public static void Print(TextWriter o, EvaluationReport report, string title)
    {
        o.WriteLine($"{title}: {Counted.Of(report.Documents, "document")}, {report.Task}");
        if (report.Binary is { } b) PrintBinary(o, b, "");
        if (report.Regression is { } r)
        {
            o.WriteLine($"  MAE {F(r.MeanAbsoluteError)}  RMSE {F(r.RootMeanSquaredError)}  R² {F(r.RSquared)}  Pearson {F(r.Pearson)}");
            if (r.AtMinScore is { } cut) PrintBinary(o, cut, "  at the minimum score: ");
        }
        if (report.Multiclass is { } m)
        {
            o.WriteLine($"  accuracy {F(m.Accuracy)}  macro recall {F(m.MacroRecall)}  log-loss {F(m.LogLoss)}");
            o.WriteLine($"  {"label",-12} {"count",7} {"precision",9} {"recall",7} {"f1",7}");
            foreach (var c in m.PerClass) o.WriteLine($"  {c.Label,-12} {c.Count,7} {F(c.Precision),9} {F(c.Recall),7} {F(c.F1),7}");
            o.WriteLine("  confusion (rows: actual, columns: predicted)");
            o.WriteLine("  " + new string(' ', 12) + string.Concat(m.Labels.Select(l => $" {Trim(l, 8),8}")));
            for (int i = 0; i < m.Labels.Count; i++)
                o.WriteLine($"  {Trim(m.Labels[i], 12),-12}" + string.Concat(m.Confusion[i].Select(v => $" {v,8}")));
        }
        if (report.Groups is { } groups)
        {
            o.WriteLine($"  {"group",-24} {"count",7} {"actual+",8} {"pred+",8} {"accuracy",8}");
            foreach (var g in groups)
                o.WriteLine($"  {Trim(g.Group, 24),-24} {g.Count,7} {F(g.ActualPositive),8} {F(g.PredictedPositive),8} {F(g.Accuracy),8}");
        }
    }

    private static void PrintBinary(TextWriter o, BinaryMetrics b, string prefix)
    {
        o.WriteLine($"  {prefix}AUC {F(b.Auc)}  threshold {F(b.Threshold)}  accuracy {F(b.Accuracy)}  balanced {F(b.BalancedAccuracy)}");
        o.WriteLine($"  '{b.PositiveLabel}': precision {F(b.Precision)}  recall {F(b.Recall)}  F1 {F(b.F1)}; other class recall {F(b.Specificity)}" +
            (b.LogLoss is { } ll ? $"; log-loss {F(ll)}" : ""));
        var c = b.Confusion;
        o.WriteLine($"  confusion: TP {c.TruePositive}  FP {c.FalsePositive}  TN {c.TrueNegative}  FN {c.FalseNegative}");
        if (b.Reliability is { } bins)
        {
            o.WriteLine("  reliability: predicted  observed  count");
            foreach (var bin in bins.Where(x => x.Count > 0))
                o.WriteLine($"    [{F(bin.Lo)},{F(bin.Hi)})  {F(bin.MeanPredicted),8}  {F(bin.ObservedPositive),8}  {bin.Count,6}");
        }
    }

    private static string F(double? v) => v is { } x ? x.ToString("0.000", CultureInfo.InvariantCulture) : "-";

    private static string Trim(string s, int width) => s.Length > width ? s[..(width - 1)] + "…" : s;
}
