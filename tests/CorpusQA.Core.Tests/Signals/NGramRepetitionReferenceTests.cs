using CorpusQA.Core.Documents;
using CorpusQA.Core.Signals.Facts;
using CorpusQA.Core.Text;
using CorpusQA.Core.Tests.Documents;

namespace CorpusQA.Core.Tests.Signals;

/// <summary>The pruned, hashed n-gram repetition against a direct string port of datatrove's Gopher functions.</summary>
public class NGramRepetitionReferenceTests
{
    [Fact]
    public void Matches_the_reference_on_random_repetitive_documents()
    {
        var random = new Random(12345);
        var analyzer = TestAnalyzers.CharacterTokens();
        for (int doc = 0; doc < 200; doc++)
        {
            // Small alphabets and copied chunks make every n-gram length repeat somewhere.
            string alphabet = "甲乙丙丁戊己庚辛"[..random.Next(2, 9)];
            var chars = new List<char>();
            int length = random.Next(0, 120);
            while (chars.Count < length)
            {
                if (chars.Count > 12 && random.Next(3) == 0)
                {
                    int from = random.Next(chars.Count - 10);
                    chars.AddRange(chars.GetRange(from, random.Next(1, 11)));
                }
                else chars.Add(alphabet[random.Next(alphabet.Length)]);
            }
            AssertMatchesReference(analyzer.Analyze(new string([.. chars])));
        }
    }

    [Fact]
    public void Matches_the_reference_on_the_seeds_with_jieba_tokens()
    {
        var analyzer = TestAnalyzers.Jieba();
        foreach (string seed in TestData.AllSeeds) AssertMatchesReference(analyzer.Analyze(seed));
    }

    private static void AssertMatchesReference(DocView view)
    {
        var tokens = new List<string>();
        foreach (var token in view.Tokens) tokens.Add(token.Of(view.Text).ToString());
        var actual = new NGramRepetition(new HashCounter(), new RepetitionScratch());
        actual.Compute(view);
        for (int n = NGramRepetition.MinTopNGram; n <= NGramRepetition.MaxTopNGram; n++)
            Assert.True(TopDuplicate(tokens, n) == actual.TopNGramChars(n), $"top {n}-gram of \"{view.Text}\"");
        for (int n = NGramRepetition.MinDupNGram; n <= NGramRepetition.MaxDupNGram; n++)
            Assert.True(AllDuplicate(tokens, n) == actual.DuplicateNGramChars(n), $"dup {n}-gram of \"{view.Text}\"");
    }

    // datatrove find_top_duplicate, counting token characters, ties broken by length, 0 when nothing repeats.
    private static long TopDuplicate(List<string> tokens, int n)
    {
        var counts = new Dictionary<string, (int Count, int Chars)>();
        for (int i = 0; i + n <= tokens.Count; i++)
        {
            string key = string.Join('\u0001', tokens.GetRange(i, n));
            int chars = tokens.GetRange(i, n).Sum(t => t.Length);
            counts[key] = (counts.GetValueOrDefault(key).Count + 1, chars);
        }
        long best = 0;
        int bestCount = 1;
        foreach (var (count, chars) in counts.Values)
            if (count > bestCount || (count == bestCount && count > 1 && (long)count * chars > best))
            {
                bestCount = count;
                best = (long)count * chars;
            }
        return best;
    }

    // datatrove find_all_duplicate.
    private static long AllDuplicate(List<string> tokens, int n)
    {
        var seen = new HashSet<string>();
        long repeated = 0;
        int i = 0;
        while (i < tokens.Count - n + 1)
        {
            string key = string.Join('\u0001', tokens.GetRange(i, n));
            if (seen.Contains(key))
            {
                repeated += tokens.GetRange(i, n).Sum(t => t.Length);
                i += n;
            }
            else
            {
                seen.Add(key);
                i++;
            }
        }
        return repeated;
    }
}
