using CorpusQA.Classify.Kernels;

namespace CorpusQA.Classify.Tests.Kernels;

public class CharNGramHashKernelTests
{
    /// <summary>Han, kana, Latin, digits, punctuation, white space and surrogate halves: every code-unit range.</summary>
    private static string RandomText(Random random, int length)
    {
        var chars = new char[length];
        for (int i = 0; i < length; i++)
        {
            chars[i] = random.Next(7) switch
            {
                0 => (char)random.Next(0x4E00, 0x9FFF),
                1 => (char)random.Next(0x3040, 0x30FF),
                2 => (char)random.Next('a', 'z' + 1),
                3 => (char)random.Next('0', '9' + 1),
                4 => "，。、！？ \n"[random.Next(7)],
                5 => (char)random.Next(0xD800, 0xDFFF),
                _ => (char)random.Next(0, 0xFFFF),
            };
        }
        return new string(chars);
    }

    [Fact]
    public void EqualsTheScalarReferenceForEveryLengthUpTo256()
    {
        var random = new Random(20261201);
        for (int length = 0; length <= 256; length++)
        {
            string text = RandomText(random, length);
            foreach (int n in new[] { 1, 2, 3, 4 })
            foreach (int bits in new[] { 10, 18, 24, 31 })
            {
                var expected = new int[Math.Max(1, length)];
                var actual = new int[Math.Max(1, length)];
                int e = CharNGramHashReference.Hash(text, n, bits, expected);
                int a = CharNGramHashKernel.Hash(text, n, bits, actual);
                Assert.Equal(e, a);
                Assert.Equal(expected.AsSpan(0, e).ToArray(), actual.AsSpan(0, a).ToArray());
                Assert.All(actual.AsSpan(0, a).ToArray(), b => Assert.InRange(b, 0, (1 << bits) - 1));
            }
        }
    }

    [Fact]
    public void BucketsDependOnTheNGramNotItsPosition()
    {
        var buckets = new int[16];
        int count = CharNGramHashKernel.Hash("中文中文中文", 2, 18, buckets);
        Assert.Equal(5, count);
        Assert.Equal(buckets[0], buckets[2]); // 中文 at 0 and 2
        Assert.Equal(buckets[1], buckets[3]); // 文中 at 1 and 3
        Assert.NotEqual(buckets[0], buckets[1]);
    }

    [Fact]
    public void ShortTextsGiveNoNGrams()
    {
        var buckets = new int[4];
        Assert.Equal(0, CharNGramHashKernel.Hash("中文", 3, 18, buckets));
        Assert.Equal(0, CharNGramHashKernel.Hash("", 1, 18, buckets));
    }
}
