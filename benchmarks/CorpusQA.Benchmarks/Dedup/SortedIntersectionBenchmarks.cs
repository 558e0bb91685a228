using BenchmarkDotNet.Attributes;
using CorpusQA.Core.Kernels;

namespace CorpusQA.Benchmarks.Dedup;

/// <summary>
/// The exact-Jaccard intersection of two n-gram hash sets (sorted, distinct 64-bit values, as the dedup verifier
/// holds them): the AVX-512 block kernel against the scalar merge it replaced, side by side (ratio column). 100
/// random pairs of 2,000-value sets per call, sharing a given fraction of their values.
/// </summary>
[ShortRunJob]
public class SortedIntersectionBenchmarks
{
    private (ulong[] A, ulong[] B)[] _pairs = [];

    [Params(0.1, 0.5, 0.9)]
    public double Overlap { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _pairs = new (ulong[], ulong[])[100];
        for (int k = 0; k < _pairs.Length; k++)
        {
            var a = new HashSet<ulong>();
            while (a.Count < 2000) a.Add((ulong)random.NextInt64());
            var b = new HashSet<ulong>();
            foreach (ulong v in a)
                if (random.NextDouble() < Overlap) b.Add(v);
            while (b.Count < 2000) b.Add((ulong)random.NextInt64());
            _pairs[k] = (a.Order().ToArray(), b.Order().ToArray());
        }
    }

    [Benchmark(Baseline = true)]
    public long ScalarMerge()
    {
        long common = 0;
        foreach (var (a, b) in _pairs) common += SortedIntersectionReference.Count(a, b);
        return common;
    }

    [Benchmark]
    public long BlockKernel()
    {
        long common = 0;
        foreach (var (a, b) in _pairs) common += SortedIntersectionKernel.Count(a, b);
        return common;
    }
}
