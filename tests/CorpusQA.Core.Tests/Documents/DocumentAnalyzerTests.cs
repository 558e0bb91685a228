using CorpusQA.Core.Text;

namespace CorpusQA.Core.Tests.Documents;

public class DocumentAnalyzerTests
{
    [Fact]
    public void Lines_are_trimmed_non_blank_and_paragraphs_split_on_blank_lines()
    {
        var view = TestAnalyzers.CharacterTokens().Analyze("  第一行  \r\n第二行\n\n \n第三段\n");
        Assert.Equal(["第一行", "第二行", "第三段"], Texts(view.Text, view.Lines));
        Assert.Equal(["第一行  \r\n第二行", "第三段"], Texts(view.Text, view.Paragraphs));
        Assert.Equal(5, view.NewlineCount);
    }

    [Theory]
    [InlineData("今天下雨。明天晴天！后天呢？", 3)]
    [InlineData("他说：“走吧。”然后走了", 2)]
    [InlineData("增长了72.7%，见example.com", 1)]
    [InlineData("Hello world. Bye!!! ", 2)]
    [InlineData("。。。", 0)]
    [InlineData("", 0)]
    public void Sentences_count_runs_of_final_marks_after_content(string text, int expected) =>
        Assert.Equal(expected, TestAnalyzers.CharacterTokens().Analyze(text).SentenceCount);

    [Fact]
    public void Jieba_tokens_drop_white_space_and_mark_words()
    {
        var view = TestAnalyzers.Jieba().Analyze("我们 在北京，2024年。");
        var tokens = Texts(view.Text, view.Tokens);
        Assert.DoesNotContain(" ", tokens);
        Assert.Contains("北京", tokens);
        Assert.Equal(tokens.Count(t => t is not ("，" or "。")), view.WordCount);
        Assert.Equal(view.WordCount - 1, view.AlphabeticTokenCount); // 2024 is a number, not alphabetic
    }

    [Fact]
    public void A_view_is_reused_and_refilled_by_the_next_analysis()
    {
        var analyzer = TestAnalyzers.CharacterTokens();
        var first = analyzer.Analyze("第一篇\n\n文章");
        Assert.Equal(2, first.Paragraphs.Length);
        var second = analyzer.Analyze("另一篇");
        Assert.Same(first, second);
        Assert.Single(second.Paragraphs.ToArray());
        Assert.Equal("另一篇", second.Text);
    }

    [Fact]
    public void Character_classes_are_counted_in_one_pass()
    {
        var counts = TestAnalyzers.Count("漢字abc１２，。!\u3000\uFFFD\uE000\u0001カ한😀𠀀");
        Assert.Equal(3, counts[CharKind.Han]);          // 漢 字 𠀀 (supplementary)
        Assert.Equal(5, counts[CharKind.Latin] + counts[CharKind.Digit]);
        Assert.Equal(2, counts.FullWidthAlnum);
        Assert.Equal(2, counts[CharKind.CjkPunctuation]);
        Assert.Equal(1, counts[CharKind.AsciiPunctuation]);
        Assert.Equal(1, counts[CharKind.Whitespace]);
        Assert.Equal(1, counts[CharKind.Replacement]);
        Assert.Equal(1, counts[CharKind.PrivateUse]);
        Assert.Equal(1, counts[CharKind.Control]);
        Assert.Equal(1, counts[CharKind.Kana]);
        Assert.Equal(1, counts[CharKind.Hangul]);
        Assert.Equal(1, counts[CharKind.Symbol]);       // the emoji
        Assert.Equal(18, counts.CodePoints);
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount("漢字abc１２，。!\u3000\uFFFD\uE000\u0001カ한😀𠀀"), counts.Utf8Bytes);
        Assert.Equal(1, counts.TraditionalOnly);        // 漢
    }

    [Fact]
    public void Script_tables_know_traditional_and_simplified_only_characters()
    {
        var simplified = TestAnalyzers.Count("发门后");
        var traditional = TestAnalyzers.Count("發門後");
        Assert.Equal((0, 2), (simplified.TraditionalOnly, simplified.SimplifiedOnly)); // 后 is shared by both scripts
        Assert.Equal((3, 0), (traditional.TraditionalOnly, traditional.SimplifiedOnly));
    }

    private static List<string> Texts(string text, ReadOnlySpan<Segmentation.TokenSpan> spans)
    {
        var list = new List<string>();
        foreach (var span in spans) list.Add(span.Of(text).ToString());
        return list;
    }
}
