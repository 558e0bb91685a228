using CorpusQA.Core.Text;

namespace CorpusQA.Core.Tests.Text;

public class PhraseMatcherTests
{
    [Fact]
    public void Finds_every_occurrence_including_overlapping_and_nested_phrases()
    {
        var matcher = new PhraseMatcher(["he", "she", "his", "hers", "上一页"]);
        var found = new List<(string, int)>();
        foreach (var m in matcher.Matches("ushers 点击上一页"))
            found.Add((matcher.Patterns[m.Pattern], m.End));
        Assert.Equal([("she", 4), ("he", 4), ("hers", 6), ("上一页", 12)], found);
    }

    [Fact]
    public void Matches_agree_with_naive_search_on_random_text()
    {
        var random = new Random(7);
        string alphabet = "ab上下页";
        var patterns = new List<string>();
        for (int i = 0; i < 30; i++)
            patterns.Add(new string(Enumerable.Range(0, random.Next(1, 5)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray()));
        patterns = patterns.Distinct().ToList();
        var matcher = new PhraseMatcher(patterns);
        string text = new(Enumerable.Range(0, 500).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
        int expected = 0;
        foreach (string p in patterns)
            for (int i = 0; i + p.Length <= text.Length; i++)
                if (string.CompareOrdinal(text, i, p, 0, p.Length) == 0) expected++;
        int actual = 0;
        foreach (var m in matcher.Matches(text))
        {
            string p = matcher.Patterns[m.Pattern];
            Assert.Equal(p, text.Substring(m.End - p.Length, p.Length));
            actual++;
        }
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void ContainsAny_is_false_without_a_phrase() =>
        Assert.False(new PhraseMatcher(["版权声明"]).ContainsAny("版权所有，声明"));
}
