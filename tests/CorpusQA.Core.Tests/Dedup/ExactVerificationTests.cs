using CorpusQA.Core.Dedup;
using CorpusQA.Core.Dedup.Evaluation;
using CorpusQA.Core.Dedup.Stages;
using CorpusQA.Core.Dedup.Verification;

namespace CorpusQA.Core.Tests.Dedup;

public class ExactVerificationTests
{
    private static readonly Lazy<IReadOnlyList<DedupEvalPair>> Pairs = new(() => DedupEvalPair.Load(DedupTestData.FixturePath("eval_pairs.jsonl.gz")));

    private static DedupResult Run(IReadOnlyList<string> texts, DedupOptions options)
    {
        using var engine = new DedupEngine(options);
        for (int i = 0; i < texts.Count; i++)
            engine.AddDocument(i, texts[i], default);
        return engine.Finish();
    }

    [Fact]
    public void HashedShingleSetJaccardEqualsTheStringSetJaccard()
    {
        var normalizer = new MinHashSigner(new DedupOptions()).Normalizer;
        foreach (var pair in Pairs.Value.Where((_, i) => i % 5 == 0))
        {
            string a = normalizer.Normalize(pair.Original), b = normalizer.Normalize(pair.Variant);
            Assert.Equal(ShingleJaccard.OfCharNGrams(a, b, 5), CharShingleSet.Jaccard(a, b, 5));
            Assert.Equal(ShingleJaccard.OfCharNGrams(a, b, 3), CharShingleSet.Jaccard(a, b, 3));
        }
        // The signer's short-text rule: shorter than n is one whole-text shingle; two empty texts are identical.
        foreach (var (a, b) in new[] { ("", ""), ("", "好"), ("好", "好"), ("你好", "你好啊"), ("你好", "你好"), ("你好世界啊", "你好世界") })
            Assert.Equal(ShingleJaccard.OfCharNGrams(a, b, 5), CharShingleSet.Jaccard(a, b, 5));
        Assert.Equal(new ulong[0], CharShingleSet.Of("", 5));
        var repeated = CharShingleSet.Of(new string('啊', 50), 5);
        Assert.Single(repeated);
        var set = CharShingleSet.Of(DedupTestData.Sample[0], 5);
        for (int i = 1; i < set.Length; i++)
            Assert.True(set[i - 1] < set[i]);
    }

    [Fact]
    public void BucketSortGivesTheSortedDistinctHashes()
    {
        var random = new Random(3);
        foreach (int length in Enumerable.Range(0, 300).Concat([1000, 4097, 70_000, 300_000]))
        {
            // Random 64-bit values with repeats, plus a cluster of small values sharing the first bucket.
            var values = new ulong[length];
            for (int i = 0; i < length; i++)
                values[i] = i % 7 == 3 && i > 0 ? values[random.Next(i)] : i % 11 == 5 ? (ulong)random.Next(50) : (ulong)random.NextInt64() * 3UL;
            var expected = values.Distinct().Order().ToArray();
            Assert.Equal(expected, CharShingleSet.SortedUnique(values.ToArray()));
        }
    }

    [Fact]
    public void ShingleSetCacheIsBoundedAndReusesSets()
    {
        var loads = new List<int>();
        var cache = new ShingleSetCache(doc => { loads.Add(doc); return new ulong[10]; }, maxDocuments: 3, maxHashes: 1000);
        foreach (int doc in new[] { 1, 2, 1, 3, 1, 4, 2 })
            Assert.NotNull(cache.Get(doc));
        Assert.Equal(new[] { 1, 2, 3, 4, 2 }, loads); // 2 was the least recently used when 4 came in
        Assert.Equal(3, cache.Count);

        var bySize = new ShingleSetCache(doc => new ulong[10], maxDocuments: 100, maxHashes: 25);
        for (int doc = 0; doc < 10; doc++)
        {
            bySize.Get(doc);
            Assert.True(bySize.HashesHeld <= 25 || bySize.Count == 2, $"{bySize.HashesHeld} hashes in {bySize.Count} sets");
        }
        Assert.Equal(2, bySize.Count); // the pair being verified always stays, even above the budget
        Assert.Null(new ShingleSetCache(_ => null).Get(7));
    }

    [Fact]
    public void EveryNearDuplicateIsWithinTheThresholdOfItsKeeperByTrueJaccard()
    {
        // Originals with 3% edits straddle 0.8, where the signature estimate alone joins some pairs below it.
        var texts = new List<string>();
        foreach (var group in Pairs.Value.Where(p => p.EditType is "insert_3" or "delete_3" or "substitute_3" or "boilerplate").GroupBy(p => p.OriginalId).Take(80))
        {
            texts.Add(group.First().Original);
            texts.AddRange(group.Select(p => p.Variant));
        }
        var exact = new DedupOptions();
        var normalizer = new MinHashSigner(exact).Normalizer;
        var normalized = texts.Select(normalizer.Normalize).ToList();

        var verified = Run(texts, exact);
        int near = 0;
        foreach (var record in verified.Records().Where(r => !r.IsKeeper && r.ExactDupOf is null))
        {
            double truth = ShingleJaccard.OfCharNGrams(normalized[record.DocIndex], normalized[record.Keeper]);
            Assert.True(truth >= exact.Threshold, $"{record.DocIndex} joined {record.Keeper} at true J {truth:F3}");
            Assert.Equal(truth, record.TrueJaccardToKeeper!.Value, 5);
            near++;
        }
        Assert.True(near > 140, $"{near} near duplicates"); // 145 since spaces between CJK characters vanish in the normalization

        var estimated = Run(texts, exact with { VerifyExact = false });
        var signatureOnly = estimated.Records().Where(r => !r.IsKeeper && r.ExactDupOf is null).ToList();
        Assert.All(signatureOnly, r => Assert.Null(r.TrueJaccardToKeeper));
        Assert.Contains(signatureOnly, r => ShingleJaccard.OfCharNGrams(normalized[r.DocIndex], normalized[r.Keeper]) < exact.Threshold);
    }

    [Fact]
    public void WordShinglesAndMissingTextsFallBackToTheSignatureEstimate()
    {
        var words = new DedupOptions { Shingle = ShingleUnit.Word, NGram = 3 };
        Assert.False(words.VerifiesExactly);
        Assert.Equal((9, 13), (words.LshLayout().Bands, words.LshLayout().Rows));
        Assert.Equal((14, 9), (new DedupOptions().LshLayout().Bands, new DedupOptions().LshLayout().Rows));

        var texts = DedupVariants.Build(DedupTestData.Sample.Take(40).ToList(), seed: 6);
        using var folder = new DedupTestData.TempFolder();
        var options = new DedupOptions { TempDirectory = folder.Path };
        string shard = Path.Combine(folder.Path, "notexts.cqsig");
        var signer = new MinHashSigner(options);
        using (var writer = new SignatureWriter(shard, options, keepTexts: false))
        {
            for (int i = 0; i < texts.Count; i++)
                writer.Write(signer.Sign(i, texts[i]));
        }
        string candidates = Path.Combine(folder.Path, "run.cqcand");
        BucketStage.Run([shard], options, candidates);
        var result = ClusterStage.Run([shard], candidates, options);
        var near = result.Records().Where(r => !r.IsKeeper && r.ExactDupOf is null).ToList();
        Assert.NotEmpty(near);
        Assert.All(near, r => Assert.Null(r.TrueJaccardToKeeper));
        Assert.All(near, r => Assert.True(r.EstJaccardToKeeper >= options.Threshold - options.VerifyMargin));
    }

    [Fact]
    public void CandidateFilesRecordTheVerificationModeAndWeights()
    {
        var exact = new DedupOptions { FalsePositiveWeight = 0.5, FalseNegativeWeight = 0.5 };
        var signatureOnly = new DedupOptions { VerifyExact = false };
        Assert.Equal(exact.LshLayout(), signatureOnly.LshLayout());
        Assert.NotEqual(exact.BandOptionsHash(exact.LshLayout()), signatureOnly.BandOptionsHash(signatureOnly.LshLayout()));
        Assert.NotEqual(exact.BandOptionsHash(exact.LshLayout()), (exact with { FalsePositiveWeight = 0.4, FalseNegativeWeight = 0.6 }).BandOptionsHash(exact.LshLayout()));

        using var folder = new DedupTestData.TempFolder();
        string shard = Path.Combine(folder.Path, "a.cqsig");
        var signer = new MinHashSigner(exact);
        using (var writer = new SignatureWriter(shard, exact))
        {
            for (int i = 0; i < 3; i++)
                writer.Write(signer.Sign(i, DedupTestData.Sample[i]), signer.Normalizer.Normalize(DedupTestData.Sample[i]));
        }
        string candidates = Path.Combine(folder.Path, "a.cqcand");
        BucketStage.Run([shard], exact, candidates);
        Assert.Throws<InvalidDataException>(() => ClusterStage.Run([shard], candidates, signatureOnly));
        Assert.Equal(3, ClusterStage.Run([shard], candidates, exact).DocCount);
    }
}
