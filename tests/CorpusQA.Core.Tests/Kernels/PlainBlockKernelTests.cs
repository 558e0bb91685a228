using CorpusQA.Core.Kernels;

namespace CorpusQA.Core.Tests.Kernels;

public class PlainBlockKernelTests
{
    private static readonly char[] Pool = ['a', 'Z', '1', '~', '!', ' ', ' ', ' ', '\n', '\t', '中', '文', '\u4E00', '\u9FFF', '\u4DFF', '\uA000', '，', '。', '\u3000', '\u007F', '\u0080', '\0'];

    [Fact]
    public void MatchesScalarReferenceOnRandomBlocks()
    {
        var random = new Random(123);
        int n = PlainBlockKernel.BlockLength;
        var source = new char[n];
        for (int trial = 0; trial < 20_000; trial++)
        {
            for (int k = 0; k < n; k++)
                source[k] = random.Next(4) == 0 ? Pool[random.Next(Pool.Length)] : (random.Next(2) == 0 ? (char)random.Next('!', '~' + 1) : (char)random.Next(0x4E00, 0xA000));
            bool afterPlain = random.Next(2) == 0, afterCjk = random.Next(2) == 0;
            foreach (var (low2, high2) in new[] { ('\u4E00', '\u9FFF'), ('!', '~') })
            {
                var expected = new char[n];
                var actual = new char[n];
                int e = PlainBlockReference.CopyPrefix(source, expected, afterPlain, afterCjk, low2, high2);
                int a = PlainBlockKernel.CopyPrefix(source, actual, afterPlain, afterCjk, low2, high2);
                Assert.Equal(e, a);
                Assert.Equal(expected.AsSpan(0, e).ToArray(), actual.AsSpan(0, a).ToArray());
            }
        }
    }

    [Theory]
    [InlineData("abcdefghijklmnopabcdefghijklmnop", true, 32)]
    [InlineData("ab cdefghijklmnopabcdefghijklmnop", true, 32)]
    [InlineData("ab  cdefghijklmnoabcdefghijklmnop", true, 2)]
    [InlineData(" bcdefghijklmnopqabcdefghijklmnop", true, 32)]
    [InlineData(" bcdefghijklmnopqabcdefghijklmnop", false, 0)]
    [InlineData("abcdefghijklmnoabcdefghijklmnop p", true, 31)]
    [InlineData("中文 English，标点符号测试中文 English标点符号测试", true, 10)]
    [InlineData("line\nbreak-here!!line-break-here!!", true, 4)]
    [InlineData("中 文 文 本abcdefghijklmnopabcdefghijklmnop", true, 1)]
    [InlineData("文 English 中文 English，标点符号测试中文 English", true, 20)]
    public void KnownPrefixes(string text, bool afterPlain, int expected)
    {
        int n = PlainBlockKernel.BlockLength;
        var destination = new char[n];
        Assert.Equal(expected, PlainBlockKernel.CopyPrefix(text.AsSpan(0, n), destination, afterPlain, false, '\u4E00', '\u9FFF'));
        Assert.Equal(expected, PlainBlockReference.CopyPrefix(text.AsSpan(0, n), destination, afterPlain, false, '\u4E00', '\u9FFF'));
    }
}
