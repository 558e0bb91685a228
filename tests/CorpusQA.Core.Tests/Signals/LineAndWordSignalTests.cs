using CorpusQA.Core.Tests.Documents;

namespace CorpusQA.Core.Tests.Signals;

public class LineAndWordSignalTests
{
    private static Dictionary<string, double> Signals(string text) =>
        TestAnalyzers.Signals(TestAnalyzers.Jieba(), text);

    [Fact]
    public void Line_endings_bullets_ellipses_and_short_lines()
    {
        string text = "这是一个完整的句子。\n他说：“好的！”\n• 列表项目一\n- 列表项目二\n未完待续……\nRead more...\n标题";
        var s = Signals(text);
        Assert.Equal(7, s["line_count"]);
        Assert.Equal(4.0 / 7, s["line_terminal_punct_fraction"], 12); // 。 ！” …… ...
        Assert.Equal(2.0 / 7, s["bullet_line_fraction"], 12);
        Assert.Equal(2.0 / 7, s["ellipsis_line_fraction"], 12);
        Assert.Equal(6.0 / 7, s["short_line_fraction"], 12);           // ≤ 10 code units: all but "Read more..."
        Assert.Equal(12, s["max_line_length"]);
    }

    [Fact]
    public void Boilerplate_lines_are_matched_by_phrase()
    {
        var s = Signals("正文内容在这里。\n上一页 下一页\n© 版权声明\n扫码关注我们的公众号");
        Assert.Equal(3, s["boilerplate_line_count"]);
        Assert.Equal(0.75, s["boilerplate_line_fraction"], 12);
    }

    [Fact]
    public void Short_boilerplate_phrases_must_be_the_whole_line()
    {
        var s = Signals("热传\n相关文章：\n热传导是物理现象。\n关于我们的未来，他有话说。");
        Assert.Equal(2, s["boilerplate_line_count"]);
    }

    [Fact]
    public void Stopwords_and_word_lengths_use_jieba_words()
    {
        var analyzer = TestAnalyzers.Jieba();
        var view = analyzer.Analyze("我们的研究是关于自然语言处理的。");
        var s = TestAnalyzers.Signals(analyzer, "我们的研究是关于自然语言处理的。");
        Assert.Equal(view.WordCount, s["word_count"]);
        Assert.True(s["stopword_count"] >= 4, $"stopwords {s["stopword_count"]}"); // 我们 的 是 关于 的
        Assert.Equal(s["stopword_count"] / s["word_count"], s["stopword_fraction"], 12);
        Assert.Equal((double)view.WordChars / view.WordCount, s["mean_word_length"], 12);
    }

    [Fact]
    public void Flagged_terms_count_only_on_word_boundaries()
    {
        var spam = Signals("澳门百家乐在线娱乐城，注册送彩金！\n加微信领取");
        Assert.True(spam["flagged_words_per_line"] >= 1, $"per line {spam["flagged_words_per_line"]}");
        Assert.True(spam["flagged_word_ratio"] > 0);
        // 风情|色彩 contains the flagged 情色 as a substring, but not as words.
        Assert.Equal(0, Signals("这座小镇充满异国风情色彩。")["flagged_word_ratio"]);
        var words = Signals("这部电影有大量情色内容。"); // 这部/电影/有/大量/情色/内容
        Assert.Equal(1, words["flagged_word_ratio"] * words["word_count"], 9);
    }

    [Fact]
    public void Traditional_and_simplified_ratios_and_mixing()
    {
        var simplified = Signals("这个软件的发展历史很长。");
        var mixed = Signals("这个軟體的发展历史很长。");
        Assert.Equal(0, simplified["traditional_only_ratio"]);
        Assert.True(simplified["simplified_only_ratio"] > 0.2);
        Assert.Equal(0, simplified["script_minority_ratio"]);
        Assert.True(mixed["script_minority_ratio"] > 0.2, $"minority {mixed["script_minority_ratio"]}");
        Assert.Equal(1, mixed["conversion_artifact_count"]); // 軟體 in Simplified text
        Assert.Equal(0, Signals("這個軟體的發展歷史很長。")["conversion_artifact_count"]); // fine in Taiwan text
        Assert.Equal(1, Signals("這是皇後的決定。")["conversion_artifact_count"]);         // wrong in any script
        Assert.Equal(1, Signals("他是一名软件开发人员，这里叫程式設計師，负责编写代码。")["conversion_artifact_count"]); // nested terms count once
    }

    [Fact]
    public void Full_width_alnum_mixing()
    {
        Assert.Equal(0.5, Signals("２０２４年与2024年")["fullwidth_alnum_ratio"], 12);
        Assert.Equal(0, Signals("2024年，（注）")["fullwidth_alnum_ratio"]);
    }
}
