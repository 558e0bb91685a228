using CorpusQA.Core.Tests.Documents;

namespace CorpusQA.Core.Tests.Signals;

public class RepetitionTests
{
    private static Dictionary<string, double> Signals(string text) =>
        TestAnalyzers.Signals(TestAnalyzers.CharacterTokens(), text);

    [Fact]
    public void Duplicate_lines_and_paragraphs_follow_gophers_find_duplicates()
    {
        string text = "甲乙丙\n丁戊\n甲乙丙\n\n甲乙丙\n丁戊\n甲乙丙";
        var s = Signals(text);
        // Lines: 甲乙丙 丁戊 甲乙丙 甲乙丙 丁戊 甲乙丙 → 4 repeats of 6.
        Assert.Equal(4.0 / 6, s["dup_line_fraction"], 12);
        Assert.Equal((3 + 2 + 3 + 3) / (double)text.Length, s["dup_line_char_fraction"], 12);
        Assert.Equal(0.5, s["dup_paragraph_fraction"], 12);
        Assert.Equal(10.0 / text.Length, s["dup_paragraph_char_fraction"], 12);
    }

    [Fact]
    public void Top_ngram_counts_the_most_frequent_repeated_ngram()
    {
        // Character tokens: 好 好 学 习 好 好 → the 2-gram 好好 occurs twice (4 chars), nothing else repeats.
        var s = Signals("好好学习好好");
        Assert.Equal(4.0 / 6, s["top_2gram_char_fraction"], 12);
        Assert.Equal(0, s["top_3gram_char_fraction"]);
        Assert.Equal(0, Signals("一二三四五六七八")["top_2gram_char_fraction"]);
    }

    [Fact]
    public void Duplicate_ngrams_skip_past_each_repeat()
    {
        // 13 character tokens: a 6-token phrase, its copy, and 庚. For n = 5 the scan adds the 5-grams at 0..5,
        // finds the one at 6 already seen (+5 chars) and jumps to 11, past the last 5-gram (8). For n = 6 the
        // 6-gram at 6 is a repeat (+6). For n = 7 the 7-gram at 6 (甲乙丙丁戊己庚) is new.
        var s = Signals("甲乙丙丁戊己甲乙丙丁戊己庚");
        Assert.Equal(5.0 / 13, s["dup_5gram_char_fraction"], 12);
        Assert.Equal(6.0 / 13, s["dup_6gram_char_fraction"], 12);
        Assert.Equal(0, s["dup_7gram_char_fraction"]);
    }

    [Fact]
    public void Character_13gram_repetition_covers_repeated_windows()
    {
        string unit = "这是一个十三字以上的重复句子";
        Assert.Equal(1.0, Signals(unit + unit)["char_13gram_repetition"], 12);
        Assert.Equal(0, Signals(unit)["char_13gram_repetition"]);
        var s = Signals(unit + "然后完全不同的内容在这里出现了" + unit);
        Assert.Equal(2.0 * unit.Length / (3 * unit.Length + 1), s["char_13gram_repetition"], 12);
    }

    [Fact]
    public void Unique_word_ratio_and_entropy_of_a_known_distribution()
    {
        // Tokens a a b b c d (character cutter: Latin runs are single tokens when separated by spaces).
        var s = Signals("aa aa bb bb cc dd");
        Assert.Equal(4.0 / 6, s["unique_word_ratio"], 12);
        double expected = -(2 * (2.0 / 6) * Math.Log(2.0 / 6) + 2 * (1.0 / 6) * Math.Log(1.0 / 6));
        Assert.Equal(expected, s["unigram_entropy"], 12);
        Assert.Equal(0, Signals("同")["unigram_entropy"]);
    }
}
