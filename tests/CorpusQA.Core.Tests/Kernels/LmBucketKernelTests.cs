using System.Runtime.InteropServices;
using CorpusQA.Core.Kernels;

namespace CorpusQA.Core.Tests.Kernels;

public unsafe class LmBucketKernelTests
{
    [Fact]
    public void MatchesScalarReferenceOnRandomBuckets()
    {
        var random = new Random(20261201);
        ulong* bucket = (ulong*)NativeMemory.AlignedAlloc(64, 64);
        try
        {
            var seen = new HashSet<(int Filled, int Outcome)>();
            for (int trial = 0; trial < 50_000; trial++)
            {
                // Slots fill left to right; tags are few so that equal tags, absent tags and full buckets all occur.
                int filled = random.Next(LmBucketKernel.Slots + 1);
                for (int i = 0; i < LmBucketKernel.Slots; i++)
                    bucket[i] = i < filled ? ((ulong)(uint)random.Next(1, 12) << 32) | (uint)random.Next() : 0;
                ulong tag = (ulong)(uint)random.Next(1, 14) << 32;
                ulong expected = LmBucketReference.Probe(bucket, tag, out bool expectedOverflow);
                ulong actual = LmBucketKernel.Probe(bucket, tag, out bool actualOverflow);
                Assert.Equal(expected, actual);
                Assert.Equal(expectedOverflow, actualOverflow);
                seen.Add((filled, expected != 0 ? 0 : expectedOverflow ? 1 : 2));
            }

            Assert.Contains((LmBucketKernel.Slots, 1), seen); // full, absent: the probe goes on
            Assert.Contains((LmBucketKernel.Slots, 0), seen); // full, found in the last slots too
            Assert.Contains((0, 2), seen); // empty bucket
        }
        finally
        {
            NativeMemory.AlignedFree(bucket);
        }
    }

    [Fact]
    public void FirstMatchingSlotWins()
    {
        ulong* bucket = (ulong*)NativeMemory.AlignedAlloc(64, 64);
        try
        {
            ulong tag = 7UL << 32;
            for (int i = 0; i < 8; i++) bucket[i] = (i is 3 or 6 ? tag : 9UL << 32) | (uint)(100 + i);
            Assert.Equal(tag | 103, LmBucketKernel.Probe(bucket, tag, out bool overflow));
            Assert.False(overflow);
            Assert.Equal(0UL, LmBucketKernel.Probe(bucket, 5UL << 32, out overflow));
            Assert.True(overflow);
        }
        finally
        {
            NativeMemory.AlignedFree(bucket);
        }
    }
}
