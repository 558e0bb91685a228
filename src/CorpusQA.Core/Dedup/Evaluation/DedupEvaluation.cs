
using CorpusQA.Core.Dedup.Verification;

namespace CorpusQA.Core.Dedup.Evaluation;

/// <summary>
/// Measures dedup accuracy on labelled pairs. A pair counts as detected exactly when the engine would join
/// it: equal exact hashes, or a shared band of the layout in use and an edge the engine's verifier accepts
/// (true n-gram Jaccard ≥ Threshold under <see cref="DedupOptions.VerifyExact"/>, else signature agreement
/// ≥ Threshold − VerifyMargin).
/// The truth is the brute-force character 5-gram Jaccard under the options' normalization (so
/// <see cref="DedupOptions.FoldTraditional"/> changes what counts as a duplicate, as it does in a run).
/// </summary>
public static class DedupEvaluation
{
    /// <summary>
    /// Runs the evaluation. The Clear* metrics leave out pairs whose true Jaccard lies in the S-curve's
    /// transition band (candidate probability between 5% and 95%), where LSH with these bands × rows
    /// decides by chance for every implementation.
    /// </summary>
    public static DedupEvaluationReport Run(IReadOnlyList<DedupEvalPair> pairs, DedupOptions options)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var lsh = options.LshLayout();
        var signer = new MinHashSigner(options);
        var originals = new Dictionary<string, (DocumentSignature Signature, byte[] Bytes, string Normalized)>();
        var outcomes = new List<(string Edit, double Truth, bool Candidate, bool Detected, double Estimate, double Recorded)>(pairs.Count);
        foreach (var pair in pairs)
        {
            if (!originals.TryGetValue(pair.OriginalId, out var a))
            {
                var s = signer.Sign(0, pair.Original);
                a = (s, LshBands.ToLittleEndianBytes(s.MinHashes), signer.Normalizer.Normalize(pair.Original));
                originals[pair.OriginalId] = a;
            }
            var b = signer.Sign(1, pair.Variant);
            byte[] bBytes = LshBands.ToLittleEndianBytes(b.MinHashes);
            string bNormalized = signer.Normalizer.Normalize(pair.Variant);
            double truth = ShingleJaccard.OfCharNGrams(a.Normalized, bNormalized, 5);
            bool exact = a.Signature.ExactHash == b.ExactHash;
            bool bothSigned = a.Signature.Kind != SignatureKind.Empty && b.Kind != SignatureKind.Empty;
            double estimate = exact ? 1 : bothSigned ? Agreement(a.Signature.MinHashes, b.MinHashes) : 0;
            bool candidate = exact || (bothSigned && LshBands.ShareABand(a.Bytes, bBytes, lsh));
            bool detected = exact || (candidate && ExactEdgeVerifier.Accepts(options, estimate, a.Normalized, bNormalized, out _));
            outcomes.Add((pair.EditType, truth, candidate, detected, estimate, pair.RecordedTrueJaccard));
        }

        var band = lsh.TransitionBand();
        var byType = outcomes.GroupBy(o => o.Edit, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Metrics(g.Key, g.ToList(), options.Threshold, band)).ToList();
        var overall = Metrics("all", outcomes, options.Threshold, band);
        var curve = new List<SCurveBucket>();
        for (int i = 0; i < 10; i++)
        {
            double from = i / 10.0, to = (i + 1) / 10.0;
            var inBucket = outcomes.Where(o => o.Truth >= from && (o.Truth < to || (i == 9 && o.Truth <= 1))).ToList();
            curve.Add(new SCurveBucket(from, to, inBucket.Count,
                inBucket.Count == 0 ? double.NaN : inBucket.Average(o => o.Candidate ? 1.0 : 0.0),
                inBucket.Count == 0 ? double.NaN : inBucket.Average(o => lsh.CandidateProbability(o.Truth))));
        }
        int beyond = outcomes.Count(o => Math.Abs(o.Estimate - o.Truth) > 3 * Math.Sqrt(o.Truth * (1 - o.Truth) / options.NumPerm) + 1e-9);
        int disagreements = outcomes.Count(o => Math.Abs(o.Truth - o.Recorded) > 0.02);
        return new DedupEvaluationReport(lsh, options.Threshold, band, byType, overall, curve,
            outcomes.Count == 0 ? 0 : outcomes.Average(o => Math.Abs(o.Estimate - o.Truth)), beyond, disagreements);
    }

    private static double Agreement(uint[] a, uint[] b)
    {
        int same = 0;
        for (int i = 0; i < a.Length; i++)
            if (a[i] == b[i]) same++;
        return (double)same / a.Length;
    }

    private static EditTypeMetrics Metrics(string edit, IReadOnlyList<(string Edit, double Truth, bool Candidate, bool Detected, double Estimate, double Recorded)> outcomes, double threshold, (double Low, double High) band)
    {
        int tp = 0, fp = 0, fn = 0, ctp = 0, cfp = 0, cfn = 0;
        foreach (var o in outcomes)
        {
            bool positive = o.Truth >= threshold;
            bool clear = o.Truth < band.Low || o.Truth > band.High;
            if (positive && o.Detected) { tp++; if (clear) ctp++; }
            else if (!positive && o.Detected) { fp++; if (clear) cfp++; }
            else if (positive) { fn++; if (clear) cfn++; }
        }
        return new EditTypeMetrics(edit, outcomes.Count, outcomes.Count == 0 ? double.NaN : outcomes.Average(o => o.Truth), tp, fp, fn, ctp, cfp, cfn);
    }
}
