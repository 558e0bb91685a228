using CorpusQA.Core.Kernels;

namespace CorpusQA.Core.Tests.Kernels;

public class MinHashPermutationKernelTests
{
    private static uint[] RandomArray(Random random, int length)
    {
        var values = new uint[length];
        for (int i = 0; i < length; i++)
            values[i] = (uint)random.NextInt64();
        return values;
    }

    private static void AssertMatchesReference(int lanes, int hashCount, int seed)
    {
        var random = new Random(seed);
        uint[] hashes = RandomArray(random, hashCount);
        uint[] a = RandomArray(random, lanes);
        uint[] b = RandomArray(random, lanes);
        uint[] start = RandomArray(random, lanes);
        // Keep some lanes at the "no shingle yet" value, as the signer starts them.
        for (int i = 0; i < lanes; i += 3)
            start[i] = uint.MaxValue;
        var expected = (uint[])start.Clone();
        var actual = (uint[])start.Clone();
        MinHashPermutationReference.UpdateMins(hashes, a, b, expected);
        MinHashPermutationKernel.UpdateMins(hashes, a, b, actual);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void EveryLaneCount0To256MatchesScalarReference()
    {
        for (int lanes = 0; lanes <= 256; lanes++)
            AssertMatchesReference(lanes, hashCount: 37, seed: 1000 + lanes);
    }

    [Fact]
    public void EveryHashCount0To256MatchesScalarReference()
    {
        for (int count = 0; count <= 256; count++)
            AssertMatchesReference(lanes: 128, hashCount: count, seed: 5000 + count);
    }

    [Theory]
    [InlineData(128, 100_000)]
    [InlineData(1024, 4_099)]
    [InlineData(203, 20_011)]
    public void BigInputsMatchScalarReference(int lanes, int hashCount) =>
        AssertMatchesReference(lanes, hashCount, seed: lanes * 31 + hashCount);

    [Fact]
    public void ResultIsTheMinimumOfTheWrappedAffineMap()
    {
        uint[] hashes = [3, 1, 2];
        uint[] a = [5, uint.MaxValue];
        uint[] b = [7, 0];
        uint[] mins = [uint.MaxValue, uint.MaxValue];
        MinHashPermutationKernel.UpdateMins(hashes, a, b, mins);
        Assert.Equal(12u, mins[0]);                         // min(22, 12, 17)
        Assert.Equal(unchecked(3u * uint.MaxValue), mins[1]); // -3 wraps to the smallest of -1, -2, -3
    }

    [Fact]
    public void MismatchedLengthsAreRejected()
    {
        Assert.Throws<ArgumentException>(() => MinHashPermutationKernel.UpdateMins([1u], new uint[4], new uint[3], new uint[4]));
        Assert.Throws<ArgumentException>(() => MinHashPermutationReference.UpdateMins([1u], new uint[4], new uint[4], new uint[5]));
    }
}
