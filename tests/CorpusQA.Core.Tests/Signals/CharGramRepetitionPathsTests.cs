using CorpusQA.Core.Signals.Facts;
using CorpusQA.Core.Tests.Documents;

namespace CorpusQA.Core.Tests.Signals;

/// <summary>
/// The character 13-gram repetition of a huge document is found by sorting hashes in the scratch arrays (bounded
/// memory) instead of a hash table: both paths must give the same value, checked on every document with both.
/// </summary>
public class CharGramRepetitionPathsTests
{
    [Fact]
    public void The_sorted_path_equals_the_hash_table_path()
    {
        var random = new Random(2024);
        var analyzer = TestAnalyzers.Jieba();
        var texts = new List<string>(TestData.AllSeeds);
        for (int doc = 0; doc < 100; doc++)
        {
            string alphabet = "甲乙丙丁戊己庚辛壬癸 \n"[..random.Next(2, 13)];
            var chars = new List<char>();
            int length = random.Next(0, 400);
            while (chars.Count < length)
            {
                if (chars.Count > 20 && random.Next(4) == 0)
                {
                    int from = random.Next(chars.Count - 15);
                    chars.AddRange(chars.GetRange(from, Math.Min(random.Next(1, 30), chars.Count - from)));
                }
                else chars.Add(alphabet[random.Next(alphabet.Length)]);
            }
            texts.Add(new string([.. chars]));
        }

        int repeating = 0;
        foreach (string text in texts)
        {
            var hashed = new RepetitionFacts();
            var sorted = new RepetitionFacts { SortedCountAbove = 0 };
            hashed.Compute(analyzer.Analyze(text));
            sorted.Compute(analyzer.Analyze(text));
            Assert.True(hashed.CharGramRepetition == sorted.CharGramRepetition, $"\"{text}\": {hashed.CharGramRepetition} vs {sorted.CharGramRepetition}");
            if (hashed.CharGramRepetition > 0) repeating++;
        }

        Assert.True(repeating > 20, $"only {repeating} documents repeat a 13-gram: the test would not see a difference");
    }
}
