using CorpusQA.Core.Dedup.Stages;

namespace CorpusQA.Core.Dedup.Verification;

/// <summary>
/// Decides whether a candidate edge joins a cluster. With exact verification (character shingles, texts kept)
/// the edge joins iff the true n-gram Jaccard of the two normalized texts is ≥ Threshold; otherwise iff the
/// signature agreement is ≥ Threshold − VerifyMargin. The decision depends only on the two documents, so it is
/// independent of candidate order and thread count.
/// </summary>
internal sealed class ExactEdgeVerifier
{
    /// <summary>
    /// Candidates whose signature agreement is below Threshold − this are rejected without reading the texts:
    /// at 128 permutations that is about 7 standard errors below a pair at J = 0.8 (probability ~10^-12 of
    /// losing a true near duplicate) and it spares the text reads for unrelated documents sharing a
    /// boilerplate band.
    /// </summary>
    public const double PrefilterMargin = 0.25;

    private readonly DedupOptions _options;
    private readonly ShingleSetCache? _cache;

    public ExactEdgeVerifier(SignatureSet set, DedupOptions options)
    {
        _options = options;
        if (options.VerifiesExactly)
        {
            byte[] utf8 = new byte[4096];
            char[] text = new char[4096];
            _cache = new ShingleSetCache(doc =>
            {
                var (reader, record) = set.Locate(doc);
                return reader.TryReadNormalizedText(record, ref utf8, ref text, out int length)
                    ? CharShingleSet.Of(text.AsSpan(0, length), options.NGram)
                    : null;
            });
        }
    }

    /// <summary>The n-gram set cache (null without exact verification).</summary>
    public ShingleSetCache? Cache => _cache;

    /// <summary>
    /// Whether the edge (a, b) with signature agreement <paramref name="estimate"/> joins; <paramref name="trueJaccard"/>
    /// is the exact Jaccard when it was computed, else NaN.
    /// </summary>
    public bool Accepts(int a, int b, double estimate, out double trueJaccard)
    {
        trueJaccard = double.NaN;
        if (_cache is null)
            return estimate >= _options.Threshold - _options.VerifyMargin;
        if (estimate < _options.Threshold - PrefilterMargin)
            return false;
        ulong[]? setA = _cache.Get(a);
        ulong[]? setB = _cache.Get(b);
        if (setA is null || setB is null)
            return estimate >= _options.Threshold - _options.VerifyMargin;
        trueJaccard = CharShingleSet.Jaccard(setA, setB);
        return trueJaccard >= _options.Threshold;
    }

    /// <summary>The same decision for a pair whose texts are at hand (the evaluation models the engine with it).</summary>
    public static bool Accepts(DedupOptions options, double estimate, ReadOnlySpan<char> normalizedA, ReadOnlySpan<char> normalizedB, out double trueJaccard)
    {
        trueJaccard = double.NaN;
        if (!options.VerifiesExactly)
            return estimate >= options.Threshold - options.VerifyMargin;
        if (estimate < options.Threshold - PrefilterMargin)
            return false;
        trueJaccard = CharShingleSet.Jaccard(normalizedA, normalizedB, options.NGram);
        return trueJaccard >= options.Threshold;
    }
}
