using CorpusQA.Core.Rules;
using CorpusQA.Core.Signals;
using CorpusQA.Core.Tests.Documents;

namespace CorpusQA.Core.Tests.Signals;

/// <summary>The noise each seed article is known for is caught by the named signal (corpora/seeds/README.md).</summary>
public class SeedSignalTests
{
    private static Dictionary<string, double> Signals(string text) => TestAnalyzers.Signals(TestAnalyzers.Jieba(), text);

    [Theory]
    [InlineData("002", 4)] // 赞助本站, © 版权声明, 相关文章, 暂无评论 ×2
    [InlineData("003", 5)] // 本站资源来自互联网, 搜索建议, 热传 ×n
    public void Boilerplate_lines_of_002_and_003(string seed, int atLeast)
    {
        var s = Signals(TestData.Seed(seed));
        Assert.True(s["boilerplate_line_count"] >= atLeast, $"{seed}: {s["boilerplate_line_count"]} boilerplate lines");
        Assert.True(s["boilerplate_line_fraction"] > 0.04);
    }

    [Fact]
    public void Pinyin_noise_of_001_is_caught_and_dropped_for_it_not_for_being_traditional()
    {
        var s = Signals(TestData.Seed("001"));
        Assert.True(s["pinyin_annotation_count"] >= 100, $"{s["pinyin_annotation_count"]} annotations");
        Assert.True(s["traditional_only_ratio"] > 0.2);
        var evaluation = Evaluate(s);
        Assert.Contains("pinyin_annotations", evaluation.DropReasons);
    }

    [Fact]
    public void Conversion_artifacts_of_004()
    {
        var s = Signals(TestData.Seed("004"));
        Assert.True(s["conversion_artifact_count"] >= 5, $"{s["conversion_artifact_count"]} artifacts"); // 領網域, 硬體 ×n, 軟體
        Assert.True(s["script_minority_ratio"] > 0.005);
        Assert.Contains("conversion_artifacts", Evaluate(s).DropReasons);
        Assert.Equal(0, Signals(TestData.Seed("000"))["conversion_artifact_count"]);
    }

    [Fact]
    public void Clean_news_paragraphs_pass_the_default_rules()
    {
        // Paragraphs 2–9 of the news article 000: real prose without the page furniture around it.
        var lines = TestData.Seed("000").Split('\n');
        string clean = string.Join("\n", lines[1..9]);
        var evaluation = Evaluate(Signals(clean));
        Assert.True(evaluation.Keep, "dropped: " + string.Join(", ", evaluation.DropReasons));
    }

    [Fact]
    public void Clean_traditional_text_passes_the_default_rules()
    {
        // Seed 001 with its glued pinyin removed is ordinary Traditional Chinese prose.
        string text = System.Text.RegularExpressions.Regex.Replace(TestData.Seed("001"), @"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)", "");
        var s = Signals(text);
        Assert.Equal(0, s["pinyin_annotation_count"]);
        Assert.True(s["traditional_only_ratio"] > 0.2);
        var evaluation = Evaluate(s);
        Assert.True(evaluation.Keep, "dropped: " + string.Join(", ", evaluation.DropReasons));
    }

    private static RuleEvaluation Evaluate(Dictionary<string, double> byName)
    {
        var values = new double[SignalRegistry.Default.Count];
        foreach (var (name, value) in byName) values[SignalRegistry.Default.IndexOf(name)] = value;
        return RuleSet.Default.Evaluate(values);
    }
}
