using System.Text;
using CorpusQA.Classify.Scoring;
using CorpusQA.Core.Dedup.Stages;
using CorpusQA.Core.Documents;
using CorpusQA.Core.Rules;
using CorpusQA.Core.Signals;
using CorpusQA.Segmentation;

namespace CorpusQA.Pipeline;

/// <summary>One thread's analyzer and model scorer.</summary>
internal sealed record AuditWorker(DocumentAnalyzer Analyzer, DocumentScorer? Scorer);

/// <summary>
/// The audit's first pass over one document, the same in the one-process audit and in a shard's analyze stage:
/// analyse once (segmenting once), compute every signal and the model scores, evaluate the rules, sign for dedup.
/// </summary>
internal static class AuditAnalysis
{
    /// <summary>Slots of an <see cref="AuditRow"/>'s values: the signals, then the model scores when models run.</summary>
    public static int ValueCount(SignalRegistry registry, ModelSet? models) => registry.Count + (models is null ? 0 : ScoreColumns.All.Count);

    /// <summary>The signal and score columns in the order of an <see cref="AuditRow"/>'s values.</summary>
    public static IReadOnlyList<string> ValueNames(SignalRegistry registry, ModelSet? models) =>
        [.. registry.Signals.Select(s => s.Name), .. models is null ? [] : ScoreColumns.All];

    /// <summary>The rule set the settings ask for, with the quality model's threshold rule.</summary>
    public static RuleSet Rules(AuditSettings settings) =>
        WithQualityRule(settings.ConfigPath is null ? RuleSet.Default : RuleSet.Load(settings.ConfigPath), settings.Models);

    public static AuditWorker CreateWorker(JiebaSegmenter segmenter, ModelSet? models, List<DocumentScorer> created) =>
        new(new DocumentAnalyzer(segmenter), CreateScorer(models, created));

    private static DocumentScorer? CreateScorer(ModelSet? models, List<DocumentScorer> created)
    {
        if (models is null) return null;
        var scorer = models.CreateScorer();
        lock (created) created.Add(scorer);
        return scorer;
    }

    /// <summary>
    /// The quality model's threshold as the rule <c>quality_score ≥ T</c> (reason low_quality_score), unless the rule
    /// set already bounds quality_score: a rules file overrides the model's threshold like any other.
    /// </summary>
    internal static RuleSet WithQualityRule(RuleSet rules, ModelSet? models) =>
        WithQualityRule(rules, models?.Quality?.Manifest.Threshold, models?.Quality?.Origin);

    /// <summary>As above from a recorded threshold and model origin (a replay reads them from summary.json).</summary>
    internal static RuleSet WithQualityRule(RuleSet rules, double? threshold, string? origin)
    {
        if (threshold is not { } t || rules.HasRuleOn(ScoreColumns.QualityScore)) return rules;
        return rules.With(new QualityRule(ScoreColumns.QualityScore, RuleBound.Min, t, ScoreColumns.LowQualityReason,
            $"the quality model's threshold ({origin}; chosen on out-of-fold predictions, docs/classify.md)"));
    }

    public static AuditRow Analyze(AuditWorker worker, SignalRegistry registry, int valueCount, RuleSet rules, IDocumentSigner? dedup,
        int index, Document doc, int fileIndex)
    {
        var view = worker.Analyzer.Analyze(doc.Text);
        var values = new double[valueCount];
        registry.ComputeAll(view, values);
        DocumentScores scores = default;
        if (worker.Scorer is { } scorer)
        {
            scores = scorer.Score(view, values.AsSpan(0, registry.Count));
            values[registry.Count] = scores.Quality?.Score ?? double.NaN;
            values[registry.Count + 1] = scores.Script?.Score ?? double.NaN;
        }
        var verdict = rules.Evaluate(values);
        // "best" keeps the cluster member that broke the fewest rules (then the first).
        dedup?.AddDocument(index, doc.Text, view.Tokens, -verdict.DropReasons.Count);
        return new AuditRow(doc.Id, fileIndex, doc.RowIndex, values, verdict.DropReasons.ToArray(),
            doc.Text.Length, Encoding.UTF8.GetByteCount(doc.Text), scores.Quality?.Label, scores.Script?.Label);
    }
}
