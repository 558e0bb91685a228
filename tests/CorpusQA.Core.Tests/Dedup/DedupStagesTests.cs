using CorpusQA.Core.Dedup;
using CorpusQA.Core.Dedup.Stages;

namespace CorpusQA.Core.Tests.Dedup;

public class DedupStagesTests
{
    [Fact]
    public void ShardedStagesGiveTheSameResultAsTheEngine()
    {
        var texts = DedupVariants.Build(DedupTestData.Sample.Take(60).ToList(), seed: 4);
        using var folder = new DedupTestData.TempFolder();
        var options = new DedupOptions { TempDirectory = folder.Path };

        // Three "machines" sign interleaved shards; one merge step buckets and clusters.
        var shards = new List<string>();
        for (int shard = 0; shard < 3; shard++)
        {
            string path = Path.Combine(folder.Path, $"shard-{shard}.cqsig");
            var signer = new MinHashSigner(options);
            using (var writer = new SignatureWriter(path, options))
            {
                for (int i = shard; i < texts.Count; i += 3)
                    writer.Write(signer.Sign(i, texts[i]), signer.Normalizer.Normalize(texts[i]));
            }
            shards.Add(path);
        }
        string candidates = Path.Combine(folder.Path, "run.cqcand");
        var stats = BucketStage.Run(shards, options, candidates);
        var sharded = ClusterStage.Run(shards, candidates, options);

        using var engine = new DedupEngine(options);
        for (int i = 0; i < texts.Count; i++)
            engine.AddDocument(i, texts[i], default);
        var single = engine.Finish();

        Assert.Equal(texts.Count, stats.DocCount);
        Assert.True(stats.ExactDuplicatePairs > 0 && stats.CandidatePairs > 0);
        Assert.Equal(single.Records().ToList(), sharded.Records().ToList());
        Assert.Equal(single.SamplePairs, sharded.SamplePairs);
        Assert.All(sharded.SamplePairs, p => Assert.InRange(p.TrueJaccard, 0.5, 1.0));
    }

    [Fact]
    public void BandGroupsOverShardLocalIndicesGiveTheSameResultAsTheEngine()
    {
        var texts = DedupVariants.Build(DedupTestData.Sample.Take(60).ToList(), seed: 5);
        using var folder = new DedupTestData.TempFolder();
        var options = new DedupOptions { TempDirectory = folder.Path };

        // Contiguous shards, each numbering its documents from 0 (a shard does not know how many come before it).
        var shards = new List<string>();
        int[] starts = [0, 17, 41, texts.Count];
        for (int shard = 0; shard < 3; shard++)
        {
            string path = Path.Combine(folder.Path, $"local-{shard}.cqsig");
            using (var signer = new ShardSigner(path, options))
            {
                for (int i = starts[shard]; i < starts[shard + 1]; i++) signer.AddDocument(i - starts[shard], texts[i], default);
            }
            shards.Add(path);
        }

        int bands = options.LshLayout().Bands;
        var groups = new List<string>();
        for (int g = 0; g < 4; g++)
        {
            string path = Path.Combine(folder.Path, $"group-{g}.cqcand");
            BucketStage.Run(shards, options, path, BandRange.Group(g, 4, bands), shardLocalIndices: true);
            groups.Add(path);
        }
        var sharded = ClusterStage.Run(shards, groups, options, shardLocalIndices: true);

        using var engine = new DedupEngine(options);
        for (int i = 0; i < texts.Count; i++)
            engine.AddDocument(i, texts[i], default);
        var single = engine.Finish();

        Assert.True(single.NearDuplicateCount > 0 && single.ExactDuplicateCount > 0);
        Assert.Equal(single.Records().ToList(), sharded.Records().ToList());
        Assert.Equal(single.SamplePairs, sharded.SamplePairs);
        Assert.Equal(Enumerable.Range(0, bands), Enumerable.Range(0, 4).SelectMany(g => Enumerable.Range(BandRange.Group(g, 4, bands).First,
            BandRange.Group(g, 4, bands).End - BandRange.Group(g, 4, bands).First)));
    }

    [Fact]
    public void FilesWrittenUnderOtherOptionsAreRejected()
    {
        using var folder = new DedupTestData.TempFolder();
        var options = new DedupOptions { TempDirectory = folder.Path };
        string sig = Path.Combine(folder.Path, "a.cqsig");
        var signer = new MinHashSigner(options);
        using (var writer = new SignatureWriter(sig, options))
        {
            writer.Write(signer.Sign(0, DedupTestData.Sample[0]));
            writer.Write(signer.Sign(1, DedupTestData.Sample[1]));
        }
        string candidates = Path.Combine(folder.Path, "a.cqcand");
        BucketStage.Run([sig], options, candidates);

        var otherSeed = options with { Seed = 99 };
        var error = Assert.Throws<InvalidDataException>(() => BucketStage.Run([sig], otherSeed, Path.Combine(folder.Path, "b.cqcand")));
        Assert.Contains("different dedup options", error.Message);
        Assert.Throws<InvalidDataException>(() => ClusterStage.Run([sig], candidates, options with { Threshold = 0.7 }));
        Assert.Throws<InvalidDataException>(() => ClusterStage.Run([sig], sig, options));

        // A writer that never closed leaves record count -1 in the header.
        string unfinished = Path.Combine(folder.Path, "c.cqsig");
        File.Copy(sig, unfinished);
        using (var stream = File.OpenWrite(unfinished))
        {
            stream.Position = 24;
            stream.Write(BitConverter.GetBytes(-1L));
        }
        Assert.Contains("unfinished", Assert.Throws<InvalidDataException>(() => BucketStage.Run([unfinished], options, Path.Combine(folder.Path, "c.cqcand"))).Message);
        File.WriteAllBytes(Path.Combine(folder.Path, "junk.cqsig"), new byte[40]);
        Assert.Throws<InvalidDataException>(() => BucketStage.Run([Path.Combine(folder.Path, "junk.cqsig")], options, Path.Combine(folder.Path, "d.cqcand")));
    }

    [Fact]
    public void BandKeySorterMergesSpilledRunsInKeyOrder()
    {
        using var folder = new DedupTestData.TempFolder();
        var random = new Random(1);
        var keys = Enumerable.Range(0, 50_000).Select(doc => ((ulong)random.Next(20_000), doc)).ToList();
        using var sorter = new BandKeySorter(64 * 1024, folder.Path);
        foreach (var (key, doc) in keys)
            sorter.Add(key, doc);
        var groups = sorter.Groups().ToList();
        Assert.True(sorter.SpilledRuns >= 5);
        var expected = keys.GroupBy(k => k.Item1).Where(g => g.Count() > 1).OrderBy(g => g.Key)
            .Select(g => g.Select(k => k.doc).OrderBy(d => d).ToArray()).ToList();
        Assert.Equal(expected, groups);
        sorter.Reset();
        Assert.Empty(Directory.GetFiles(folder.Path));
    }
}
