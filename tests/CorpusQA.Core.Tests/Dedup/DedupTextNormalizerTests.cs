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
        Assert.Equal("ABC123 中文 x", Plain.Normalize("  ＡＢＣ１２３\u3000中文\n\n\t x  "));
        Assert.Equal("fi", Plain.Normalize("ﬁ"));
        Assert.Equal("ab", Plain.Normalize("a\u200Bb"));
        Assert.Equal("", Plain.Normalize(" \n\t\u3000 "));
    }

    [Fact]
    public void MatchesPythonNfkcOnMixedText()
    {
        // Expected value: unicodedata.normalize("NFKC", ...) (Unicode 14), the source of the table.
        const string text = "Ｐｙｔｈｏｎ３ 的 ﬁle… ①②, ㍻年 カタカナ ｶﾀｶﾅ ｶﾞ e\u0301 𝑛=5 〈x〉 ệ";
        Assert.Equal("Python3 的 file... 12, 平成年 カタカナ カタカナ ガ \u00E9 n=5 \u3008x\u3009 \u1EC7", Plain.Normalize(text));
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
