namespace CorpusQA.Segmentation.Tests;

/// <summary>Inputs at the edges: empty, whitespace, surrogates and emoji, mixed scripts, bad arguments.</summary>
public sealed class JiebaSegmenterEdgeCaseTests
{
    private static JiebaSegmenter Seg => SharedSegmenter.Instance;

    [Theory]
    [InlineData(CutMode.Accurate, true)]
    [InlineData(CutMode.Accurate, false)]
    [InlineData(CutMode.Full, true)]
    [InlineData(CutMode.Search, true)]
    public void EmptyTextHasNoTokens(CutMode mode, bool hmm)
    {
        Assert.Empty(Seg.Cut("", mode, hmm));
        var spans = new List<TokenSpan> { new(7, 1) };
        Seg.Cut(ReadOnlySpan<char>.Empty, spans, mode, hmm);
        Assert.Equal([new TokenSpan(7, 1)], spans); // appends, never clears
    }

    [Theory]
    [InlineData(CutMode.Accurate)]
    [InlineData(CutMode.Full)]
    [InlineData(CutMode.Search)]
    public void WhitespaceIsOneTokenPerCharacterExceptCrLf(CutMode mode)
    {
        // re_skip = (\r\n|\s): "\r\n" is one token, "\n\r" two, U+3000 and U+00A0 are whitespace.
        Assert.Equal([" ", "\t", "\r\n", "\n", "\r", "\u3000", "\u00A0", "\r\n"], Seg.Cut(" \t\r\n\n\r\u3000\u00A0\r\n", mode));
    }

    [Fact]
    public void SurrogatePairIsOneTokenInAccurateAndSearchMode()
    {
        string text = "a😀😀測試𠀀b";
        Assert.Equal(["a", "😀", "😀", "測試", "𠀀", "b"], Seg.Cut(text));
        Assert.Equal(["a", "😀", "😀", "測試", "𠀀", "b"], Seg.Cut(text, CutMode.Search));
        // cut_all yields a run of non-space, non-han characters whole.
        Assert.Equal(["a", "😀😀", "測", "試", "𠀀", "b"], Seg.Cut(text, CutMode.Full));
    }

    [Fact]
    public void LoneSurrogatesAreSingleTokens()
    {
        Assert.Equal(["\uD83D", "x", "\uDE00", "\uDE00"], Seg.Cut("\uD83Dx\uDE00\uDE00"));
        Assert.Equal(["\uDE00", "\uD83D"], Seg.Cut("\uDE00\uD83D"));
    }

    [Fact]
    public void MixedScriptsFollowTheHanBlockRules()
    {
        // Letters, digits and + # & . _ % - join Chinese in han blocks; other symbols go one by one.
        Assert.Equal(["C++", "和", "AT&T", "的", "100%", "，", "v1.2", "-", "beta", "版本", "!", "!"],
                     Seg.Cut("C++和AT&T的100%，v1.2-beta版本!!"));
        Assert.Equal(["Привет", "мир"], Seg.Cut("Привет мир", CutMode.Full).Where(t => t != " ").ToList());
        Assert.Equal(["П", "р", "и"], Seg.Cut("При"));
    }

    [Fact]
    public void AccurateTokensTileTheText()
    {
        const string text = "我来到北京清华大学，English words 和 数字123.45%混排😀\r\n第二行";
        Assert.Equal(text, string.Concat(Seg.Cut(text)));
        Assert.Equal(text, string.Concat(Seg.Cut(text, hmm: false)));
    }

    [Fact]
    public void FullModeGluedLettersAreOneStringButSeparateSpans()
    {
        // docs/known-deviations.md §3: jieba gives ['QQ', 'abc'] (golden-api.json.gz, scenario glued_letters).
        JiebaSegmenter seg = JiebaSegmenter.CreateDefault();
        seg.AddWord("QQ", 50);
        seg.AddWord("Q", 50);
        Assert.Equal(["QQ", "abc"], seg.Cut("abQQc", CutMode.Full));
        var spans = new List<TokenSpan>();
        seg.Cut("abQQc".AsSpan(), spans, CutMode.Full);
        Assert.Equal([new TokenSpan(2, 2), new TokenSpan(0, 2), new TokenSpan(4, 1)], spans);
    }

    [Fact]
    public void ArgumentsAreValidated()
    {
        JiebaSegmenter seg = JiebaSegmenter.CreateDefault();
        Assert.Throws<ArgumentException>(() => seg.AddWord(""));
        Assert.Throws<ArgumentOutOfRangeException>(() => seg.AddWord("负数", -1));
        Assert.Throws<ArgumentException>(() => seg.Tokenize("全模式", CutMode.Full));
        Assert.Throws<ArgumentNullException>(() => seg.Cut((string)null!));
        Assert.Throws<ArgumentNullException>(() => seg.Cut("x".AsSpan(), null!));
    }

    [Fact]
    public void GetFrequencyDistinguishesWordsPrefixesAndAbsentKeys()
    {
        Assert.Equal(796991, Seg.GetFrequency("是")); // dict.txt: "是 796991 v"
        Assert.Equal(0, Seg.GetFrequency("长江大")); // only a prefix of 长江大桥
        Assert.Null(Seg.GetFrequency("长江大桥桥桥"));
        Assert.Null(Seg.GetFrequency(""));
    }
}
