using CorpusQA.Core.Dedup;

namespace CorpusQA.Core.Tests.Dedup;

public class DedupEngineTests
{
    private static DedupResult Run(IReadOnlyList<string> texts, DedupOptions options, double?[]? scores = null)
    {
        using var engine = new DedupEngine(options);
        for (int i = 0; i < texts.Count; i++)
            engine.AddDocument(i, texts[i], default, scores?[i]);
        return engine.Finish();
    }

    [Fact]
    public void FindsEveryExactDuplicateAfterNormalization()
    {
        var texts = DedupTestData.Sample.Take(60).ToList();
        texts.Add(texts[5]);
        texts.Add("  " + texts[7].Replace("，", ",") + "\n");
        texts.Add(texts[5]);
        var result = Run(texts, new DedupOptions());
        Assert.Equal(5, result[60].ExactDupOf);
        Assert.Equal(7, result[61].ExactDupOf);
        Assert.Equal(5, result[62].ExactDupOf);
        Assert.Equal(DedupReasons.ExactDuplicate, result[62].DropReason);
        Assert.Equal(result[5].ExactHash, result[60].ExactHash);
        Assert.Equal(32, result[5].ExactHash.Length);
        Assert.True(result[5].IsKeeper);
        Assert.Equal(3, result[5].ClusterSize);
        Assert.Equal(5, result[62].ClusterId);
        Assert.Equal(1.0, result[62].EstJaccardToKeeper);
        Assert.Equal(1.0, result[62].TrueJaccardToKeeper);
        Assert.Equal(1.0, result[5].TrueJaccardToKeeper);
        Assert.Null(result[5].DropReason);
        Assert.Equal(3, result.ExactDuplicateCount);
    }

    [Fact]
    public void ClustersNearDuplicatesWithTheKeeperPolicy()
    {
        var random = new Random(5);
        string original = DedupTestData.Sample.First(t => t.Length > 3000);
        string light = DedupEdits.Substitute(original, 0.01, random);
        string longer = original + "\n附录：更多说明。";
        var texts = new List<string> { "无关的文字内容，完全不同的一篇文档，讲的是别的事情。", light, original, longer };
        var first = Run(texts, new DedupOptions());
        Assert.True(first[1].IsKeeper);
        Assert.Equal(1, first[2].Keeper);
        Assert.Equal(DedupReasons.NearDuplicate, first[2].DropReason);
        Assert.Equal(1, first[3].ClusterId);
        Assert.Equal(3, first[2].ClusterSize);
        Assert.True(first[0].IsKeeper);
        Assert.Equal(1, first[0].ClusterSize);
        Assert.InRange(first[2].EstJaccardToKeeper, 0.55, 1.0);
        Assert.InRange(first[2].TrueJaccardToKeeper!.Value, 0.8, 1.0);
        Assert.False(first[2].ClusterOversized);
        Assert.True(Run(texts, new DedupOptions { MaxClusterSize = 2 })[2].ClusterOversized);

        var longest = Run(texts, new DedupOptions { Keep = KeepPolicy.Longest });
        Assert.True(longest[3].IsKeeper);
        Assert.Equal(3, longest[1].Keeper);
        Assert.Equal(1, longest[1].ClusterId);

        var best = Run(texts, new DedupOptions { Keep = KeepPolicy.Best }, [0.1, 0.5, 0.9, 0.9]);
        Assert.True(best[2].IsKeeper); // 0.9 ties with doc 3: the smaller index wins
        Assert.Equal(2, best[3].Keeper);
        Assert.Equal(2, Run(texts, new DedupOptions { Keep = KeepPolicy.Best }, [null, null, 0.2, null])[1].Keeper);
    }

    [Fact]
    public void ChainOfSimilarDocumentsDoesNotJoinDissimilarEnds()
    {
        var random = new Random(11);
        string seed = string.Concat(DedupTestData.Sample.Where(t => t.Length > 2000).Take(3)).Substring(0, 6000);
        var chain = new List<string> { seed };
        for (int i = 1; i < 6; i++)
            chain.Add(ReplaceSpan(chain[^1], 0.06, random, i));
        var options = new DedupOptions();
        var result = Run(chain, options);
        var normalizer = new CorpusQA.Core.Text.Normalization.DedupTextNormalizer(true, false);
        var normalized = chain.Select(normalizer.Normalize).ToList();
        for (int i = 1; i < chain.Count; i++)
            Assert.True(ShingleJaccard.OfCharNGrams(normalized[i - 1], normalized[i]) > 0.85, $"link {i} is not similar");
        Assert.True(ShingleJaccard.OfCharNGrams(normalized[0], normalized[^1]) < 0.6);

        for (int i = 0; i < chain.Count; i++)
        {
            // Every member is verified against its keeper with the exact Jaccard, and the record carries it.
            var record = result[i];
            double truth = ShingleJaccard.OfCharNGrams(normalized[i], normalized[record.Keeper]);
            Assert.True(truth >= options.Threshold, $"{i} joined keeper {record.Keeper} at true J {truth:F3}");
            Assert.Equal(truth, record.TrueJaccardToKeeper!.Value, 5);
        }
        Assert.True(result.NearDuplicateCount >= 2);
        for (int a = 0; a < chain.Count; a++)
        {
            for (int b = a + 1; b < chain.Count; b++)
            {
                // Triangle inequality of the Jaccard distance with exact edges: 1 - 2 * (1 - 0.8).
                if (result[a].ClusterId == result[b].ClusterId)
                    Assert.True(ShingleJaccard.OfCharNGrams(normalized[a], normalized[b]) >= 0.6, $"{a} and {b} joined by chaining");
            }
        }
        Assert.NotEqual(result[0].ClusterId, result[chain.Count - 1].ClusterId);
        Assert.True(result.Records().Select(r => r.ClusterId).Distinct().Count() >= 2);
    }

    private static string ReplaceSpan(string text, double fraction, Random random, int salt)
    {
        int length = (int)(text.Length * fraction);
        int start = random.Next(text.Length - length);
        string filler = DedupEdits.Substitute(new string('\u4E00', length), 1.0, new Random(salt * 7919));
        return string.Concat(text.AsSpan(0, start), filler, text.AsSpan(start + length));
    }

    [Fact]
    public void ResultsAreIdenticalWhateverTheThreadCountAndOrder()
    {
        var texts = DedupVariants.Build(DedupTestData.Sample.Take(80).ToList(), seed: 3);
        var options = new DedupOptions();
        var sequential = Run(texts, options);
        using var engine = new DedupEngine(options);
        var order = Enumerable.Range(0, texts.Count).OrderBy(i => (i * 7919) % 101).ToArray();
        Parallel.ForEach(order, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => engine.AddDocument(i, texts[i], default, null));
        var parallel = engine.Finish();
        Assert.Equal(sequential.Records().ToList(), parallel.Records().ToList());
        Assert.Equal(sequential.SamplePairs, parallel.SamplePairs);
        Assert.True(sequential.NearDuplicateCount > 10);
    }

    [Fact]
    public void SpillingToSortedRunsGivesTheSameClusters()
    {
        // ~7,000 short documents with near-duplicate variants: more band keys than a 64 KiB budget holds.
        var pieces = DedupTestData.Sample.SelectMany(t => Enumerable.Range(0, t.Length / 200).Select(k => t.Substring(k * 200, 200))).Take(3500).ToList();
        var texts = DedupVariants.Build(pieces, seed: 9);
        using var folder = new DedupTestData.TempFolder();
        var inMemory = Run(texts, new DedupOptions { TempDirectory = folder.Path });
        using var engine = new DedupEngine(new DedupOptions { MemoryBudgetBytes = 64 * 1024, TempDirectory = folder.Path });
        for (int i = 0; i < texts.Count; i++)
            engine.AddDocument(i, texts[i], default, null);
        var spilled = engine.Finish();
        Assert.True(engine.BucketStats!.SpilledRuns > 0);
        Assert.Equal(inMemory.Records().ToList(), spilled.Records().ToList());
        Assert.True(inMemory.NearDuplicateCount > 100);
    }

    [Fact]
    public void ShortAndEmptyDocumentsNeverCollideWithEverything()
    {
        var texts = new List<string> { "", "好", "你好", "", "  ", "你好", "再见", "谢谢你", DedupTestData.Sample[0] };
        var result = Run(texts, new DedupOptions());
        Assert.Equal(0, result[3].ExactDupOf);
        Assert.Equal(0, result[4].ExactDupOf);
        Assert.Equal(2, result[5].ExactDupOf);
        foreach (int doc in new[] { 1, 2, 6, 7, 8 })
        {
            Assert.True(result[doc].IsKeeper);
            Assert.Null(result[doc].ExactDupOf);
        }
        Assert.Equal(1, result[1].ClusterSize);
        Assert.Equal(3, result[0].ClusterSize);
    }

    [Fact]
    public void EmptyCorpusGivesAnEmptyResult()
    {
        var result = Run([], new DedupOptions());
        Assert.Equal(0, result.DocCount);
        Assert.Empty(result.Records());
        Assert.Empty(result.SamplePairs);
    }

    [Fact]
    public void DocumentIndicesMustBeDense()
    {
        using var engine = new DedupEngine(new DedupOptions());
        engine.AddDocument(0, "第一篇文档的内容", default);
        engine.AddDocument(2, "第三篇文档的内容", default);
        Assert.Throws<InvalidDataException>(() => engine.Finish());
    }

    [Fact]
    public void MemoryEstimateStatesBandIndexBytes()
    {
        var estimate = DedupEngine.MemoryEstimate(10_000_000, new DedupOptions { MemoryBudgetBytes = 64L << 20 });
        Assert.Equal(12, estimate.BandKeyBytesPerDocument);
        Assert.Equal((14, 9), (estimate.Lsh.Bands, estimate.Lsh.Rows));
        Assert.Equal(120_000_000, estimate.SpillBytesPerBand);
        Assert.Equal(64L << 20, estimate.BandIndexBytes);
        Assert.Equal(32 + 10_000_000L * (48 + 4 * 128), estimate.SignatureFileBytes);
        Assert.Equal(48, estimate.ClusterStateBytesPerDocument);
        Assert.Equal(Environment.ProcessorCount * (32L << 20), estimate.VerifyCacheBytes);
        Assert.Contains("14x9", estimate.ToString());
        var signatureOnly = DedupEngine.MemoryEstimate(1000, new DedupOptions { VerifyExact = false });
        Assert.Equal((9, 13), (signatureOnly.Lsh.Bands, signatureOnly.Lsh.Rows));
        Assert.Equal(0, signatureOnly.VerifyCacheBytes);
        Assert.Equal(12_000, DedupEngine.MemoryEstimate(1000, new DedupOptions()).BandIndexBytes);
    }
}
