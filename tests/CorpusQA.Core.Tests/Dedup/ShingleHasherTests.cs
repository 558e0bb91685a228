using System.IO.Hashing;
using CorpusQA.Core.Dedup;

namespace CorpusQA.Core.Tests.Dedup;

public class ShingleHasherTests
{
    [Fact]
    public void InlinedPathEqualsSystemIoHashingXxHash3()
    {
        var random = new Random(42);
        var bytes = new byte[16];
        for (int trial = 0; trial < 2000; trial++)
        {
            int length = 9 + trial % 8;
            random.NextBytes(bytes);
            ulong seed = trial % 3 == 0 ? 0 : (ulong)random.NextInt64() * 3;
            var input = bytes.AsSpan(0, length);
            Assert.Equal(XxHash3.HashToUInt64(input, (long)seed), ShingleHasher.Hash9To16(input, seed));
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(9)]
    public void WindowHashesEqualLibraryHashesOfEachWindow(int n)
    {
        string text = "软件包管理器 apt-get 用于安装、升级和删除软件包。Debian 的文档。";
        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(text.AsSpan());
        int count = text.Length - n + 1;
        var actual = new uint[count];
        ShingleHasher.HashWindows(bytes, 2 * n, 12345, actual);
        for (int i = 0; i < count; i++)
        {
            ulong h = XxHash3.HashToUInt64(bytes.Slice(2 * i, 2 * n), 12345);
            Assert.Equal((uint)(h ^ (h >> 32)), actual[i]);
        }
    }
}

public class ShingleHashKernelTests
{
    [Fact]
    public void EveryLength0To256AndEveryWindowSizeMatchesXxHash3()
    {
        var random = new Random(5);
        for (int n = 5; n <= 8; n++)
        {
            for (int length = 0; length <= 256; length++)
            {
                var chars = new char[length];
                for (int i = 0; i < length; i++)
                    chars[i] = (char)random.Next(0, 0x10000);
                AssertMatches(chars, n, seed: (ulong)random.NextInt64());
            }
            var big = new char[10_007];
            for (int i = 0; i < big.Length; i++)
                big[i] = (char)random.Next(0x4E00, 0xA000);
            AssertMatches(big, n, seed: 1);
        }
    }

    private static void AssertMatches(char[] chars, int n, ulong seed)
    {
        int count = Math.Max(0, chars.Length - n + 1);
        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(chars.AsSpan());
        var actual = new uint[count];
        ShingleHasher.HashWindows(bytes, 2 * n, seed, actual);
        for (int i = 0; i < count; i++)
        {
            ulong h = System.IO.Hashing.XxHash3.HashToUInt64(bytes.Slice(2 * i, 2 * n), (long)seed);
            Assert.True((uint)(h ^ (h >> 32)) == actual[i], $"n={n} length={chars.Length} window {i}");
        }
    }
}
