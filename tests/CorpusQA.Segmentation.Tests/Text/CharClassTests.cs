using System.Text.Json;
using CorpusQA.Segmentation.Tests.Parity;
using CorpusQA.Segmentation.Text;

namespace CorpusQA.Segmentation.Tests.Text;

public sealed class CharClassTests
{
    [Fact]
    public void PythonWhitespaceMatchesTheSetPythonReported()
    {
        using JsonDocument manifest = JsonDocument.Parse(File.ReadAllText(GoldenDocument.FixturePath("golden-manifest.json")));
        var expected = manifest.RootElement.GetProperty("python_whitespace").EnumerateArray().Select(e => e.GetInt32()).ToHashSet();
        Assert.Equal(29, expected.Count);
        Assert.All(expected, cp => Assert.True(cp <= char.MaxValue, "non-BMP whitespace would need surrogate handling"));
        for (int c = 0; c <= char.MaxValue; c++)
        {
            Assert.True(expected.Contains(c) == CharClass.IsPythonWhitespace((char)c), $"U+{c:X4}");
        }
    }

    [Fact]
    public void HanBlockClassIsJiebasRegex()
    {
        // re_han_default = [\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-]
        for (int c = 0; c <= char.MaxValue; c++)
        {
            char ch = (char)c;
            bool expected = (ch >= '\u4E00' && ch <= '\u9FD5') || char.IsAsciiLetterOrDigit(ch) || "+#&._%-".Contains(ch);
            Assert.True(expected == CharClass.IsHanBlock(ch), $"U+{c:X4}");
            Assert.True((ch >= '\u4E00' && ch <= '\u9FD5') == CharClass.IsCjk(ch), $"U+{c:X4}");
            Assert.True(char.IsAsciiLetterOrDigit(ch) == CharClass.IsAsciiAlphanumeric(ch), $"U+{c:X4}");
        }
    }
}
