using CorpusQA.Segmentation.Dictionary;

namespace CorpusQA.Segmentation.Tests.Dictionary;

/// <summary>Cases worked out from Python's <c>re.match('^(.+?)( [0-9]+)?( [a-z]+)?$', line).groups()</c>.</summary>
public sealed class UserDictionaryLineTests
{
    [Theory]
    [InlineData("云计算", "云计算", null, null)]
    [InlineData("云计算 5", "云计算", "5", null)]
    [InlineData("创新办 3 i", "创新办", "3", "i")]
    [InlineData("凱特琳 nz", "凱特琳", null, "nz")]
    [InlineData("a b c", "a b", null, "c")]
    [InlineData("石墨烯 v 12", "石墨烯 v", "12", null)]
    [InlineData("Edu Trust认证 2000", "Edu Trust认证", "2000", null)]
    [InlineData("x 1 2", "x 1", "2", null)]
    [InlineData("word 10 N", "word 10 N", null, null)]
    [InlineData("word  10", "word ", "10", null)]
    [InlineData("1", "1", null, null)]
    [InlineData("a 1", "a", "1", null)]
    public void SplitsLikeJiebasRegex(string line, string word, string? freq, string? tag)
    {
        Assert.Equal(new UserDictionaryLine(word, freq, tag), UserDictionaryLine.Parse(line));
    }
}
