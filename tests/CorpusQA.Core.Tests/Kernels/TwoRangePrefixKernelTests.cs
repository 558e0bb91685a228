using CorpusQA.Core.Kernels;

namespace CorpusQA.Core.Tests.Kernels;

public class TwoRangePrefixKernelTests
{
    private static readonly char[] Alphabet = ['a', 'Z', ' ', '\n', '中', '文', '\u4E00', '\u9FFF', '\u3000', '，', '\u0080', '\u4DFF', '\uA000', '\u007F', '\0'];

    [Fact]
    public void EveryLength0To256MatchesScalarReference()
    {
        var random = new Random(77);
        for (int length = 0; length <= 256; length++)
        {
            for (int trial = 0; trial < 8; trial++)
            {
                var chars = new char[length];
                // Mostly in-range characters so that long prefixes (and whole vectors) occur.
                for (int i = 0; i < length; i++)
                    chars[i] = random.Next(40) == 0 ? Alphabet[random.Next(Alphabet.Length)] : (random.Next(2) == 0 ? (char)random.Next(0x80) : (char)random.Next(0x4E00, 0xA000));
                AssertSame(chars, '\0', '\u007F', '\u4E00', '\u9FFF');
                AssertSame(chars, '!', '~', '\u4E00', '\u9FFF');
            }
        }
    }

    [Fact]
    public void BoundariesAndLongInputs()
    {
        var text = new string('中', 5000) + "\u3000" + new string('a', 100);
        Assert.Equal(5000, TwoRangePrefixKernel.Length(text, '\0', '\u007F', '\u4E00', '\u9FFF'));
        Assert.Equal(0, TwoRangePrefixKernel.Length("\u4DFF", '\0', '\u007F', '\u4E00', '\u9FFF'));
        Assert.Equal(1, TwoRangePrefixKernel.Length("\u9FFF\uA000", '\0', '\u007F', '\u4E00', '\u9FFF'));
        Assert.Equal(3, TwoRangePrefixKernel.Length("ab~ c", '!', '~', '\u4E00', '\u9FFF'));
        Assert.Equal(0, TwoRangePrefixKernel.Length("", '!', '~', '\u4E00', '\u9FFF'));
    }

    private static void AssertSame(char[] chars, char l1, char h1, char l2, char h2) =>
        Assert.Equal(TwoRangePrefixReference.Length(chars, l1, h1, l2, h2), TwoRangePrefixKernel.Length(chars, l1, h1, l2, h2));
}
