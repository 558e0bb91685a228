using CorpusQA.Classify.Kernels;

namespace CorpusQA.Classify.Tests.Kernels;

public class SparseRowsKernelTests
{
    [Fact]
    public void EqualsTheScalarReferenceBitForBitForEveryLengthUpTo256()
    {
        var random = new Random(7);
        const int features = 1000;
        var rows = Enumerable.Range(0, features * 8).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        for (int n = 0; n <= 256; n++)
        {
            var indices = Enumerable.Range(0, n).Select(_ => random.Next(features)).ToArray();
            var values = Enumerable.Range(0, n).Select(_ => (float)random.NextDouble()).ToArray();
            var expected = Enumerable.Range(0, 8).Select(k => (float)k).ToArray();
            var actual = (float[])expected.Clone();
            SparseRowsReference.Accumulate(rows, indices, values, expected);
            SparseRowsKernel.Accumulate(rows, indices, values, actual);
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void AnIndexPastTheMatrixThrows()
    {
        var rows = new float[16];
        Assert.Throws<ArgumentOutOfRangeException>(() => SparseRowsKernel.Accumulate(rows, [2], [1f], new float[8]));
    }
}
