using System.Globalization;
using System.Text;

namespace CorpusQA.Core.Dedup.Evaluation;

/// <summary>Confusion counts of one edit type at the threshold's true-Jaccard cut.</summary>
/// <param name="EditType">Edit type, or <c>all</c>.</param>
/// <param name="Pairs">Pairs of this type.</param>
/// <param name="MeanTrueJaccard">Mean true character 5-gram Jaccard (under the run's normalization).</param>
/// <param name="TruePositives">True J ≥ threshold and detected.</param>
/// <param name="FalsePositives">True J &lt; threshold but detected.</param>
/// <param name="FalseNegatives">True J ≥ threshold but missed.</param>
/// <param name="ClearTruePositives">Like TruePositives, counting only pairs outside the S-curve's transition band.</param>
/// <param name="ClearFalsePositives">Like FalsePositives, outside the transition band.</param>
/// <param name="ClearFalseNegatives">Like FalseNegatives, outside the transition band.</param>
public sealed record EditTypeMetrics(
    string EditType, int Pairs, double MeanTrueJaccard,
    int TruePositives, int FalsePositives, int FalseNegatives,
    int ClearTruePositives, int ClearFalsePositives, int ClearFalseNegatives)
{
    /// <summary>TP / (TP + FP); NaN when nothing was detected.</summary>
    public double Precision => Ratio(TruePositives, TruePositives + FalsePositives);
    /// <summary>TP / (TP + FN); NaN when no pair is a true near duplicate.</summary>
    public double Recall => Ratio(TruePositives, TruePositives + FalseNegatives);
    /// <summary>Precision over the pairs outside the transition band.</summary>
    public double ClearPrecision => Ratio(ClearTruePositives, ClearTruePositives + ClearFalsePositives);
    /// <summary>Recall over the pairs outside the transition band.</summary>
    public double ClearRecall => Ratio(ClearTruePositives, ClearTruePositives + ClearFalseNegatives);

    private static double Ratio(int a, int b) => b == 0 ? double.NaN : (double)a / b;
}

/// <summary>Measured LSH candidate rate of the pairs whose true Jaccard falls in [From, To), against theory.</summary>
/// <param name="From">Bucket start (inclusive).</param>
/// <param name="To">Bucket end (exclusive; the last bucket includes 1).</param>
/// <param name="Pairs">Pairs in the bucket.</param>
/// <param name="MeasuredCandidateRate">Fraction of the pairs that share a band.</param>
/// <param name="TheoreticalCandidateRate">Mean of 1 − (1 − s^r)^b over the pairs' true Jaccard s.</param>
public sealed record SCurveBucket(double From, double To, int Pairs, double MeasuredCandidateRate, double TheoreticalCandidateRate)
{
    /// <summary>Binomial standard error of the measured rate under the theoretical one.</summary>
    public double StandardError => Pairs == 0 ? double.NaN : Math.Sqrt(TheoreticalCandidateRate * (1 - TheoreticalCandidateRate) / Pairs);
}

/// <summary>What <see cref="DedupEvaluation.Run"/> measured.</summary>
/// <param name="Lsh">Bands × rows used.</param>
/// <param name="Threshold">Similarity cut.</param>
/// <param name="TransitionBand">True-Jaccard range where the S-curve is between 5% and 95%, left out of the Clear* counts.</param>
/// <param name="ByEditType">Metrics per edit type, sorted by name.</param>
/// <param name="Overall">Metrics over every pair.</param>
/// <param name="SCurve">Candidate rate per true-Jaccard bucket of width 0.1.</param>
/// <param name="MeanAbsEstimateError">Mean |estimated − true Jaccard| over all pairs.</param>
/// <param name="EstimatesBeyondThreeSigma">Pairs whose estimate is more than 3σ = 3·sqrt(J(1−J)/numPerm) from the truth.</param>
/// <param name="RecordedTruthDisagreements">Pairs whose recomputed true Jaccard differs from the generator's by more than 0.02.</param>
public sealed record DedupEvaluationReport(
    LshParameters Lsh, double Threshold, (double Low, double High) TransitionBand,
    IReadOnlyList<EditTypeMetrics> ByEditType, EditTypeMetrics Overall, IReadOnlyList<SCurveBucket> SCurve,
    double MeanAbsEstimateError, int EstimatesBeyondThreeSigma, int RecordedTruthDisagreements)
{
    /// <summary>The report as Markdown tables (for docs and logs).</summary>
    public string ToMarkdown()
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(c, $"LSH {Lsh.Bands} bands x {Lsh.Rows} rows, threshold {Threshold}; 'clear' leaves out true J in the S-curve transition band {TransitionBand.Low:F3}-{TransitionBand.High:F3} (5%-95% candidate probability)");
        sb.AppendLine();
        sb.AppendLine("| edit | pairs | mean true J | true J >= t | detected | precision | recall | precision (clear) | recall (clear) |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var m in ByEditType.Append(Overall))
            sb.AppendLine(c, $"| {m.EditType} | {m.Pairs} | {m.MeanTrueJaccard:F3} | {m.TruePositives + m.FalseNegatives} | {m.TruePositives + m.FalsePositives} | {F(m.Precision)} | {F(m.Recall)} | {F(m.ClearPrecision)} | {F(m.ClearRecall)} |");
        sb.AppendLine();
        sb.AppendLine("| true J | pairs | measured P(candidate) | theory 1-(1-s^r)^b |");
        sb.AppendLine("|---|---:|---:|---:|");
        foreach (var b in SCurve)
            sb.AppendLine(c, $"| {b.From:F1}-{b.To:F1} | {b.Pairs} | {F(b.MeasuredCandidateRate)} | {F(b.TheoreticalCandidateRate)} |");
        sb.AppendLine();
        sb.AppendLine(c, $"mean |estimate - truth| {MeanAbsEstimateError:F4}; beyond 3 sigma: {EstimatesBeyondThreeSigma}; recorded-truth disagreements: {RecordedTruthDisagreements}");
        return sb.ToString();

        string F(double v) => double.IsNaN(v) ? "n/a" : v.ToString("F3", c);
    }
}
