using CorpusQA.Core.Dedup;
using CorpusQA.Core.Dedup.Evaluation;
using Xunit.Abstractions;

namespace CorpusQA.Core.Tests.Dedup;

/// <summary>
/// Accuracy on the labelled set built by tools/dedup/make_eval_pairs.py from real documents
/// (Fixtures/dedup/eval_pairs.jsonl.gz: 150 originals × 23 edit types).
/// </summary>
public class DedupEvaluationTests
{
    private static readonly Lazy<IReadOnlyList<DedupEvalPair>> Pairs = new(() => DedupEvalPair.Load(DedupTestData.FixturePath("eval_pairs.jsonl.gz")));
    private static readonly Lazy<DedupEvaluationReport> Plain = new(() => DedupEvaluation.Run(Pairs.Value, new DedupOptions()));
    private static readonly Lazy<DedupEvaluationReport> Folded = new(() => DedupEvaluation.Run(Pairs.Value, new DedupOptions { FoldTraditional = true }));
    private readonly ITestOutputHelper _output;

    public DedupEvaluationTests(ITestOutputHelper output) => _output = output;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void EveryEditTypeReachesPrecisionAndRecallOf95PercentOutsideTheTransitionBand(bool foldTraditional)
    {
        var report = foldTraditional ? Folded.Value : Plain.Value;
        _output.WriteLine(report.ToMarkdown());
        Assert.Equal(23, report.ByEditType.Count);
        foreach (var m in report.ByEditType)
        {
            if (m.ClearTruePositives + m.ClearFalseNegatives >= 20)
                Assert.True(m.ClearRecall >= 0.95, $"{m.EditType}: recall {m.ClearRecall:F3}");
            if (m.ClearTruePositives + m.ClearFalsePositives >= 20)
                Assert.True(m.ClearPrecision >= 0.95, $"{m.EditType}: precision {m.ClearPrecision:F3}");
        }
        // Edits that leave the text near-identical are found (shingling sees them), heavy ones are not.
        foreach (string visible in new[] { "delete_1", "insert_1", "substitute_1", "boilerplate", "punctuation_width", "whitespace", "truncate_90" })
            Assert.True(report.ByEditType.Single(m => m.EditType == visible).ClearRecall >= 0.95, visible);
        foreach (string heavy in new[] { "substitute_20", "insert_20", "delete_20", "unrelated" })
            Assert.Equal(0, report.ByEditType.Single(m => m.EditType == heavy).FalsePositives);
        // At the bare cut the S-curve's transition band costs some of both, but not much.
        Assert.True(report.Overall.Precision >= 0.85 && report.Overall.Recall >= 0.85, $"P {report.Overall.Precision:F3} R {report.Overall.Recall:F3}");
    }

    [Fact]
    public void TraditionalSimplifiedConversionIsSeenOnlyWithTheFold()
    {
        var plain = Plain.Value.ByEditType.Single(m => m.EditType == "script_conversion");
        var folded = Folded.Value.ByEditType.Single(m => m.EditType == "script_conversion");
        Assert.True(plain.MeanTrueJaccard < 0.6, $"without the fold: {plain.MeanTrueJaccard:F3}");
        Assert.True(folded.MeanTrueJaccard > 0.95, $"with the fold: {folded.MeanTrueJaccard:F3}");
        Assert.True(folded.Recall >= 0.95, $"recall with the fold {folded.Recall:F3}");
        Assert.True(folded.TruePositives > 100);
    }

    [Fact]
    public void MeasuredSCurveFollowsTheory()
    {
        var report = Plain.Value;
        int checkedBuckets = 0;
        foreach (var bucket in report.SCurve.Where(b => b.Pairs >= 30))
        {
            double tolerance = 3 * bucket.StandardError + 0.03;
            Assert.True(Math.Abs(bucket.MeasuredCandidateRate - bucket.TheoreticalCandidateRate) <= tolerance,
                $"{bucket.From:F1}-{bucket.To:F1}: measured {bucket.MeasuredCandidateRate:F3}, theory {bucket.TheoreticalCandidateRate:F3}");
            checkedBuckets++;
        }
        Assert.True(checkedBuckets >= 7);
        var steep = report.SCurve.Single(b => b.From == 0.8);
        Assert.InRange(steep.MeasuredCandidateRate, 0.5, 0.9);
    }

    [Fact]
    public void EstimatesStayWithinThreeSigmaOfBruteForceJaccard()
    {
        var report = Plain.Value;
        Assert.True(report.EstimatesBeyondThreeSigma <= Pairs.Value.Count / 100, $"{report.EstimatesBeyondThreeSigma} beyond 3 sigma");
        Assert.True(report.MeanAbsEstimateError < 0.04);
    }

    [Fact]
    public void GeneratorTruthMatchesTheCSharpNormalization()
    {
        Assert.Equal(3450, Pairs.Value.Count);
        Assert.Equal(0, Plain.Value.RecordedTruthDisagreements);
        Assert.True(Folded.Value.RecordedTruthDisagreements > 0); // the generator does not fold scripts
    }
}
