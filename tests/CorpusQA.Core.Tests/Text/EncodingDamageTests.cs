using System.Text;
using CorpusQA.Core.Tests.Documents;
using CorpusQA.Core.Text;

namespace CorpusQA.Core.Tests.Text;

public class EncodingDamageTests
{
    static EncodingDamageTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private const string Clean = "近年是全球风险投资的低潮，生成式人工智能却逆市而起，去年的融资笔数和融资额分别大幅增长。";

    [Theory]
    [InlineData(936, 0.3)]   // GBK
    [InlineData(1252, 0.3)]  // Windows-1252
    [InlineData(950, 0.05)]  // Big5: most byte pairs are invalid and decode to replacement characters instead
    public void Utf8_read_with_the_wrong_codec_is_caught_as_mojibake(int codePage, double minimum)
    {
        string garbled = Encoding.GetEncoding(codePage).GetString(Encoding.UTF8.GetBytes(Clean));
        var signals = TestAnalyzers.Signals(TestAnalyzers.CharacterTokens(), garbled);
        Assert.True(signals["mojibake_ratio"] > minimum, $"mojibake_ratio {signals["mojibake_ratio"]} for code page {codePage}");
        Assert.True(signals["mojibake_ratio"] > 0.02, "the default rule's bound must catch it");
    }

    [Fact]
    public void Clean_text_and_classic_garbage_markers()
    {
        var analyzer = TestAnalyzers.CharacterTokens();
        foreach (string seed in TestData.AllSeeds)
            Assert.True(TestAnalyzers.Signals(analyzer, seed)["mojibake_ratio"] < 0.001);
        Assert.Equal(6, MojibakeTable.CountCoveredChars("锟斤拷锟斤拷"));
        Assert.Equal(4, MojibakeTable.CountCoveredChars("烫烫烫烫"));
        string doubleGarbled = Encoding.GetEncoding(1252).GetString(Encoding.UTF8.GetBytes("锟斤拷"));
        Assert.True(MojibakeTable.CountCoveredChars(doubleGarbled) >= 6, doubleGarbled);
        string quotes = Encoding.GetEncoding(1252).GetString(Encoding.UTF8.GetBytes("他说“你好”——然后……"));
        Assert.True(MojibakeTable.CountCoveredChars(quotes) >= 8, quotes);
    }

    [Theory]
    [InlineData("搜狗創(chuàng)始人王小川發(fā)布微博", 2)]
    [InlineData("全（quán）部", 1)]
    [InlineData("生成式AI(GenAI)和OpenAI(美国)", 0)]
    [InlineData("中(zhong)文", 0)]      // no tone mark: could be anything
    [InlineData("(chuàng)开头", 0)]     // not after a Han character
    [InlineData("字(chuàngchuàng)", 0)] // too long for one syllable
    public void Pinyin_glued_after_han_characters(string text, int expected) =>
        Assert.Equal(expected, PinyinAnnotation.Count(text));
}
