using CorpusQA.Core.Kernels;

namespace CorpusQA.Core.Tests.Kernels;

public class SortedIntersectionKernelTests
{
    /// <summary>Two ascending sets of distinct values drawn from a shared pool, so they overlap by about <paramref name="overlap"/>.</summary>
    private static (ulong[] A, ulong[] B) Sets(Random random, int lengthA, int lengthB, double overlap, bool smallValues)
    {
        var pool = new HashSet<ulong>();
        while (pool.Count < lengthA + lengthB)
            pool.Add(smallValues ? (ulong)random.Next(0, 4 * (lengthA + lengthB) + 8) : (ulong)random.NextInt64() ^ ((ulong)random.Next() << 63));
        var values = pool.ToArray();
        var a = values.Take(lengthA).ToHashSet();
        var b = new HashSet<ulong>();
        foreach (ulong v in a)
            if (b.Count < lengthB && random.NextDouble() < overlap) b.Add(v);
        foreach (ulong v in values.Skip(lengthA))
            if (b.Count < lengthB) b.Add(v);
        return (a.Order().ToArray(), b.Order().ToArray());
    }

    [Fact]
    public void EveryLengthPair0To40MatchesTheMerge()
    {
        var random = new Random(7);
        for (int la = 0; la <= 40; la++)
            for (int lb = 0; lb <= 40; lb++)
                foreach (double overlap in new[] { 0.0, 0.5, 1.0 })
                {
                    var (a, b) = Sets(random, la, lb, overlap, smallValues: (la + lb) % 2 == 0);
                    Assert.Equal(SortedIntersectionReference.Count(a, b), SortedIntersectionKernel.Count(a, b));
                    Assert.Equal(SortedIntersectionReference.Count(b, a), SortedIntersectionKernel.Count(b, a));
                }
    }

    [Fact]
    public void LargeSetsAndEdgeValuesMatchTheMerge()
    {
        var random = new Random(11);
        for (int round = 0; round < 200; round++)
        {
            var (a, b) = Sets(random, random.Next(0, 3000), random.Next(0, 3000), random.NextDouble(), smallValues: round % 3 == 0);
            Assert.Equal(SortedIntersectionReference.Count(a, b), SortedIntersectionKernel.Count(a, b));
        }

        ulong[] edges = [0, 1, 2, 3, 4, 5, 6, 7, 8, ulong.MaxValue - 8, ulong.MaxValue - 1, ulong.MaxValue];
        ulong[] odd = edges.Where((_, k) => k % 2 == 1).ToArray();
        Assert.Equal(edges.Length, SortedIntersectionKernel.Count(edges, edges));
        Assert.Equal(odd.Length, SortedIntersectionKernel.Count(edges, odd));
        Assert.Equal(SortedIntersectionReference.Count(edges, odd), SortedIntersectionKernel.Count(odd, edges));
    }

    [Fact]
    public void InterleavedBlocksMatchTheMerge()
    {
        // a takes the evens, b every third value: blocks overlap in every pattern the advance rule must handle.
        ulong[] a = Enumerable.Range(0, 500).Select(k => (ulong)(2 * k)).ToArray();
        ulong[] b = Enumerable.Range(0, 400).Select(k => (ulong)(3 * k)).ToArray();
        Assert.Equal(SortedIntersectionReference.Count(a, b), SortedIntersectionKernel.Count(a, b));
        Assert.Equal(SortedIntersectionReference.Count(b, a), SortedIntersectionKernel.Count(b, a));
    }
}
