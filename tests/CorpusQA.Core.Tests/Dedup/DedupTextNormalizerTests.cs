using CorpusQA.Core.Text.Normalization;

namespace CorpusQA.Core.Tests.Dedup;

public class DedupTextNormalizerTests
{
    private static readonly DedupTextNormalizer Plain = new(foldPunctuation: false, foldTraditional: false);
    private static readonly DedupTextNormalizer Punct = new(foldPunctuation: true, foldTraditional: false);
    private static readonly DedupTextNormalizer Both = new(foldPunctuation: true, foldTraditional: true);

    [Fact]
    public void AppliesNfkcAndCollapsesWhitespace()
    {
        Assert.Equal("ABC123 中文 x", Plain.Normalize("  ABC123\u3000中文\n\n\t x  "));
        Assert.Equal("ABC123中文 x", Plain.Normalize("  ＡＢＣ１２３\u3000中文\n\n\t x  ")); // full-width forms are CJK
        Assert.Equal("fi", Plain.Normalize("ﬁ"));
        Assert.Equal("ab", Plain.Normalize("a\u200Bb"));
        Assert.Equal("", Plain.Normalize(" \n\t\u3000 "));
    }

    [Fact]
    public void MatchesPythonNfkcOnMixedText()
    {
        // Expected value: unicodedata.normalize("NFKC", ...) (Unicode 14), the source of the table, with the spaces
        // between CJK source characters (full-width Ｐｙｔｈｏｎ３, 的, ㍻年, kana) removed.
        const string text = "Ｐｙｔｈｏｎ３ 的 ﬁle… ①②, ㍻年 カタカナ ｶﾀｶﾅ ｶﾞ e\u0301 𝑛=5 〈x〉 ệ";
        Assert.Equal("Python3的 file... 12, 平成年カタカナカタカナガ \u00E9 n=5 \u3008x\u3009 \u1EC7", Plain.Normalize(text));
    }

    [Fact]
    public void WhitespaceBetweenCjkCharactersVanishes()
    {
        string clean = Plain.Normalize("中文文本处理，简单而有效。");
        Assert.Equal(clean, Plain.Normalize("中 文 文 本 处 理 ， 简 单 而 有 效 。"));
        Assert.Equal(clean, Plain.Normalize("中文文本\n处理，简单\r\n而有效。"));
        Assert.Equal(clean, Plain.Normalize("中\u3000文 \t 文本处理，简单而有效。"));
        Assert.Equal("한국어日本語カナ", Plain.Normalize("한국어 日本語 カナ"));
        Assert.Equal("𠀀中", Plain.Normalize("𠀀 中"));
        // Between Latin words, and between Latin and CJK, one space stays.
        Assert.Equal("open source 软件 and more", Plain.Normalize("open  source\n软件 \n and more"));
        Assert.Equal("使用 Linux 系统", Plain.Normalize("使用 Linux\n系统"));
        Assert.Equal("版本 2.0", Plain.Normalize("版本 2.0"));
        // Long spaced runs go through the block kernel too.
        string spaced = string.Join(' ', "这是一段很长的中文文本，用来检查向量路径在每个字之间都有空格时也能去掉空格。".ToCharArray());
        Assert.Equal(Plain.Normalize("这是一段很长的中文文本，用来检查向量路径在每个字之间都有空格时也能去掉空格。"), Plain.Normalize(spaced));
        Assert.Equal(Both.Normalize("這是一段很長的中文文本"), Both.Normalize(string.Join(' ', "這是一段很長的中文文本".ToCharArray())));
    }

    [Fact]
    public void ComposesSuccessiveMarksInCanonicalOrder()
    {
        Assert.Equal("\u1EC7", Plain.Normalize("e\u0323\u0302"));
        Assert.Equal("caf\u00E9 好", Plain.Normalize("cafe\u0301 好"));
        Assert.Equal("\u00C9", Plain.Normalize("Ｅ\u0301"));
    }

    [Fact]
    public void FoldsPunctuationVariantsToOneClass()
    {
        string a = Punct.Normalize("他说：“你好，世界。”《书》【注】——「引」");
        string b = Punct.Normalize("他说:\"你好,世界.\"<书>[注]--\"引\"");
        Assert.Equal(b, a);
        Assert.Equal(Punct.Normalize("一、二"), Punct.Normalize("一,二"));
        Assert.NotEqual(Plain.Normalize("你好。"), Plain.Normalize("你好."));
    }

    [Fact]
    public void FoldsTraditionalToSimplifiedOnlyWhenAsked()
    {
        Assert.Equal("这个软件的说明书", Both.Normalize("這個軟件的說明書"));
        Assert.Equal("這個", Punct.Normalize("這個"));
        Assert.True(TraditionalToSimplified.PairCount > 2000);
    }

    [Fact]
    public void TokenNormalizationDropsWhitespaceAndFolds()
    {
        char[] buffer = new char[1];
        int n = Both.NormalizeToken("說明，", ref buffer);
        Assert.Equal("说明,", new string(buffer, 0, n));
        Assert.Equal(0, Both.NormalizeToken(" \u3000\n", ref buffer));
    }
}
