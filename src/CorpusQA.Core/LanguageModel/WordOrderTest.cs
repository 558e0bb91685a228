using System.Runtime.CompilerServices;

namespace CorpusQA.Core.LanguageModel;

/// <summary>
/// A paired test of word order, run inside the scoring pass. At a sample of the word boundaries (a CJK ideograph
/// that begins a jieba word, not a line's first character) the model predicts, in the same context, both the real
/// first character and the first character of the word that began <see cref="Lag"/> boundaries earlier in the
/// document; the difference of their context gains (log10 p − log10 p_unigram) is one paired sample. In fluent text
/// the real continuation wins clearly. In word-shuffled text the real next word is itself a word drawn from the same
/// text, as exchangeable with the earlier one as it can be, so the differences centre on 0. (Chosen on the train
/// split: a lag of 3 beat 1, 2, 6, 10, 14 and an average over lags 2–4; a sign test and pairing only junctions of
/// two multi-character words were weaker, and so were 64 or 1,024 samples per document instead of 256 (more
/// samples make partly shuffled text look ordered), and comparing the first two characters of the two words instead
/// of the first (0.60 of the word-shuffled train documents against 0.74); docs/rules.md.) The vocabulary is the
/// document's own on both sides, which is what makes the test fair to registers the model knows less well
/// (classical prose, terminology): a rare word is rare in both places.
/// </summary>
public struct WordOrderTest
{
    /// <summary>Boundaries back to the word whose first character is the alternative.</summary>
    public const int Lag = 3;

    /// <summary>Fewer samples than this say nothing: <see cref="RandomOrderScore"/> is then 0.</summary>
    public const int MinSamples = 8;

    /// <summary>
    /// The smallest mean paired difference (log10) that counts as word order doing its work, for
    /// <see cref="WeakOrderScore"/>. Clean train text has a median of 0.76 (documentation), 0.61 (short texts) and
    /// 0.42 (classical prose); word-shuffled train text 0.04. Chosen on the train split among 0.10, 0.15, 0.20, 0.25
    /// and 0.30 (docs/rules.md).
    /// </summary>
    public const double MinEffect = 0.15;

    /// <summary>
    /// The two hypotheses of <see cref="ShuffledLogLikelihoodRatio"/>: the document's true mean paired difference
    /// drawn from N(mean, variance) for fluent text and for shuffled or random text. Fitted on the train split by
    /// <c>tools/rules/fit_word_order_priors.sh</c>: the per-document means of the clean reference documents and of the
    /// word-shuffled, character-shuffled and random-character documents, their variance net of each mean's sampling
    /// variance (sd² / n).
    /// </summary>
    public const double OrderedMean = 0.875, OrderedVariance = 0.222, ShuffledMean = 0.009, ShuffledVariance = 0.0025;

    /// <summary>Samples aimed at per document: boundaries are tested every <c>1 + words / TargetSamples</c>.</summary>
    public const int TargetSamples = 256;

    [InlineArray(4)]
    private struct Ring
    {
        private int _element;
    }

    private Ring _starts;
    private int _seen;
    private readonly int _stride;

    /// <summary>Paired samples taken.</summary>
    public int Samples { get; private set; }

    /// <summary>Sum of the paired differences (real − alternative context gain, log10).</summary>
    public double Sum { get; private set; }

    /// <summary>Sum of their squares.</summary>
    public double SumOfSquares { get; private set; }

    /// <summary>A test over a document of <paramref name="words"/> jieba tokens (sets the sampling stride).</summary>
    public WordOrderTest(int words)
    {
        _stride = 1 + words / TargetSamples;
    }

    /// <summary>Whether the test is running (a default instance is not).</summary>
    public readonly bool Enabled => _stride > 0;

    /// <summary>
    /// The alternative first character for the boundary about to be scored, or -1 when this boundary is not
    /// sampled (not on the stride, or fewer than <see cref="Lag"/> earlier boundaries).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal readonly int Alternative() =>
        _seen >= Lag && _seen % _stride == 0 ? _starts[(_seen - Lag) & 3] : -1;

    /// <summary>Records the boundary just scored: its first character, and the paired difference when it was sampled.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Record(int code, bool sampled, double difference)
    {
        if (sampled)
        {
            Samples++;
            Sum += difference;
            SumOfSquares += difference * difference;
        }

        _starts[_seen & 3] = code;
        _seen++;
    }

    /// <summary>The sample variance of the paired differences (n − 1 in the denominator); 0 with fewer than two.</summary>
    public readonly double SampleVariance => Samples < 2 ? 0 : Math.Max(0, (SumOfSquares - Sum * (Sum / Samples)) / (Samples - 1));

    /// <summary>Mean paired difference; 0 without samples.</summary>
    public readonly double MeanDifference => Samples > 0 ? Sum / Samples : 0;

    /// <summary>
    /// The paired t statistic of the mean difference, mean / (sd / √n); 0 with fewer than <see cref="MinSamples"/>
    /// samples. A constant non-zero difference (sd = 0) counts as ±100.
    /// </summary>
    public readonly double TStatistic
    {
        get
        {
            if (Samples < MinSamples) return 0;
            double mean = MeanDifference;
            double variance = SampleVariance;
            if (variance <= 0) return mean == 0 ? 0 : Math.CopySign(100, mean);
            return Math.Clamp(mean / Math.Sqrt(variance / Samples), -100, 100);
        }
    }

    /// <summary>
    /// How plausible it is that the word order is random: the one-sided p-value of <see cref="TStatistic"/> under
    /// the normal approximation, Φ(−t), here by its logistic form 1 / (1 + e^(1.702 t)) (within 0.01 of Φ). Near 0
    /// for fluent text, spread over (0, 1) for shuffled text; 0 with fewer than <see cref="MinSamples"/> samples
    /// (too short to judge, so never dropped on this alone).
    /// </summary>
    public readonly double RandomOrderScore => Samples < MinSamples ? 0 : 1 / (1 + Math.Exp(1.702 * TStatistic));

    /// <summary>
    /// How much more likely the document's paired differences are under shuffled than under fluent word order: the
    /// natural-log likelihood ratio of the observed mean m (sampling variance v = sd² / n) under the two hypotheses,
    /// ln N(m; <see cref="ShuffledMean"/>, <see cref="ShuffledVariance"/> + v) − ln N(m; <see cref="OrderedMean"/>,
    /// <see cref="OrderedVariance"/> + v). Where the t test drops a text for lacking evidence of order, which a short
    /// text always lacks, this weighs the evidence for each side: with few samples v is large, both densities are
    /// flat and the ratio stays near 0; with many it is decisive either way. Positive favours shuffled. Clamped to
    /// ±50; 0 with fewer than <see cref="MinSamples"/> samples.
    /// </summary>
    public readonly double ShuffledLogLikelihoodRatio
    {
        get
        {
            if (Samples < MinSamples) return 0;
            double mean = MeanDifference;
            double variance = SampleVariance / Samples;
            double llr = LogNormal(mean, ShuffledMean, ShuffledVariance + variance) - LogNormal(mean, OrderedMean, OrderedVariance + variance);
            return Math.Clamp(llr, -50, 50);
        }
    }

    private static double LogNormal(double x, double mean, double variance) =>
        -0.5 * Math.Log(2 * Math.PI * variance) - 0.5 * (x - mean) * (x - mean) / variance;

    /// <summary>
    /// How plausible it is that word order is worth less than <see cref="MinEffect"/> here: the one-sided p-value,
    /// as for <see cref="RandomOrderScore"/>, of the test of the mean paired difference against
    /// <see cref="MinEffect"/> instead of 0, Φ((MinEffect − mean) / (sd / √n)) in logistic form. Where the t test
    /// asks whether the real words win at all, this asks whether they win by as much as in fluent text: a long
    /// word-shuffled document whose real words still win a little (a shuffle keeps some neighbours; jieba re-cuts the
    /// junctions) passes the first and fails this one. 0 with fewer than <see cref="MinSamples"/> samples.
    /// </summary>
    public readonly double WeakOrderScore
    {
        get
        {
            if (Samples < MinSamples) return 0;
            double mean = MeanDifference;
            double variance = SampleVariance;
            double shortfall = MinEffect - mean;
            double z = variance <= 0 ? Math.CopySign(100, shortfall) : Math.Clamp(shortfall / Math.Sqrt(variance / Samples), -100, 100);
            return 1 / (1 + Math.Exp(-1.702 * z));
        }
    }
}
