using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CorpusQA.Core.Dedup;
using CorpusQA.Core.Dedup.Stages;

namespace CorpusQA.Benchmarks.Dedup;

/// <summary>
/// Bucketing and clustering the band keys of 10 million synthetic signatures (9 bands × 13 rows, the
/// 0.8/128 layout): one band at a time through <see cref="BandKeySorter"/>, candidate pairs, union-find.
/// Every 50th document is a planted near duplicate of its predecessor sharing 7 of the 9 bands.
/// One cold run per budget (it takes seconds, not microseconds); the peak working set is printed.
/// </summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 1, warmupCount: 0, iterationCount: 1)]
[MemoryDiagnoser]
public class BandClusteringBenchmarks
{
    private const int Bands = 9;
    private string _temp = null!;

    [Params(10_000_000)]
    public int Documents { get; set; }

    /// <summary>256 MiB holds a band's 120 MB of keys; 48 MiB forces three sorted runs per band.</summary>
    [Params(256L << 20, 48L << 20)]
    public long MemoryBudgetBytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _temp = Path.Combine(Path.GetTempPath(), $"corpusqa-band-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_temp);
        Console.WriteLine($"// {DedupEngine.MemoryEstimate(Documents, new DedupOptions { MemoryBudgetBytes = MemoryBudgetBytes })}");
    }

    [Benchmark]
    public int ClusterBandKeys()
    {
        using var sorter = new BandKeySorter(MemoryBudgetBytes, _temp);
        var candidates = new List<ulong>();
        int spilled = 0;
        for (int band = 0; band < Bands; band++)
        {
            for (int doc = 0; doc < Documents; doc++)
                sorter.Add(SyntheticBandKey(doc, band), doc);
            foreach (int[] group in sorter.Groups())
                BucketStage.AddGroupPairs(group, candidates);
            spilled += sorter.SpilledRuns;
            sorter.Reset();
            BucketStage.SortUnique(candidates);
        }
        var components = new UnionFind(Documents);
        foreach (ulong pair in candidates)
            components.Union((int)(pair >> 32), (int)(uint)pair);
        Console.WriteLine($"// {candidates.Count:N0} candidate pairs, {spilled} spilled runs, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MiB");
        return candidates.Count;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        try { Directory.Delete(_temp, recursive: true); } catch (IOException) { }
    }

    private static ulong SyntheticBandKey(int doc, int band)
    {
        int owner = doc % 50 == 1 && band < 7 ? doc - 1 : doc;
        ulong state = ((ulong)owner << 4) | (uint)band;
        return PermutationFamily.SplitMix64(ref state);
    }
}
